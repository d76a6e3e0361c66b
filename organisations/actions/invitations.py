"""Invitations: sending, re-sending, withdrawing and accepting them."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Invitation, Membership, Organisation, Person, Role, invitation_expiry
from .members import add_member

# Higher roles carry more responsibility; an invitation never lowers someone's role.
ROLE_RANK: dict[str, int] = {Role.TEACHER: 0, Role.ADMINISTRATOR: 1, Role.POLICYMAKER: 2}


class InvitationUnusable(Exception):
    """The invitation was accepted, withdrawn or has expired since the page was opened."""


def invitation_link(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("invitation-accept", args=[invitation.token])


def invitation_message(invitation: Invitation) -> tuple[str, str, None, list[str]]:
    """Return the subject, body, sender and recipient of the invitation's email."""
    inviter = invitation.invited_by.full_name if invitation.invited_by else "Trellis"
    body = _(
        "%(inviter)s invited you to join %(organisation)s on Trellis as %(role)s.\n\n"
        "Accept the invitation and choose your password here:\n%(link)s\n"
    ) % {
        "inviter": inviter,
        "organisation": invitation.organisation,
        "role": invitation.get_role_display().lower(),
        "link": invitation_link(invitation),
    }
    body += "\n" + _("The link works until %(date)s; after that, ask for a new one.") % {
        "date": date_format(timezone.localtime(invitation.expires_at))
    }
    subject = _("You are invited to %(organisation)s on Trellis") % {
        "organisation": invitation.organisation
    }
    return subject, body + "\n", None, [invitation.email]


def send_invitations_on_commit(invitations: list[Invitation]) -> None:
    """Email the invitations once the transaction that recorded them has committed."""
    if invitations:
        messages = [invitation_message(invitation) for invitation in invitations]
        transaction.on_commit(lambda: send_mass_mail(messages))


def _refresh(invitation: Invitation) -> None:
    invitation.sent_at = timezone.now()
    invitation.expires_at = invitation_expiry()
    invitation.renewal_requested_at = None


def pending_invitation(organisation: Organisation, email: str) -> Invitation | None:
    """Return the invitation to the address still waiting for an answer there, if any."""
    return Invitation.objects.filter(
        organisation=organisation, email=email.lower(), accepted_at=None, revoked_at=None
    ).first()


def _new_invitation(
    organisation: Organisation, email: str, role: str, invited_by: Person | None
) -> Invitation | None:
    """Record a new invitation; None if a parallel request has just invited the address there.

    The constraint "one pending invitation per address" decides between two requests at once;
    the savepoint keeps the transaction usable, so the loser sends the winner's invitation.
    """
    try:
        with transaction.atomic():
            return Invitation.objects.create(
                organisation=organisation,
                email=email.lower(),
                role=role,
                token=secrets.token_urlsafe(32),
                invited_by=invited_by,
            )
    except IntegrityError:
        return None


@transaction.atomic
def invite_person(
    organisation: Organisation, email: str, role: str, invited_by: Person | None
) -> Invitation:
    """Email an invitation; one already waiting for the address there is sent again instead."""
    invitation = pending_invitation(organisation, email)
    created = None
    if invitation is None:
        created = _new_invitation(organisation, email, role, invited_by)
        invitation = created or Invitation.objects.get(
            organisation=organisation, email=email.lower(), accepted_at=None, revoked_at=None
        )
    if invitation is not created:
        invitation.role = role
        invitation.invited_by = invited_by
        _refresh(invitation)
        invitation.save(
            update_fields=["role", "invited_by", "sent_at", "expires_at", "renewal_requested_at"]
        )
    send_invitations_on_commit([invitation])
    return invitation


@transaction.atomic
def resend_invitation(invitation: Invitation) -> Invitation:
    """Send the same link again and let it work for the full number of days from now."""
    _refresh(invitation)
    invitation.save(update_fields=["sent_at", "expires_at", "renewal_requested_at"])
    send_invitations_on_commit([invitation])
    return invitation


@transaction.atomic
def revoke_invitation(invitation: Invitation) -> Invitation:
    """Withdraw the invitation so its link no longer works."""
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def request_new_invitation(invitation: Invitation) -> bool:
    """Ask whoever sent an expired invitation to send it again, at most once a day."""
    recent = timezone.now() - timedelta(days=1)
    if invitation.renewal_requested_at and invitation.renewal_requested_at > recent:
        return True
    recipients = [invitation.invited_by] if invitation.invited_by else []
    if not recipients or not recipients[0].is_active:
        recipients = list(
            Person.objects.filter(
                is_active=True,
                memberships__organisation=invitation.organisation,
                memberships__role__in=[Role.ADMINISTRATOR, Role.POLICYMAKER],
            )
        )
    if not recipients:
        return False
    invitation.renewal_requested_at = timezone.now()
    invitation.save(update_fields=["renewal_requested_at"])
    people_page = settings.SITE_URL + reverse(
        "organisations:people", args=[invitation.organisation_id]
    )
    subject = _("%(email)s asks for a new invitation to %(organisation)s") % {
        "email": invitation.email,
        "organisation": invitation.organisation,
    }
    body = _(
        "The invitation you sent to %(email)s expired before they used it, and they asked for "
        "a new one. Send it again from the pending invitations on the People page:\n%(link)s\n"
    ) % {"email": invitation.email, "link": people_page}
    addresses = [person.email for person in recipients]
    transaction.on_commit(lambda: send_mail(subject, body, None, addresses, fail_silently=True))
    return True


def _check_usable(invitation: Invitation) -> Invitation:
    """Lock the invitation and refuse it if it can no longer be used."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_pending or locked.is_expired:
        raise InvitationUnusable
    return locked


def _join(invitation: Invitation, person: Person) -> tuple[Membership, str]:
    """Add the person where they were invited, keeping a higher role they already hold there."""
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    membership = Membership.objects.filter(
        person=person, organisation=invitation.organisation
    ).first()
    if membership is None:
        return add_member(person, invitation.organisation, invitation.role), "added"
    if ROLE_RANK[invitation.role] > ROLE_RANK[membership.role]:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
        return membership, "raised"
    return membership, "kept"


@transaction.atomic
def accept_invitation(
    invitation: Invitation, given_name: str, family_name: str, password: str
) -> tuple[Person, Membership, str]:
    """Create the invited account, or choose the first password of one made for them, and join.

    An account that already has a password is never changed here: its owner signs in and
    joins with `join_by_invitation`.
    """
    invitation = _check_usable(invitation)
    person = Person.objects.select_for_update().filter(email=invitation.email).first()
    if person is None:
        person = Person.objects.create_user(
            invitation.email, password, given_name=given_name, family_name=family_name
        )
    elif person.has_usable_password() or not person.is_active:
        raise InvitationUnusable
    else:
        person.given_name, person.family_name = given_name, family_name
        person.set_password(password)
        person.save(update_fields=["given_name", "family_name", "password"])
    membership, outcome = _join(invitation, person)
    return person, membership, outcome


@transaction.atomic
def join_by_invitation(invitation: Invitation, person: Person) -> tuple[Membership, str]:
    """Add the signed-in person the invitation was sent to; their password stays as it is."""
    invitation = _check_usable(invitation)
    if person.email != invitation.email:
        raise InvitationUnusable
    return _join(invitation, person)
