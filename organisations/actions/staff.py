"""Staff imports: check an uploaded file, then add its people and invite the new ones."""

import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils import timezone

from ..access import people_by_email
from ..models import (
    Invitation,
    Membership,
    Organisation,
    Person,
    StaffImport,
    invitation_expiry,
)
from ..staff_import import ParsedStaffFile, StaffRow, parse_staff_csv
from .invitations import send_invitations_on_commit


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


# Small enough for every database's limit on the values in one `IN (...)`.
CHUNK = 900


def _chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _accounts_by_email(emails: list[str]) -> dict[str, Person]:
    """Return every account with these addresses, whoever may see it, a few hundred per query.

    Only for writing, so that an import never makes a second account for an address; what
    the importer is told comes from `people_by_email`, which sees only their organisations.
    """
    found: dict[str, Person] = {}
    for chunk in _chunks(emails):
        found.update((p.email, p) for p in Person.objects.filter(email__in=chunk))
    return found


def _memberships(person_ids: list[int], organisation: Organisation) -> dict[tuple[int, int], str]:
    """Map (person, organisation) to the role held, for memberships in or below the organisation."""
    held: dict[tuple[int, int], str] = {}
    for chunk in _chunks(person_ids):
        for person_id, organisation_id, role in Membership.objects.filter(
            person_id__in=chunk, organisation__path__startswith=organisation.path
        ).values_list("person_id", "organisation_id", "role"):
            held[(person_id, organisation_id)] = role
    return held


@dataclass
class StaffPlan:
    """What importing the checked rows would do, row by row."""

    new_people: list[StaffRow] = field(default_factory=list)
    # People with an account who are not yet where the file puts them.
    joining: list[StaffRow] = field(default_factory=list)
    # People already where the file puts them, with the role they hold there.
    already_here: list[tuple[StaffRow, str]] = field(default_factory=list)

    @property
    def roles_kept(self) -> int:
        """Count people already here whose file role differs from theirs; it is not changed."""
        return sum(1 for row, role in self.already_here if row.role != role)


def plan_staff_import(
    organisation: Organisation, parsed: ParsedStaffFile, viewer: Person
) -> StaffPlan:
    """Sort the rows into new people, people joining, and people already here.

    Someone the viewer may not see counts as a new person, so the preview shows only what
    the file says and never whether an address has an account elsewhere.
    """
    schools = schools_by_name(organisation)
    people = people_by_email(viewer, [row.email for row in parsed.rows])
    held = _memberships([p.pk for p in people.values()], organisation)
    plan = StaffPlan()
    for row in parsed.rows:
        person = people.get(row.email)
        target = schools[row.school.lower()] if row.school else organisation
        if person is None:
            plan.new_people.append(row)
        elif (person.pk, target.pk) in held:
            plan.already_here.append((row, held[(person.pk, target.pk)]))
        else:
            plan.joining.append(row)
    return plan


def _invite_imported(
    pending: StaffImport, places: dict[tuple[int, int], str], people: dict[int, Person]
) -> list[Invitation]:
    """Invite everyone in the file who has never chosen a password, unless a live link waits."""
    waiting: dict[tuple[int, str], Invitation] = {}
    organisation_ids = {organisation_id for _person, organisation_id in places}
    for chunk in _chunks([p.email for p in people.values()]):
        for found in Invitation.objects.filter(
            email__in=chunk,
            organisation_id__in=organisation_ids,
            accepted_at=None,
            revoked_at=None,
        ).select_related("organisation"):
            waiting[(found.organisation_id, found.email)] = found
    organisations = {o.pk: o for o in Organisation.objects.filter(pk__in=organisation_ids)}
    now = timezone.now()
    created: list[Invitation] = []
    renewed: list[Invitation] = []
    for (person_id, organisation_id), role in places.items():
        email = people[person_id].email
        invitation = waiting.get((organisation_id, email))
        if invitation is None:
            created.append(
                Invitation(
                    organisation=organisations[organisation_id],
                    email=email,
                    role=role,
                    token=secrets.token_urlsafe(32),
                    invited_by=pending.uploaded_by,
                )
            )
        elif invitation.expires_at <= now:
            invitation.sent_at, invitation.expires_at = now, invitation_expiry()
            invitation.renewal_requested_at = None
            renewed.append(invitation)
    Invitation.objects.bulk_create(created, batch_size=500)
    Invitation.objects.bulk_update(
        renewed, ["sent_at", "expires_at", "renewal_requested_at"], batch_size=500
    )
    return created + renewed


@transaction.atomic
def apply_staff_import(pending: StaffImport, by: Person) -> dict[str, int]:
    """Add every good row and invite the people who cannot sign in yet.

    Re-applying the same file changes nothing, and the role of someone already in an
    organisation stays as it is: an import adds people, it does not demote or promote them.
    Someone with an account that `by` may not see is invited rather than added, and joins on
    accepting: nobody is put in another district's school without saying yes. The summary
    counts them with the new people, as the preview did, so it tells nothing of elsewhere.
    """
    organisation = pending.organisation
    schools = schools_by_name(organisation)
    parsed = parse_staff_csv(pending.content, set(schools))
    emails = [row.email for row in parsed.rows]
    seen = people_by_email(by, emails)
    existing = _accounts_by_email(emails)
    new_people = [
        Person(email=row.email, given_name=row.given_name, family_name=row.family_name)
        for row in parsed.rows
        if row.email not in existing
    ]
    for person in new_people:
        person.set_unusable_password()
    Person.objects.bulk_create(new_people, batch_size=500)
    people = _accounts_by_email(emails)
    created = {people[p.email].pk for p in new_people}
    elsewhere = {people[email].pk for email in existing if email not in seen}
    targets = {
        (
            people[row.email].pk,
            (schools[row.school.lower()] if row.school else organisation).pk,
        ): row
        for row in parsed.rows
    }
    held = _memberships([key[0] for key in targets], organisation)
    already = targets.keys() & held.keys()
    added = [key for key in targets if key not in already and key[0] not in elsewhere]
    Membership.objects.bulk_create(
        [
            Membership(
                person_id=pid,
                organisation_id=oid,
                role=targets[pid, oid].role,
                title=targets[pid, oid].title,
            )
            for pid, oid in added
        ],
        batch_size=500,
    )
    invitees = {
        p.pk: p
        for p in people.values()
        if p.pk in elsewhere or (p.password.startswith(UNUSABLE_PASSWORD_PREFIX) and p.is_active)
    }
    invited = {key: held.get(key, targets[key].role) for key in targets if key[0] in invitees}
    invitations = _invite_imported(pending, invited, invitees)
    send_invitations_on_commit(invitations)
    summary = {
        "new_people": len(created) + len(elsewhere),
        "joined": sum(1 for key in added if key[0] not in created),
        "unchanged": len(already),
        "roles_kept": sum(1 for key in already if held[key] != targets[key].role),
        "invitations_sent": len(invitations),
        "rows_with_errors": len(parsed.row_errors),
    }
    pending.applied_at = timezone.now()
    pending.summary = summary
    pending.save(update_fields=["applied_at", "summary"])
    return summary
