"""Imported staff are invited so that they can choose a password and sign in."""

import re
from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.actions import apply_staff_import, create_organisation, preview_staff_import
from organisations.models import Invitation, Membership, Organisation, Person, StaffImport
from tests.base import TrellisTestCase

STAFF = (
    "email,given_name,family_name,role,school\n"
    "maria@clarendon.example,María,López,teacher,Walker-Gamble Elementary\n"
    "james@clarendon.example,James,Reed,administrator,St. Paul Middle\n"
    "alice@clarendon.example,Alice,Avery,administrator,Walker-Gamble Elementary\n"
)


class ImportedStaffSignInTests(TrellisTestCase):
    def import_file(self, content: str = STAFF):
        self.client.force_login(self.dana)
        self.client.post(
            reverse("organisations:import", args=[self.clarendon.pk]),
            {"file": SimpleUploadedFile("staff.csv", content.encode(), content_type="text/csv")},
        )
        pending = StaffImport.objects.latest("pk")
        url = reverse("organisations:import-preview", args=[self.clarendon.pk, pending.pk])
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            response = self.client.post(url, follow=True)
        return response, callbacks

    def test_new_people_are_invited_after_the_import_commits(self) -> None:
        response, callbacks = self.import_file()
        # The emails wait for the commit: nothing is sent for an import that rolls back.
        self.assertEqual(len(callbacks), 1)
        self.assertContains(
            response, "2 invitations were emailed so those people can choose a password"
        )
        self.assertEqual(
            sorted(m.to[0] for m in mail.outbox),
            ["james@clarendon.example", "maria@clarendon.example"],
        )
        maria = Invitation.objects.get(email="maria@clarendon.example")
        self.assertEqual(maria.organisation, self.walker_gamble)
        self.assertEqual(maria.invited_by, self.dana)
        self.assertEqual(
            Invitation.objects.get(email="james@clarendon.example").role, "administrator"
        )
        self.assertFalse(Invitation.objects.filter(email="alice@clarendon.example").exists())

    def test_an_imported_person_chooses_a_password_from_the_invitation_and_signs_in(self) -> None:
        self.import_file()
        email = next(m for m in mail.outbox if m.to == ["maria@clarendon.example"])
        path = re.search(r"/invitations/\S+/", str(email.body)).group(0)
        self.client.logout()
        page = self.client.get(path)
        self.assertContains(page, 'value="María"')
        self.client.post(
            path,
            {
                "given_name": "María",
                "family_name": "López",
                "password": "a fresh long secret",
                "password_again": "a fresh long secret",
            },
        )
        self.client.logout()
        signed_in = self.client.post(
            reverse("login"),
            {"username": "maria@clarendon.example", "password": "a fresh long secret"},
        )
        self.assertRedirects(signed_in, reverse("home"))
        maria = Person.objects.get(email="maria@clarendon.example")
        self.assertEqual(maria.memberships.get().organisation, self.walker_gamble)

    def test_importing_again_invites_nobody_twice_but_renews_an_expired_invitation(self) -> None:
        self.import_file()
        response, _callbacks = self.import_file()
        self.assertContains(response, "No invitations were needed")
        self.assertEqual(len(mail.outbox), 2)
        Invitation.objects.filter(email="maria@clarendon.example").update(
            expires_at=timezone.now() - timedelta(days=1)
        )
        response, _callbacks = self.import_file()
        self.assertContains(response, "1 invitation was emailed")
        self.assertEqual(mail.outbox[-1].to, ["maria@clarendon.example"])
        self.assertEqual(Invitation.objects.filter(email="maria@clarendon.example").count(), 1)
        self.assertGreater(
            Invitation.objects.get(email="maria@clarendon.example").expires_at, timezone.now()
        )


class LargeImportTests(TrellisTestCase):
    def test_a_thousand_rows_are_added_and_invited_in_a_bounded_number_of_queries(self) -> None:
        district = create_organisation("Big District", Organisation.Kind.DISTRICT)
        rows = "".join(f"t{i}@big.example,T{i},Teacher,teacher\n" for i in range(1000))
        pending, _parsed = preview_staff_import(
            district, self.dana, "big.csv", "email,given_name,family_name,role\n" + rows
        )
        with (
            self.captureOnCommitCallbacks(execute=True),
            CaptureQueriesContext(connection) as queries,
        ):
            summary = apply_staff_import(pending, self.dana)
        # Rows are read, written and invited a few hundred per query, never one by one.
        self.assertLess(len(queries), 50)
        self.assertEqual(summary["invitations_sent"], 1000)
        self.assertEqual(Membership.objects.filter(organisation=district).count(), 1000)
        self.assertEqual(len(mail.outbox), 1000)
