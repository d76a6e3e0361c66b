"""Every write to assessments goes through these functions."""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib.errors import ActionError
from organisations.models import Organisation, Person

from .models import (
    AreaAgreement,
    Assessment,
    Criterion,
    FocusArea,
    FocusGroup,
    Instrument,
    NextStep,
    Rating,
    Recommendation,
    Response,
    TeamMember,
)


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
    """Submit the member's answers; unanswered criteria need an explicit confirmation."""
    if not member.assessment.accepts_answers:
        raise ActionError(_("This assessment is no longer collecting answers."))
    if member.submitted_at:
        return member
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


def _check_discussion_open(assessment: Assessment) -> None:
    if assessment.status == Assessment.Status.CLOSED:
        raise ActionError(_("This assessment is closed, so its discussion notes are final."))


def _check_area(assessment: Assessment, area: FocusArea) -> None:
    if area.instrument_id != assessment.instrument_id:
        raise ActionError(_("That focus area is not part of this assessment."), field="area")


@transaction.atomic
def record_agreement(
    assessment: Assessment, area: FocusArea, rating: int | None, position: str, by: Person
) -> AreaAgreement:
    """Record the team's agreed rating and position on one focus area."""
    _check_discussion_open(assessment)
    _check_area(assessment, area)
    if rating is not None and rating not in Rating.values:
        raise ActionError(_("Choose one of the ratings offered."), field="rating")
    agreement, _created = AreaAgreement.objects.update_or_create(
        assessment=assessment,
        area=area,
        defaults={
            "rating": rating,
            "position": position.strip(),
            "updated_by": by,
            "updated_at": timezone.now(),
        },
    )
    return agreement


@transaction.atomic
def add_next_step(
    assessment: Assessment,
    area: FocusArea,
    description: str,
    owner: Person | None,
    due_on,
) -> NextStep:
    """Record who does what by when for one focus area."""
    _check_discussion_open(assessment)
    _check_area(assessment, area)
    if not description.strip():
        raise ActionError(_("Describe the next step."), field="description")
    return NextStep.objects.create(
        assessment=assessment,
        area=area,
        description=description.strip(),
        owner=owner,
        due_on=due_on,
    )


@transaction.atomic
def set_next_step_done(step: NextStep, done: bool) -> NextStep:
    step.done = done
    step.save(update_fields=["done"])
    return step


@transaction.atomic
def copy_instrument(instrument: Instrument, organisation: Organisation, title: str) -> Instrument:
    """Make an editable copy of an instrument for the organisation."""
    latest = (
        Instrument.objects.filter(organisation=organisation, slug=instrument.slug)
        .order_by("-version")
        .first()
    )
    copy = Instrument.objects.create(
        slug=instrument.slug,
        version=(latest.version + 1) if latest else 1,
        title=title,
        summary=instrument.summary,
        instructions=instrument.instructions,
        source=instrument.source,
        organisation=organisation,
        based_on=instrument,
    )
    if latest:
        Instrument.objects.filter(organisation=organisation, slug=instrument.slug).exclude(
            pk=copy.pk
        ).update(is_current=False)
    areas = {a.pk: a for a in instrument.areas.select_related("group")}
    groups = {}
    for group in instrument.groups.all():
        groups[group.pk] = FocusGroup.objects.create(
            instrument=copy,
            key=group.key,
            title=group.title,
            summary=group.summary,
            position=group.position,
        )
    new_areas = {}
    for area in areas.values():
        new_areas[area.pk] = FocusArea.objects.create(
            instrument=copy,
            group=groups[area.group_id],
            key=area.key,
            number=area.number,
            title=area.title,
            rationale=area.rationale,
        )
    Criterion.objects.bulk_create(
        Criterion(area=new_areas[c.area_id], role=c.role, code=c.code, text=c.text)
        for c in Criterion.objects.filter(area__instrument=instrument)
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            area=new_areas[r.area_id],
            role=r.role,
            text=r.text,
            position=r.position,
            micro_credentials=r.micro_credentials,
        )
        for r in Recommendation.objects.filter(area__instrument=instrument)
    )
    return copy


@transaction.atomic
def edit_criterion(instrument: Instrument, criterion: Criterion, text: str) -> Instrument:
    """Change a criterion; an instrument already in use gets a new version instead."""
    if instrument.organisation_id is None:
        raise ActionError(_("Built-in instruments cannot be edited; make a copy first."))
    if not text.strip():
        raise ActionError(_("The criterion needs some text."), field="text")
    target = instrument
    if Assessment.objects.filter(instrument=instrument).exists():
        target = copy_instrument(instrument, instrument.organisation, instrument.title)
    Criterion.objects.filter(area__instrument=target, code=criterion.code).update(text=text.strip())
    return target
