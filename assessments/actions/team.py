"""Start an assessment, seat its team, and move it through its stages."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..models import Assessment, Instrument, TeamMember


@transaction.atomic
def start_assessment(
    organisation: Organisation,
    instrument: Instrument,
    title: str,
    started_by: Person,
    team: Iterable[tuple[Person, str]],
) -> Assessment:
    """Open an assessment on the instrument's current version and invite the team."""
    assessment = Assessment.objects.create(
        organisation=organisation, instrument=instrument, title=title, started_by=started_by
    )
    add_team_members(assessment, team)
    return assessment


@transaction.atomic
def add_team_members(assessment: Assessment, team: Iterable[tuple[Person, str]]) -> int:
    """Seat each person once on the team and email them the link."""
    seated = set(assessment.members.values_list("person_id", flat=True))
    new = [
        TeamMember(assessment=assessment, person=person, role=role)
        for person, role in dict(team).items()
        if person.pk not in seated
    ]
    TeamMember.objects.bulk_create(new)
    link = settings.SITE_URL + reverse("assessments:detail", args=[assessment.pk])
    messages = [
        (
            _("Your team is assessing the conditions for teacher leadership"),
            _(
                "You are on the team for “%(title)s” at %(organisation)s.\n\n"
                "Answer the criteria for your role on your own first; you will see your "
                "colleagues’ answers once you submit yours.\n\n%(link)s\n"
            )
            % {"title": assessment.title, "organisation": assessment.organisation, "link": link},
            None,
            [member.person.email],
        )
        for member in new
    ]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
    return len(new)


@transaction.atomic
def set_assessment_status(assessment: Assessment, status: str) -> Assessment:
    """Move the assessment on: collecting → discussing → closed."""
    order = [choice for choice, _label in Assessment.Status.choices]
    if status not in order:
        raise ActionError(_("That is not a valid status."), field="status")
    if assessment.status == Assessment.Status.CLOSED:
        raise ActionError(_("This assessment is closed; start a new one to assess again."))
    if order.index(status) < order.index(assessment.status):
        raise ActionError(_("An assessment cannot go back to an earlier stage."), field="status")
    assessment.status = status
    assessment.closed_at = timezone.now() if status == Assessment.Status.CLOSED else None
    assessment.save(update_fields=["status", "closed_at"])
    return assessment
