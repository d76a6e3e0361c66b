"""Every write to organisations, people and memberships goes through these functions."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail, send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import (
    Invitation,
    Membership,
    Organisation,
    Person,
    Role,
    StaffImport,
    invitation_expiry,
)
from .staff_import import ParsedStaffFile, parse_staff_csv


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


@transaction.atomic
def invite_person(
    organisation: Organisation, email: str, role: str, invited_by: Person
) -> Invitation:
    """Email an invitation; one already waiting for the address there is sent again instead."""
    invitation = pending_invitation(organisation, email)
    if invitation is None:
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email.lower(),
            role=role,
            token=secrets.token_urlsafe(32),
            invited_by=invited_by,
        )
    else:
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


def schools_by_name(organisation: Organisation) -> dict[str, Organisation]:
    """Map lower-case school names and codes below the organisation to the schools."""
    lookup: dict[str, Organisation] = {}
    for school in Organisation.objects.filter(
        path__startswith=organisation.path, kind=Organisation.Kind.SCHOOL
    ):
        lookup[school.name.lower()] = school
        if school.code:
            lookup[school.code.lower()] = school
    return lookup


def preview_staff_import(
    organisation: Organisation, uploaded_by: Person, filename: str, text: str
) -> tuple[StaffImport, ParsedStaffFile]:
    """Store the uploaded file for confirmation and return the checked rows."""
    parsed = parse_staff_csv(text, set(schools_by_name(organisation)))
    pending = StaffImport.objects.create(
        organisation=organisation, uploaded_by=uploaded_by, filename=filename, content=text
    )
    return pending, parsed


@transaction.atomic
def apply_staff_import(pending: StaffImport) -> dict[str, int]:
    """Add every good row; re-applying the same file changes nothing."""
    organisation = pending.organisation
    schools = schools_by_name(organisation)
    parsed = parse_staff_csv(pending.content, set(schools))
    emails = [row.email for row in parsed.rows]
    existing = {p.email: p for p in Person.objects.filter(email__in=emails)}
    new_people = [
        Person(email=row.email, given_name=row.given_name, family_name=row.family_name)
        for row in parsed.rows
        if row.email not in existing
    ]
    for person in new_people:
        person.set_unusable_password()
    Person.objects.bulk_create(new_people, batch_size=500)
    people = {p.email: p for p in Person.objects.filter(email__in=emails)}
    targets = {
        (
            people[row.email].pk,
            (schools[row.school.lower()] if row.school else organisation).pk,
        ): row
        for row in parsed.rows
    }
    already = set(
        Membership.objects.filter(
            person_id__in=[key[0] for key in targets],
            organisation__path__startswith=organisation.path,
        ).values_list("person_id", "organisation_id")
    )
    Membership.objects.bulk_create(
        [
            Membership(person_id=pid, organisation_id=oid, role=row.role, title=row.title)
            for (pid, oid), row in targets.items()
            if (pid, oid) not in already
        ],
        batch_size=500,
    )
    summary = {
        "people_created": len(new_people),
        "memberships_created": len(targets) - len(targets.keys() & already),
        "unchanged": len(targets.keys() & already),
        "rows_with_errors": len(parsed.row_errors),
    }
    pending.applied_at = timezone.now()
    pending.summary = summary
    pending.save(update_fields=["applied_at", "summary"])
    return summary
