"""Shortcuts for building assessments with answers in tests."""

from assessments import actions
from assessments.models import Assessment, Criterion, Instrument, TeamMember
from organisations.models import Organisation, Person


def start(
    organisation: Organisation,
    instrument: Instrument,
    leader: Person,
    team: list[tuple[Person, str]],
) -> Assessment:
    return actions.start_assessment(organisation, instrument, "Spring review", leader, team)


def seat(assessment: Assessment, person: Person) -> TeamMember:
    return TeamMember.objects.select_related("assessment").get(assessment=assessment, person=person)


def answer_all(
    member: TeamMember, rating: int | dict[int, int], evidence: str = "", submit: bool = True
) -> None:
    """Rate every criterion of the member's role; a dict maps area numbers to ratings."""
    criteria = Criterion.objects.filter(
        area__instrument_id=member.assessment.instrument_id, role=member.role
    ).select_related("area__instrument")
    for criterion in criteria:
        value = rating.get(criterion.area.number, 2) if isinstance(rating, dict) else rating
        actions.save_answer(member, criterion, value, evidence, "")
    if submit:
        actions.submit_answers(member)
