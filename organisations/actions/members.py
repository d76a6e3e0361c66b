"""Organisations and the memberships that give people their roles."""

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from ..access import LEADER_ROLES
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


# Creations of organisations with one name at the same moment each take the next free slug.
SLUG_ATTEMPTS = 50


@transaction.atomic
def create_organisation(
    name: str, kind: str, parent: Organisation | None = None, **fields
) -> Organisation:
    """Create an organisation below its parent and record its place in the tree.

    Schools in different districts often share a name, and their slugs must differ. Another
    request can take the free slug between looking and writing, so a slug the unique
    constraint refuses is replaced by the next free one.
    """
    chosen = fields.pop("slug", None)
    for _attempt in range(SLUG_ATTEMPTS):
        slug = chosen or unique_slug(name)
        try:
            with transaction.atomic():
                organisation = Organisation.objects.create(
                    name=name, kind=kind, parent=parent, slug=slug, **fields
                )
            break
        except IntegrityError:
            if chosen or not Organisation.objects.filter(slug=slug).exists():
                raise  # another rule refused it, or the caller's own slug is taken
    else:
        raise IntegrityError(f"No free slug for {name!r} after {SLUG_ATTEMPTS} attempts.")
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


class LastLeader(Exception):
    """The change would leave the organisation with nobody to lead it."""


def _lock_leaders_over(organisation: Organisation) -> list[Membership]:
    """Lock and return the active leading memberships in the organisation and above it.

    Leaders above count: a district policymaker leads every school in the district. Locking
    them all, in one order, means two leaders stepping down at once can't both succeed.
    """
    return list(
        # Only the memberships: the join on people must not lock their accounts.
        Membership.objects.select_for_update(of=("self",))
        .filter(
            organisation_id__in=organisation.ancestor_ids(),
            role__in=LEADER_ROLES,
            person__is_active=True,
        )
        .order_by("pk")
    )


def _refuse_if_last_leader(membership: Membership, leaders: list[Membership]) -> None:
    """Refuse to end a leading role when nobody else leads there or above."""
    if membership.role in LEADER_ROLES and all(m.pk == membership.pk for m in leaders):
        raise LastLeader


@transaction.atomic
def change_role(membership: Membership, role: str) -> str:
    """Give the member a new role in the same organisation and return the role they had."""
    leaders = _lock_leaders_over(membership.organisation)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    previous = membership.role
    if role == previous:
        return previous
    if role not in LEADER_ROLES:
        _refuse_if_last_leader(membership, leaders)
    membership.role = role
    membership.save(update_fields=["role"])
    return previous


@transaction.atomic
def remove_member(membership: Membership) -> None:
    """End the membership; the person's account, answers and credentials stay as they are."""
    leaders = _lock_leaders_over(membership.organisation)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _refuse_if_last_leader(membership, leaders)
    membership.delete()
