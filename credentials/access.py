"""The one permission-checked way to reach issuers, micro-credentials, submissions and reviews."""

from uuid import UUID

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from frameworks.models import Competency
from organisations.access import LEADER_ROLES, can_lead, can_see, memberships_of
from organisations.models import Person

from .models import Award, AwardBatch, Issuer, MicroCredential, Review, Reviewer, Stack, Submission


def led_issuers(user: Person) -> QuerySet[Issuer]:
    """Return issuers whose organisation the user leads (or leads from above)."""
    condition = Q(pk__in=[])
    for membership in memberships_of(user):
        if membership.role in LEADER_ROLES:
            condition |= Q(organisation__path__startswith=membership.organisation.path)
    return Issuer.objects.filter(condition).select_related("organisation")


def get_issuer_for_manager(user: Person, slug: str) -> Issuer:
    """Return an issuer the user manages; others are "not found"."""
    issuer = Issuer.objects.select_related("organisation").filter(slug=slug).first()
    if issuer is None or not user.is_authenticated or not can_lead(user, issuer.organisation):
        raise Http404("No such issuer.")
    return issuer


def catalogue_for_user(user: Person) -> QuerySet[MicroCredential]:
    """Return published micro-credentials, plus every version of issuers the user manages."""
    managed = led_issuers(user).values("pk")
    return MicroCredential.objects.filter(
        Q(status=MicroCredential.Status.PUBLISHED) | Q(issuer__in=managed)
    ).select_related("issuer")


def get_micro_credential_for_user(user: Person, micro_credential_id: int) -> MicroCredential:
    found = catalogue_for_user(user).filter(pk=micro_credential_id).first()
    if found is None:
        # Retired versions stay readable (links and started work point at them); none can start.
        found = (
            MicroCredential.objects.select_related("issuer")
            .filter(pk=micro_credential_id, status=MicroCredential.Status.RETIRED)
            .first()
        )
    if found is None:
        raise Http404("No such micro-credential.")
    return found


def get_managed_micro_credential(user: Person, micro_credential_id: int) -> MicroCredential:
    found = (
        MicroCredential.objects.select_related("issuer__organisation")
        .filter(pk=micro_credential_id)
        .first()
    )
    if found is None or not can_lead(user, found.issuer.organisation):
        raise Http404("No such micro-credential.")
    return found


def get_own_submission(user: Person, submission_id: int) -> Submission:
    """Return one of the user's own submissions."""
    found = (
        Submission.objects.select_related("micro_credential__issuer", "organisation")
        .filter(pk=submission_id, earner=user)
        .first()
    )
    if found is None:
        raise Http404("No such submission.")
    return found


def get_review_for_reviewer(user: Person, review_id: int) -> Review:
    """Return a review assigned to the user; anyone else's is "not found"."""
    found = (
        Review.objects.select_related(
            "submission__micro_credential__issuer", "submission__earner", "submission__organisation"
        )
        .filter(pk=review_id, reviewer=user)
        .first()
    )
    if found is None:
        raise Http404("No such review.")
    return found


def claimable_submissions(user: Person) -> list[Submission]:
    """Return queued submissions still short of reviewers that the user may take, oldest first.

    The same rules as `actions.reviewing.eligible_reviewers`: never one's own, never a school
    colleague's when the micro-credential says so, and peers only what they hold themselves.
    """
    kinds = dict(Reviewer.objects.filter(person=user, active=True).values_list("issuer_id", "kind"))
    if not kinds:
        return []
    own_organisations = {m.organisation_id for m in memberships_of(user)}
    held = set(
        Award.objects.filter(earner=user, revoked_at__isnull=True).values_list(
            "issuer_id", "micro_credential__slug"
        )
    )
    waiting = (
        Submission.objects.filter(
            status=Submission.Status.SUBMITTED, micro_credential__issuer_id__in=kinds
        )
        .exclude(earner=user)
        .exclude(reviews__reviewer=user)
        .annotate(reviewers=Count("reviews", filter=Q(reviews__round=F("round"))))
        .select_related("micro_credential")
        .order_by("submitted_at")
    )

    def may_take(submission: Submission, reviewers: int) -> bool:
        micro_credential = submission.micro_credential
        if reviewers >= (2 if micro_credential.double_review else 1):
            return False
        if micro_credential.exclude_colleagues and submission.organisation_id in own_organisations:
            return False
        is_peer = kinds[micro_credential.issuer_id] == Reviewer.Kind.PEER
        return not is_peer or (micro_credential.issuer_id, micro_credential.slug) in held

    return [s for s in waiting if may_take(s, s.reviewers)]


def get_managed_submission(user: Person, submission_id: int) -> Submission:
    """Return a submission to an issuer the user manages."""
    found = (
        Submission.objects.select_related("micro_credential__issuer__organisation", "earner")
        .filter(pk=submission_id)
        .first()
    )
    if found is None or not can_lead(user, found.micro_credential.issuer.organisation):
        raise Http404("No such submission.")
    return found


def get_managed_award(user: Person, award_public_id: UUID) -> Award:
    found = (
        Award.objects.select_related("issuer__organisation", "micro_credential", "earner")
        .filter(public_id=award_public_id)
        .first()
    )
    if found is None or not can_lead(user, found.issuer.organisation):
        raise Http404("No such credential.")
    return found


def get_award_for_issuer_member(user: Person, award_public_id: UUID) -> Award:
    """Return an award of an issuer the user belongs to (leader or not); others are "not found".

    Revoking checks leadership itself, so a member who may not revoke is told why.
    """
    found = (
        Award.objects.select_related("issuer__organisation", "micro_credential", "earner")
        .filter(public_id=award_public_id)
        .first()
    )
    if found is None or not user.is_authenticated or not can_see(user, found.issuer.organisation):
        raise Http404("No such credential.")
    return found


def get_managed_stack(user: Person, stack_id: int) -> Stack:
    found = Stack.objects.select_related("issuer__organisation").filter(pk=stack_id).first()
    if found is None or not can_lead(user, found.issuer.organisation):
        raise Http404("No such stack.")
    return found


def get_managed_reviewer(user: Person, reviewer_id: int) -> Reviewer:
    found = (
        Reviewer.objects.select_related("issuer__organisation", "person")
        .filter(pk=reviewer_id)
        .first()
    )
    if found is None or not can_lead(user, found.issuer.organisation):
        raise Http404("No such reviewer.")
    return found


def get_managed_batch(user: Person, batch_id: int) -> AwardBatch:
    found = (
        AwardBatch.objects.select_related("issuer__organisation", "micro_credential")
        .filter(pk=batch_id)
        .first()
    )
    if found is None or not can_lead(user, found.issuer.organisation):
        raise Http404("No such bulk award.")
    return found


def competencies_for_issuer(issuer: Issuer) -> QuerySet[Competency]:
    """Return current competencies of shared frameworks and of the issuer's organisation's line."""
    organisation = issuer.organisation
    return (
        Competency.objects.filter(retired_at__isnull=True)
        .filter(
            Q(framework__organisation__isnull=True)
            | Q(framework__organisation_id__in=organisation.ancestor_ids())
            | Q(framework__organisation__path__startswith=organisation.path)
        )
        .select_related("framework")
        .order_by("framework__title", "tree_order")
    )
