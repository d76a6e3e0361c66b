"""Organisations and the memberships that give people their roles."""

from django.db import transaction
from django.utils.text import slugify

from ..models import Membership, Organisation, Person


def unique_slug(name: str, taken: set[str] | None = None) -> str:
    """Return a slug for the name that no organisation uses yet."""
    base = slugify(name)[:70] or "organisation"
    candidate, n = base, 2
    while (taken is not None and candidate in taken) or Organisation.objects.filter(
        slug=candidate
    ).exists():
        candidate, n = f"{base}-{n}", n + 1
    if taken is not None:
        taken.add(candidate)
    return candidate


@transaction.atomic
def create_organisation(
    name: str, kind: str, parent: Organisation | None = None, **fields
) -> Organisation:
    """Create an organisation below its parent and record its place in the tree."""
    fields.setdefault("slug", unique_slug(name))
    organisation = Organisation.objects.create(name=name, kind=kind, parent=parent, **fields)
    organisation.path = f"{parent.path if parent else '/'}{organisation.pk}/"
    organisation.save(update_fields=["path"])
    return organisation


@transaction.atomic
def add_member(
    person: Person, organisation: Organisation, role: str, title: str = ""
) -> Membership:
    """Give the person a role in the organisation, replacing any earlier role there."""
    membership, _created = Membership.objects.update_or_create(
        person=person, organisation=organisation, defaults={"role": role, "title": title}
    )
    return membership
