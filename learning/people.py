"""Who may be named as a mentor, facilitator or cohort member."""

from django.db.models import QuerySet

from organisations.access import people_in
from organisations.models import Organisation, Person


def community_of(organisation: Organisation) -> Organisation:
    """Return the organisation whose people count as colleagues: a school's district."""
    if organisation.kind == Organisation.Kind.SCHOOL and organisation.parent_id:
        return organisation.parent
    return organisation


def mentor_candidates(organisation: Organisation) -> QuerySet[Person]:
    """Return the people who may mentor someone working in the organisation."""
    return people_in(community_of(organisation))
