"""Organisations' pages in the tenancy walk (tests/test_tenancy.py)."""

from organisations.actions import invite_person
from organisations.models import Membership, Role

PUBLIC: set[str] = set()
PERSONAL: set[str] = set()


def values(case) -> dict:
    invitation = invite_person(
        case.walker_gamble, "pending@clarendon.example", Role.TEACHER, case.paula
    )
    membership = Membership.objects.get(person=case.alice, organisation=case.walker_gamble)
    return {"invitation_id": invitation.pk, "membership_id": membership.pk}
