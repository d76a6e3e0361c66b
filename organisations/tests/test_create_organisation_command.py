"""`manage.py create_organisation`: a fresh install gets its first organisation and leader."""

import io

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase

from organisations.access import can_lead
from organisations.models import Invitation, Membership, Organisation, Person, Role

LEADER = "superintendent@jefferson.example.org"


class CreateOrganisationCommandTests(TestCase):
    def run_command(self, *arguments: str) -> str:
        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("create_organisation", *arguments, stdout=out)
        return out.getvalue()

    def district(self, *extra: str) -> str:
        return self.run_command(
            "--kind", "district", "--name", "Jefferson County Public Schools",
            "--admin-email", LEADER, *extra,
        )  # fmt: skip

    def test_a_fresh_install_gets_the_organisation_and_its_leader_chooses_a_password(
        self,
    ) -> None:
        out = self.district("--admin-role", "policymaker", "--admin-name", "Marty Pollio")
        district = Organisation.objects.get()
        self.assertEqual((district.kind, district.path), ("district", f"/{district.pk}/"))
        self.assertIn("Created the district 'Jefferson County Public Schools'", out)
        self.assertIn(f"Emailed {LEADER} an invitation to lead it as policymaker", out)
        invitation = Invitation.objects.get()
        self.assertEqual((invitation.email, invitation.role), (LEADER, Role.POLICYMAKER))
        self.assertIsNone(invitation.invited_by)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [LEADER])
        self.assertIn(f"/invitations/{invitation.token}/", mail.outbox[0].body)
        self.assertNotIn(invitation.token, out)  # the link stays in the email unless asked

        accept = f"/invitations/{invitation.token}/"
        self.assertContains(self.client.get(accept), 'value="Pollio"')
        self.client.post(
            accept,
            {
                "given_name": "Marty",
                "family_name": "Pollio",
                "password": "a-long-chosen-password",
                "password_again": "a-long-chosen-password",
            },
        )
        person = Person.objects.get(email=LEADER)
        self.assertTrue(person.check_password("a-long-chosen-password"))
        self.assertTrue(can_lead(person, district))

    def test_running_it_again_creates_nothing_twice_and_sends_the_invitation_again(self) -> None:
        self.district()
        out = self.district()
        self.assertIn("already exists; nothing created", out)
        self.assertEqual(Organisation.objects.count(), 1)
        self.assertEqual(Invitation.objects.count(), 1)
        self.assertEqual(len(mail.outbox), 2)

    def test_once_the_leader_has_joined_running_it_again_sends_nothing(self) -> None:
        self.district()
        district = Organisation.objects.get()
        person = Person.objects.create_user(LEADER, "a-long-chosen-password")
        Membership.objects.create(person=person, organisation=district, role=Role.ADMINISTRATOR)
        mail.outbox.clear()
        out = self.district()
        self.assertIn(f"{LEADER} already leads it; no invitation sent.", out)
        self.assertEqual(mail.outbox, [])

    def test_a_school_goes_under_its_district_by_the_parents_id(self) -> None:
        self.district()
        district = Organisation.objects.get()
        out = self.run_command(
            "--kind", "school", "--name", "Watson Lane Elementary", "--parent-id", str(district.pk),
            "--admin-email", "principal@watson.example.org", "--show-link",
        )  # fmt: skip
        school = Organisation.objects.get(kind="school")
        self.assertEqual(school.parent, district)
        self.assertEqual(school.path, f"/{district.pk}/{school.pk}/")
        invitation = Invitation.objects.get(organisation=school)
        self.assertEqual(invitation.role, Role.ADMINISTRATOR)
        self.assertIn("Invitation link (works once): http", out)
        self.assertIn(f"/invitations/{invitation.token}/", out)

    def test_schools_need_no_leader_of_their_own_and_keep_their_roster_code(self) -> None:
        self.district()
        district = Organisation.objects.get()
        mail.outbox.clear()
        arguments = ["--kind", "school", "--name", "Watson Lane Elementary", "--code", "JC-050"]
        out = self.run_command(*arguments, "--parent-id", str(district.pk))
        self.assertIn("No one invited: the leaders above it lead it.", out)
        school = Organisation.objects.get(kind="school")
        self.assertEqual((school.parent, school.code), (district, "JC-050"))
        self.assertEqual(mail.outbox, [])
        again = self.run_command(*arguments, "--parent-id", str(district.pk))
        self.assertIn("already exists; nothing created", again)
        with self.assertRaisesMessage(CommandError, "--code 'JC-050' is already used by"):
            self.run_command(
                "--kind", "school", "--name", "Other", "--code", "JC-050",
                "--parent-id", str(district.pk),
            )  # fmt: skip
        self.assertEqual(Organisation.objects.filter(kind="school").count(), 1)

    def test_bad_arguments_are_refused_with_the_fix_and_nothing_is_made(self) -> None:
        cases = [
            (["--kind", "galaxy", "--name", "X", "--admin-email", LEADER], "invalid choice"),
            (["--kind", "district", "--name", "  ", "--admin-email", LEADER], "--name is empty"),
            (
                ["--kind", "district", "--name", "X" * 201, "--admin-email", LEADER],
                "201 characters",
            ),
            (
                ["--kind", "district", "--name", "X", "--admin-email", "nobody"],
                "not an email address",
            ),
            (
                ["--kind", "school", "--name", "X", "--parent-id", "999", "--admin-email", LEADER],
                "no organisation has that id",
            ),
            (
                [
                    "--kind",
                    "district",
                    "--name",
                    "X",
                    "--admin-email",
                    LEADER,
                    "--admin-role",
                    "teacher",
                ],
                "invalid choice",
            ),
            (
                ["--kind", "district", "--name", "X"],
                "--admin-email is needed for a top organisation",
            ),
        ]
        for arguments, explained in cases:
            with (
                self.subTest(arguments=arguments),
                self.assertRaisesMessage(CommandError, explained),
            ):
                self.run_command(*arguments)
        self.assertFalse(Organisation.objects.exists())
        self.assertFalse(Invitation.objects.exists())
        self.assertEqual(mail.outbox, [])
