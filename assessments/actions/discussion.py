"""The team's discussion of a report: agreed positions and next steps."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Person

from ..models import AreaAgreement, Assessment, FocusArea, NextStep, Rating


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
