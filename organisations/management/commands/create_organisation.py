"""Create an organisation and invite its first leader, e.g. on a fresh production install."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import timezone

from organisations.actions import set_up_organisation
from organisations.actions.invitations import invitation_link
from organisations.models import Organisation, Role

# Organisation.name is a CharField, so its max_length is always set.
NAME_LENGTH: int = Organisation._meta.get_field("name").max_length or 0


class Command(BaseCommand):
    help = (
        "Create an organisation (unless one of that name and kind already exists under the same "
        "parent) and email its first leader an invitation, with which they choose their own "
        "password and sign in. Running it again creates nothing twice: it re-sends a pending "
        "invitation, and does nothing for someone who already leads the organisation. Schools "
        "of a district need no leader of their own: the district's leaders lead them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", required=True, choices=Organisation.Kind.values, help="What it is."
        )
        parser.add_argument("--name", required=True, help="Its full name, as people know it.")
        parser.add_argument(
            "--parent-id",
            type=int,
            help="The organisation it belongs to (a school's district, a district's state), "
            "by the id in its address /organisations/<id>/. Leave out for a top organisation.",
        )
        parser.add_argument(
            "--code",
            default="",
            help="An outside identifier such as a roster or state school id; staff import "
            "files may name the school by it.",
        )
        parser.add_argument(
            "--admin-email",
            default="",
            help="The first leader's email. Required for a top organisation; one below another "
            "is already led by the leaders above it.",
        )
        parser.add_argument(
            "--admin-name",
            default="",
            help="The first leader's name, 'Given Family'; it fills in the form they accept "
            "the invitation on, where they can correct it.",
        )
        parser.add_argument(
            "--admin-role",
            choices=[Role.ADMINISTRATOR, Role.POLICYMAKER],
            default=Role.ADMINISTRATOR,
            help="The first leader's role (default administrator); either may invite others.",
        )
        parser.add_argument(
            "--show-link",
            action="store_true",
            help="Also print the invitation's link, to hand over when email is not set up "
            "yet. Anyone with the link can take the account: pass it on privately.",
        )

    def handle(self, *args, **options):
        name = " ".join(options["name"].split())
        if not name:
            raise CommandError("--name is empty: give the organisation's full name.")
        if len(name) > NAME_LENGTH:
            raise CommandError(
                f"--name is {len(name)} characters long; shorten it to {NAME_LENGTH} at most."
            )
        email = options["admin_email"].strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(
                    f"--admin-email {email!r} is not an email address; give one such as "
                    "leader@district.example.org."
                ) from None
        parent = self.parent(options["parent_id"])
        if parent is None and not email:
            raise CommandError(
                "--admin-email is needed for a top organisation (no --parent-id): without a "
                "first leader nobody could sign in to lead it."
            )
        code = options["code"].strip()
        taken = Organisation.objects.filter(parent=parent, code=code).exclude(name__iexact=name)
        other = taken.first() if code else None
        if other is not None:
            raise CommandError(
                f"--code {code!r} is already used by {other.name!r} under the same "
                "parent; give each organisation its own code, or leave it out."
            )
        given, _space, family = " ".join(options["admin_name"].split()).rpartition(" ")
        done = set_up_organisation(
            name,
            options["kind"],
            parent,
            email,
            options["admin_role"],
            given_name=given or family,
            family_name=family if given else "",
            code=code,
        )
        self.report(done, email, options["show_link"])

    def parent(self, parent_id: int | None) -> Organisation | None:
        """Return the organisation the new one goes under, or None for a top organisation."""
        if parent_id is None:
            return None
        parent = Organisation.objects.filter(pk=parent_id).first()
        if parent is None:
            raise CommandError(
                f"--parent-id {parent_id}: no organisation has that id. Use the number in the "
                "parent's address, /organisations/<id>/, or leave it out."
            )
        return parent

    def report(self, done, email: str, show_link: bool) -> None:
        organisation = done.organisation
        kind = organisation.get_kind_display().lower()
        where = f"{organisation.name!r} (id {organisation.pk}, /organisations/{organisation.pk}/)"
        if done.created:
            self.stdout.write(f"Created the {kind} {where}.")
        else:
            self.stdout.write(f"The {kind} {where} already exists; nothing created.")
        invitation = done.invitation
        if invitation is None:
            if email:
                self.stdout.write(f"{email} already leads it; no invitation sent.")
            else:
                self.stdout.write("No one invited: the leaders above it lead it.")
            return
        until = timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M %Z")
        self.stdout.write(
            f"Emailed {invitation.email} an invitation to lead it as "
            f"{invitation.get_role_display().lower()}; they choose their password when they "
            f"accept. The link works until {until}."
        )
        if show_link:
            self.stdout.write(f"Invitation link (works once): {invitation_link(invitation)}")
        else:
            self.stdout.write(
                "Without an email host (TRELLIS_EMAIL_HOST) the email only goes to the log: "
                "run again with --show-link to print the link."
            )
