"""Who may be named as a mentor, facilitator, cohort member or playlist reader, and their labels."""

from collections import Counter
from collections.abc import Callable

from django.db.models import Prefetch, Q, QuerySet

from organisations.access import people_in
from organisations.models import Membership, Organisation, Person

from .models import Cohort


def community_of(organisation: Organisation) -> Organisation:
    """Return the organisation whose people count as colleagues: a school's district."""
    if organisation.kind == Organisation.Kind.SCHOOL and organisation.parent_id:
        return organisation.parent
    return organisation


def mentor_candidates(organisation: Organisation) -> QuerySet[Person]:
    """Return the people who may mentor someone working in the organisation."""
    return people_in(community_of(organisation))


def cohort_candidates(organisation: Organisation) -> QuerySet[Person]:
    """Return the people who may facilitate or join a cohort of the organisation.

    A school's cohort may gather colleagues from its district's other schools, as a
    district's cohort gathers its schools' people.
    """
    return people_in(community_of(organisation))


def playlist_candidates(organisation: Organisation) -> QuerySet[Person]:
    """Return the people a playlist of the organisation may be shared with: its district's."""
    return people_in(community_of(organisation))


def playlist_cohorts(owner: Person, organisation: Organisation) -> QuerySet[Cohort]:
    """Return the owner's cohorts in the playlist's district, with which it may be shared."""
    return Cohort.objects.filter(
        Q(facilitator=owner) | Q(created_by=owner) | Q(memberships__person=owner),
        organisation__path__startswith=community_of(organisation).path,
    ).distinct()


def person_labels(people: QuerySet[Person], within: Organisation) -> dict[int, str]:
    """Return a label for each person: their name with their role and school.

    Two people with the same name, role and school still differ by their email address.
    Costs two queries, whatever the number of people.
    """
    memberships = Membership.objects.filter(
        organisation__path__startswith=within.path
    ).select_related("organisation")
    rows = list(
        people.order_by("family_name", "given_name", "pk").prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="places")
        )
    )
    labels = {}
    for person in rows:
        places = sorted(person.places, key=lambda m: (m.organisation.depth, m.organisation.name))
        where = "; ".join(
            f"{m.title or m.get_role_display()}, {m.organisation.name}" for m in places
        )
        labels[person.pk] = f"{person.full_name} — {where}" if where else person.full_name
    repeated = Counter(labels.values())
    return {
        p.pk: f"{labels[p.pk]} ({p.email})" if repeated[labels[p.pk]] > 1 else labels[p.pk]
        for p in rows
    }


def labels_within(within: Organisation) -> Callable[[QuerySet[Person]], dict[int, str]]:
    """Return how a people picker labels the people it shows: role and school in `within`."""
    return lambda people: person_labels(people, within)
