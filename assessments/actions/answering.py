"""A team member's answers: saved as they go, then submitted once."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib.errors import ActionError

from ..models import Criterion, Rating, Response, TeamMember


def _lock_seat(member: TeamMember) -> None:
    """Lock the member's seat and read it again, with its assessment's stage as it is now.

    A double click sends two submits, and an autosave may arrive as the member submits: the
    seat's row makes them wait their turn, and the later one sees what the earlier one did.
    """
    member.refresh_from_db(
        from_queryset=TeamMember.objects.select_for_update(of=("self",)).select_related(
            "assessment"
        )
    )


def _check_answer(member: TeamMember, criterion: Criterion, rating: int | None) -> None:
    assessment = member.assessment
    if not assessment.accepts_answers:
        raise ActionError(
            _("This assessment is no longer collecting answers, so nothing was changed.")
        )
    if member.submitted_at:
        raise ActionError(
            _("You have already submitted your answers; they can no longer be changed.")
        )
    if criterion.area.instrument_id != assessment.instrument_id:
        raise ActionError(
            _("That criterion belongs to another instrument or version; reload the page."),
            field="criterion",
        )
    if criterion.role != member.role:
        raise ActionError(
            _("Criterion %(code)s is for another role; answer the criteria for your role.")
            % {"code": criterion.code},
            field="criterion",
        )
    if rating is not None and rating not in Rating.values:
        raise ActionError(
            _("The rating must be one of: don’t know, not yet meeting, meets, exceeds."),
            field="rating",
        )


@transaction.atomic
def save_answer(
    member: TeamMember, criterion: Criterion, rating: int | None, evidence: str, growth: str
) -> Response:
    """Save one criterion's draft answer; nothing else changes."""
    _lock_seat(member)
    _check_answer(member, criterion, rating)
    response, _created = Response.objects.update_or_create(
        member=member,
        criterion=criterion,
        defaults={
            "rating": rating,
            "evidence": evidence.strip(),
            "growth": growth.strip(),
            "updated_at": timezone.now(),
        },
    )
    return response


def unanswered_criteria(member: TeamMember) -> list[Criterion]:
    """Return the member's criteria that have no rating yet."""
    answered = Response.objects.filter(member=member, rating__isnull=False).values("criterion_id")
    return list(
        Criterion.objects.filter(
            area__instrument_id=member.assessment.instrument_id, role=member.role
        )
        .exclude(pk__in=answered)
        .select_related("area")
    )


@transaction.atomic
def submit_answers(member: TeamMember, allow_incomplete: bool = False) -> TeamMember:
    """Submit the member's answers once; unanswered criteria need an explicit confirmation."""
    _lock_seat(member)
    if not member.assessment.accepts_answers:
        raise ActionError(_("This assessment is no longer collecting answers."))
    if member.submitted_at:
        raise ActionError(
            _("You have already submitted your answers; they can no longer be changed.")
        )
    missing = unanswered_criteria(member)
    if missing and not allow_incomplete:
        raise ActionError(
            ngettext(
                "%(count)s criterion has no rating yet. Rate it, or confirm to submit anyway.",
                "%(count)s criteria have no rating yet. Rate them, or confirm to submit anyway.",
                len(missing),
            )
            % {"count": len(missing)},
            field="confirm_incomplete",
        )
    member.submitted_at = timezone.now()
    member.save(update_fields=["submitted_at"])
    return member
