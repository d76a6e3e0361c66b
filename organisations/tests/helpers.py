"""Helpers other apps' tests may use too."""

from organisations.models import Membership, Organisation, Person, Role


def add_teachers(school: Organisation, count: int, family_name: str = "Teacher") -> list[Person]:
    """Add `count` teachers to the school in bulk, named Given0000 Teacher and so on."""
    people = Person.objects.bulk_create(
        Person(
            email=f"{family_name.lower()}{n}@{school.pk}.example",
            given_name=f"Given{n:04}",
            family_name=family_name,
            password="!",
        )
        for n in range(count)
    )
    Membership.objects.bulk_create(
        Membership(person=p, organisation=school, role=Role.TEACHER) for p in people
    )
    return people
