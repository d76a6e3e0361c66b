"""Award earned micro-credentials as signed Open Badges, revoke them, and award a cohort at once."""

from calendar import monthrange
from datetime import datetime

from django.core.mail import send_mail, send_mass_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.access import can_lead
from organisations.models import Person

from .. import issuing, keystore
from ..models import (
    Artifact,
    Award,
    AwardBatch,
    Issuer,
    MicroCredential,
    SigningKey,
    StatusList,
    Submission,
)
from ..signals import credential_revoked, credentials_awarded


def _next_indexes(issuer: Issuer, key: SigningKey, count: int) -> list[tuple[StatusList, int]]:
    """Reserve `count` unused bits in the issuer's revocation lists bound to `key`."""
    reserved: list[tuple[StatusList, int]] = []
    while len(reserved) < count:
        status_list = (
            StatusList.objects.select_for_update()
            .filter(issuer=issuer, signing_key=key, next_index__lt=F("size"))
            .order_by("pk")
            .first()
        ) or StatusList.objects.create(issuer=issuer, signing_key=key)
        take = min(count - len(reserved), status_list.size - status_list.next_index)
        reserved += [(status_list, status_list.next_index + i) for i in range(take)]
        status_list.next_index += take
        status_list.save(update_fields=["next_index"])
    return reserved


def add_months(moment: datetime, months: int) -> datetime:
    """Return the same day and time `months` later, on the month's last day if it is shorter."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, monthrange(year, month)[1]))


@transaction.atomic
def issue_awards(
    micro_credential: MicroCredential,
    earners: list[Person],
    submissions: dict[int, Submission] | None = None,
    valid_until: datetime | None = None,
    awarded_at: datetime | None = None,
) -> list[Award]:
    """Create and sign one credential per earner in one batch.

    `valid_until` (say, chosen for a bulk award) wins over the micro-credential's validity.
    `awarded_at` backdates the credentials, for archives brought in from elsewhere and the demo.
    """
    issuer = micro_credential.issuer
    submissions = submissions or {}
    now = (awarded_at or timezone.now()).replace(microsecond=0)
    if valid_until is None and micro_credential.valid_for_months:
        valid_until = add_months(now, micro_credential.valid_for_months)
    if valid_until is not None:
        valid_until = valid_until.replace(microsecond=0)
    key = keystore.current_key(issuer)
    slots = _next_indexes(issuer, key, len(earners))
    awards = [
        Award(
            issuer=issuer,
            micro_credential=micro_credential,
            earner=earner,
            submission=submissions.get(earner.pk),
            awarded_at=now,
            valid_until=valid_until,
            status_list=status_list,
            status_index=index,
            signed_json={},
        )
        for earner, (status_list, index) in zip(earners, slots, strict=True)
    ]
    # By submission; an award without one (a bulk award) looks up None and finds nothing.
    public: dict[int | None, list[Artifact]] = {}
    submission_ids = [s.pk for s in submissions.values()]
    for artifact in Artifact.objects.filter(
        submission_id__in=submission_ids, is_public=True, detached_at__isnull=True
    ):
        public.setdefault(artifact.submission_id, []).append(artifact)
    achievement = issuing.achievement(micro_credential, issuing.alignments_for(micro_credential))
    unsigned = [
        issuing.build(award, public.get(award.submission_id, []), achievement, key)
        for award in awards
    ]
    for award, signed in zip(awards, issuing.sign_all(issuer, unsigned, now, key), strict=True):
        award.signed_json = signed
    saved = Award.objects.bulk_create(awards)
    credentials_awarded.send(Award, awards=saved)
    return saved


@transaction.atomic
def award_credential(submission: Submission) -> Award:
    """Award the earned submission; awarding it again returns the same credential."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    existing = Award.objects.filter(submission=locked).first()
    if existing:
        return existing
    if locked.status != Submission.Status.EARNED:
        raise ActionError(_("Only an earned submission can be awarded."))
    return issue_awards(locked.micro_credential, [locked.earner], {locked.earner_id: locked})[0]


@transaction.atomic
def revoke_credential(award: Award, by: Person, reason: str) -> Award:
    """Revoke a credential with a reason; its bit flips in the published status list."""
    if not can_lead(by, award.issuer.organisation):
        raise ActionError(
            _("Only people who manage %(issuer)s can revoke its credentials.")
            % {"issuer": award.issuer.name}
        )
    if not reason.strip():
        raise ActionError(_("Give a reason for revoking; the earner will see it."), field="reason")
    # Of two revocations at once, the second waits and finds it done: one email, one reason.
    award.refresh_from_db(from_queryset=Award.objects.select_for_update())
    if award.revoked_at:
        return award
    award.revoked_at = timezone.now()
    award.revoked_by = by
    award.revocation_reason = reason.strip()
    award.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    StatusList.objects.filter(pk=award.status_list_id).update(
        signed_json=None, updated_at=timezone.now()
    )
    credential_revoked.send(Award, award=award)
    email, title = award.earner.email, award.micro_credential.title
    transaction.on_commit(
        lambda: send_mail(
            _("Your credential “%(t)s” was revoked") % {"t": title},
            _("Reason given by the issuer: %(r)s\n") % {"r": award.revocation_reason},
            None,
            [email],
            fail_silently=True,
        )
    )
    return award


def email_new_holders(awards: list[Award]) -> None:
    """Tell each earner of a bulk award, once the awards are committed, where their badge is."""
    messages = [
        (
            _("You earned “%(t)s”") % {"t": award.micro_credential.title},
            _("%(issuer)s awarded you this micro-credential. See and share your badge:\n%(link)s\n")
            % {"issuer": award.issuer.name, "link": award.url},
            None,
            [award.earner.email],
        )
        for award in awards
    ]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def holders_of(micro_credential: MicroCredential, among: list[int] | None = None) -> set[int]:
    """Return who holds any version of the micro-credential, unrevoked (of `among`, if given)."""
    awards = Award.objects.filter(
        issuer_id=micro_credential.issuer_id,
        micro_credential__slug=micro_credential.slug,
        revoked_at__isnull=True,
    )
    if among is not None:
        awards = awards.filter(earner_id__in=among)
    return set(awards.values_list("earner_id", flat=True))


@transaction.atomic
def start_bulk_award(
    micro_credential: MicroCredential,
    earners: list[Person],
    by: Person,
    valid_until: datetime | None = None,
) -> AwardBatch:
    """Queue a background job that awards the credential to a whole cohort."""
    if not can_lead(by, micro_credential.issuer.organisation):
        raise ActionError(_("Only people who manage the issuer can award its credentials."))
    if not micro_credential.is_published:
        raise ActionError(_("Publish the micro-credential before awarding it."))
    if not earners:
        raise ActionError(_("Choose at least one person to award."), field="earners")
    if valid_until is not None and valid_until <= timezone.now():
        raise ActionError(
            _("Choose an expiry date after today, or leave it blank."), field="valid_until"
        )
    batch = AwardBatch.objects.create(
        issuer=micro_credential.issuer,
        micro_credential=micro_credential,
        requested_by=by,
        earner_ids=sorted({p.pk for p in earners}),
        total=len({p.pk for p in earners}),
        valid_until=valid_until,
    )
    from ..tasks import run_award_batch

    transaction.on_commit(lambda: _enqueue(batch, run_award_batch))
    return batch


def _enqueue(batch: AwardBatch, task) -> None:
    result = task.enqueue(batch.pk)
    AwardBatch.objects.filter(pk=batch.pk).update(task_id=str(result.id)[:64])


BATCH_CHUNK = 200
