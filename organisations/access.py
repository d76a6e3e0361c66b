"""The one permission-checked way to reach organisations and the people in them."""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Invitation, Membership, Organisation, Person, Role

LEADER_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICYMAKER})


def memberships_of(user: Person | AnonymousUser) -> list[Membership]:
    """Return the user's memberships with their organisations, cached for the request.

    An anonymous visitor has none, so public pages may ask the questions below of anyone.
    """
    if not user.is_authenticated:
        return []
    cached = user.cached_memberships
    if cached is None:
        cached = list(Membership.objects.filter(person=user).select_related("organisation"))
        user.cached_memberships = cached
    return cached


def forget_memberships(user: Person) -> None:
    """Drop the memberships cached for the request, after the user's own roles changed."""
    user.cached_memberships = None


def visible_q(user: Person, prefix: str = "") -> Q:
    """Return a filter matching organisations the user belongs to, or that sit below them."""
    condition = Q(pk__in=[])
    for membership in memberships_of(user):
        condition |= Q(**{f"{prefix}path__startswith": membership.organisation.path})
    return condition


def visible_organisations(user: Person) -> QuerySet[Organisation]:
    """Return every organisation the user may see."""
    return Organisation.objects.filter(visible_q(user))


def roles_in(user: Person | AnonymousUser, organisation: Organisation) -> set[str]:
    """Return the roles the user holds in the organisation or any organisation above it."""
    return {
        m.role for m in memberships_of(user) if organisation.path.startswith(m.organisation.path)
    }


def can_see(user: Person | AnonymousUser, organisation: Organisation) -> bool:
    return bool(roles_in(user, organisation))


def can_lead(user: Person | AnonymousUser, organisation: Organisation) -> bool:
    """Say whether the user is an administrator or policymaker over the organisation."""
    return bool(roles_in(user, organisation) & LEADER_ROLES)


def get_organisation_for_user(user: Person, organisation_id: int) -> Organisation:
    """Return the organisation, or "not found" alike for missing and forbidden ones."""
    # With its parent: pages name it, and a query each would be one more for all but a state.
    organisation = Organisation.objects.select_related("parent").filter(pk=organisation_id).first()
    if organisation is None or not can_see(user, organisation):
        raise Http404("No such organisation.")
    return organisation


def get_led_organisation_for_user(user: Person, organisation_id: int) -> Organisation:
    """Return an organisation the user leads; others are "not found"."""
    organisation = get_organisation_for_user(user, organisation_id)
    if not can_lead(user, organisation):
        raise Http404("No such organisation.")
    return organisation


def led_organisations(user: Person) -> list[Organisation]:
    """Return the organisations where the user holds a leading role, top-most first."""
    led = [m.organisation for m in memberships_of(user) if m.role in LEADER_ROLES]
    return sorted(led, key=lambda org: (org.depth, org.name))


def people_in(organisation: Organisation) -> QuerySet[Person]:
    """Return people with a membership in the organisation or below it."""
    return Person.objects.filter(
        memberships__organisation__path__startswith=organisation.path
    ).distinct()


# Small enough for every database's limit on the values in one `IN (...)`.
EMAIL_CHUNK = 900


def people_by_email(user: Person, emails: Iterable[str]) -> dict[str, Person]:
    """Return the people the user may see who have these emails, keyed by lower-cased email.

    Someone outside the organisations the user may see is left out exactly like an address
    with no account, so no form that takes emails can tell who else is on Trellis.
    """
    wanted = list(dict.fromkeys(email.strip().lower() for email in emails))
    visible = visible_q(user, "memberships__organisation__")
    found: dict[str, Person] = {}
    for start in range(0, len(wanted), EMAIL_CHUNK):
        chunk = wanted[start : start + EMAIL_CHUNK]
        found.update((p.email.lower(), p) for p in Person.objects.filter(visible, email__in=chunk))
    return found


def pending_invitations_below(organisation: Organisation) -> QuerySet[Invitation]:
    """Return invitations still waiting for an answer in the organisation or below it."""
    return Invitation.objects.filter(
        organisation__path__startswith=organisation.path, accepted_at=None, revoked_at=None
    )


def get_pending_invitation_for_user(
    user: Person, organisation: Organisation, invitation_id: int
) -> Invitation:
    """Return a pending invitation in or below an organisation the user leads, else "not found"."""
    invitation = (
        pending_invitations_below(organisation)
        .select_related("organisation", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not can_lead(user, invitation.organisation):
        raise Http404("No such invitation.")
    return invitation


def get_membership_for_user(
    user: Person, organisation: Organisation, membership_id: int
) -> Membership:
    """Return a membership in or below an organisation the user leads, else "not found"."""
    membership = (
        Membership.objects.select_related("person", "organisation")
        .filter(pk=membership_id, organisation__path__startswith=organisation.path)
        .first()
    )
    if membership is None or not can_lead(user, membership.organisation):
        raise Http404("No such membership.")
    return membership
