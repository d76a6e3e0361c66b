"""Keep plans up to date with what happens elsewhere: credentials earned, experiences done."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from credentials.models import Award
from learning.models import ExperienceEnrolment

from ..keys import learning_object_key, micro_credential_key
from ..models import PlanItem


@transaction.atomic
def complete_items_for_awards(awards: list[Award]) -> int:
    """Mark the earners' plan items for the awarded micro-credentials done; return how many.

    One update per micro-credential, however many earners a cohort award reaches.
    """
    now = timezone.now()
    earners: dict[str, list[int]] = {}
    for award in awards:
        key = micro_credential_key(award.micro_credential.slug)
        earners.setdefault(key, []).append(award.earner_id)
    return sum(
        PlanItem.objects.filter(plan__owner_id__in=owner_ids, source_key=key)
        .exclude(status=PlanItem.Status.DONE)
        .update(status=PlanItem.Status.DONE, completed_at=now, updated_at=now)
        for key, owner_ids in earners.items()
    )


@transaction.atomic
def reopen_items_for_revocation(award: Award) -> int:
    """Put the earner's done plan items for a revoked micro-credential back in progress.

    Unless the earner still holds the micro-credential through another credential (an award of
    another version, say): then the item stays done. Returns how many items changed.
    """
    if (
        Award.objects.filter(
            earner_id=award.earner_id,
            micro_credential__slug=award.micro_credential.slug,
            revoked_at__isnull=True,
        )
        .exclude(pk=award.pk)
        .exists()
    ):
        return 0
    return PlanItem.objects.filter(
        plan__owner_id=award.earner_id,
        source_key=micro_credential_key(award.micro_credential.slug),
        status=PlanItem.Status.DONE,
    ).update(status=PlanItem.Status.IN_PROGRESS, completed_at=None, updated_at=timezone.now())


def complete_items_already_earned(plan_ids: list[int]) -> int:
    """Mark micro-credential items done where the plan's owner already holds the credential."""
    held = {
        (earner_id, micro_credential_key(slug))
        for earner_id, slug in Award.objects.filter(
            earner__learning_plans__in=plan_ids, revoked_at__isnull=True
        ).values_list("earner_id", "micro_credential__slug")
    }
    if not held:
        return 0
    done = [
        pk
        for pk, owner_id, key in PlanItem.objects.filter(
            plan_id__in=plan_ids, kind=PlanItem.Kind.MICRO_CREDENTIAL
        )
        .exclude(status=PlanItem.Status.DONE)
        .values_list("pk", "plan__owner_id", "source_key")
        if (owner_id, key) in held
    ]
    now = timezone.now()
    return PlanItem.objects.filter(pk__in=done).update(
        status=PlanItem.Status.DONE, completed_at=now, updated_at=now
    )


@transaction.atomic
def complete_items_for_experience(enrolment: ExperienceEnrolment) -> int:
    """Mark the person's plan items for a completed leadership experience done."""
    now = timezone.now()
    key = learning_object_key("experience", enrolment.experience)
    return (
        PlanItem.objects.filter(plan__owner_id=enrolment.person_id, kind=PlanItem.Kind.EXPERIENCE)
        .filter(Q(experience_id=enrolment.experience_id) | Q(source_key=key))
        .exclude(status=PlanItem.Status.DONE)
        .update(status=PlanItem.Status.DONE, completed_at=now, updated_at=now)
    )


@transaction.atomic
def reopen_items_for_experience(enrolment: ExperienceEnrolment) -> int:
    """Put the person's done plan items for an experience a mentor sent back in progress."""
    key = learning_object_key("experience", enrolment.experience)
    return (
        PlanItem.objects.filter(plan__owner_id=enrolment.person_id, kind=PlanItem.Kind.EXPERIENCE)
        .filter(Q(experience_id=enrolment.experience_id) | Q(source_key=key))
        .filter(status=PlanItem.Status.DONE)
        .update(status=PlanItem.Status.IN_PROGRESS, completed_at=None, updated_at=timezone.now())
    )
