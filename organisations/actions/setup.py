"""Set up an organisation from the command line: create it, and invite its first leader."""

from dataclasses import dataclass

from django.db import transaction

from ..access import LEADER_ROLES
from ..models import Invitation, Membership, Organisation, Person, Role
from .invitations import invite_person
from .members import create_organisation


@dataclass(frozen=True)
class SetUp:
    """What `set_up_organisation` did: the organisation, and the invitation it sent, if any."""

    organisation: Organisation
    created: bool
    # None when no email was given, or the person already leads there: nothing was sent.
    invitation: Invitation | None


@transaction.atomic
def set_up_organisation(
    name: str,
    kind: str,
    parent: Organisation | None,
    email: str = "",
    role: str = Role.ADMINISTRATOR,
    given_name: str = "",
    family_name: str = "",
    code: str = "",
) -> SetUp:
    """Create the organisation unless it exists, and invite its first leader unless they lead.

    Without an email, no one is invited: the leaders of the organisations above lead it.
    Running it again changes nothing but re-sending a pending invitation, whose link then
    works for the full number of days again. The leader chooses their own password when they
    accept; a name given here fills in the form they accept on, and they may correct it.
    """
    if role not in LEADER_ROLES:
        raise ValueError(f"The first leader must be an administrator or policymaker, not {role}.")
    if parent is not None:
        # Two runs for one parent take turns, so the second finds the first's organisation.
        parent = Organisation.objects.select_for_update().get(pk=parent.pk)
    organisation = (
        Organisation.objects.filter(parent=parent, kind=kind, name__iexact=name.strip())
        .order_by("pk")
        .first()
    )
    created = organisation is None
    if organisation is None:
        organisation = create_organisation(name.strip(), kind, parent, code=code.strip())
    email = email.strip().lower()
    if not email:
        return SetUp(organisation, created, None)
    leads = Membership.objects.filter(
        organisation=organisation, person__email=email, role__in=LEADER_ROLES
    )
    if leads.exists():
        return SetUp(organisation, created, None)
    if (given_name or family_name) and not Person.objects.filter(email=email).exists():
        # An account without a password, as a staff import makes: the invitation sets it.
        Person.objects.create_user(email, None, given_name=given_name, family_name=family_name)
    return SetUp(organisation, created, invite_person(organisation, email, role, None))
