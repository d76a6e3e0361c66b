"""Every write to organisations, people and memberships goes through these functions."""

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Invitation, Membership, Organisation, Person, StaffImport
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


@transaction.atomic
def invite_person(
    organisation: Organisation, email: str, role: str, invited_by: Person
) -> Invitation:
    """Record an invitation and email its sign-up link."""
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email.lower(),
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
    )
    link = settings.SITE_URL + reverse("invitation-accept", args=[invitation.token])
    transaction.on_commit(
        lambda: send_mail(
            _("You are invited to %(organisation)s on Trellis") % {"organisation": organisation},
            _(
                "%(inviter)s invited you to join %(organisation)s on Trellis as %(role)s.\n\n"
                "Accept the invitation and choose your password here:\n%(link)s\n"
            )
            % {
                "inviter": invited_by.full_name,
                "organisation": organisation,
                "role": invitation.get_role_display().lower(),
                "link": link,
            },
            None,
            [invitation.email],
        )
    )
    return invitation


@transaction.atomic
def accept_invitation(
    invitation: Invitation, given_name: str, family_name: str, password: str
) -> Person:
    """Create or update the invited person's account and give them the invited role."""
    person = Person.objects.filter(email=invitation.email).first()
    if person is None:
        person = Person.objects.create_user(
            invitation.email, password, given_name=given_name, family_name=family_name
        )
    else:
        person.set_password(password)
        person.save(update_fields=["password"])
    add_member(person, invitation.organisation, invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return person


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
