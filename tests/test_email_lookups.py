"""Every form that takes emails tells nothing about people in another district.

An email of someone the user may not see is answered exactly like an address nobody uses:
the same page, the same message, no name, no "has an account". Paula (a Walker-Gamble
principal) types Olivia's Pomona address; Oscar (a Pomona principal) types Alice's
Clarendon one. Each answer is compared with the answer to an address with no account.
"""

import importlib
import re
from collections.abc import Callable
from pathlib import Path

from django import forms
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse

from credentials import actions as credential_actions
from credentials.models import AwardBatch, Reviewer
from credentials.tests.helpers import publish_sample
from organisations.access import people_by_email
from organisations.models import Invitation, Membership, Organisation, Person, StaffImport

from .base import TrellisTestCase

NOBODY = "nobody-at-all@nowhere.example"
# Forms with an email field, and the test here that tries it with another district's emails.
LOOKUPS = {
    "credentials.forms.manage.BulkAwardForm": "test_the_bulk_award_preview",
    "credentials.forms.manage.ReviewerForm": "test_the_reviewer_form",
    "organisations.forms.InvitationForm": "test_the_invitation_form",
    "organisations.forms.StaffFileForm": "test_the_staff_import",
}
# Forms that take an email but look nobody up for the person filling them in.
NOT_LOOKUPS = {
    # Answers the same whether or not the account exists (organisations' password reset tests).
    "organisations.forms.TrellisPasswordResetForm",
    # The issuer's own contact address, published in its profile.
    "credentials.forms.issuers.IssuerForm",
}


def project_forms() -> list[type[forms.BaseForm]]:
    """Return every form class defined in the apps' forms modules."""
    apps = {path.parent.name for path in Path(settings.BASE_DIR).glob("*/apps.py")}
    for app in apps:
        folder = Path(settings.BASE_DIR) / app
        for path in [*folder.glob("forms*.py"), *folder.glob("forms/[!_]*.py")]:
            module = ".".join(path.relative_to(settings.BASE_DIR).with_suffix("").parts)
            importlib.import_module(module)
    found, waiting = [], [forms.BaseForm]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            waiting.append(subclass)
            if subclass.__module__.split(".")[0] in apps:
                found.append(subclass)
    return found


def takes_emails(form: type[forms.BaseForm]) -> bool:
    return any(
        isinstance(field, forms.EmailField) or "email" in name
        for name, field in form.base_fields.items()
    )


def label(form: type) -> str:
    return f"{form.__module__}.{form.__qualname__}"


class EveryEmailFormIsCoveredTests(TrellisTestCase):
    def test_every_form_that_takes_emails_is_tried_with_another_districts(self) -> None:
        with_emails = {label(form) for form in project_forms() if takes_emails(form)}
        self.assertEqual(
            with_emails - LOOKUPS.keys() - NOT_LOOKUPS,
            set(),
            "Try the new form with another district's emails in EmailLookupTests.",
        )
        for name, test in LOOKUPS.items():
            self.assertTrue(hasattr(EmailLookupTests, test), f"{name}: no {test}")


class PeopleByEmailTests(TrellisTestCase):
    def test_it_finds_only_people_in_the_organisations_the_user_may_see(self) -> None:
        emails = ["CARL@clarendon.example", "bob@clarendon.example", "olivia@pomona.example"]
        self.assertEqual(
            people_by_email(self.dana, emails),
            {"carl@clarendon.example": self.carl, "bob@clarendon.example": self.bob},
        )
        # A principal sees her own school: a colleague at another school is nobody to her.
        self.assertEqual(people_by_email(self.paula, emails), {"bob@clarendon.example": self.bob})
        self.assertEqual(people_by_email(self.oscar, emails), {})

    def test_someone_without_a_membership_finds_nobody_not_even_themselves(self) -> None:
        loner = Person.objects.create_user("loner@nowhere.example", "a-long-password-here")
        self.assertEqual(people_by_email(loner, [loner.email, "alice@clarendon.example"]), {})


def rendered(response: HttpResponse, email: str) -> str:
    """Return the page with the email typed and each request's own tokens and ids blanked."""
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)
    text = re.sub(r'"X-CSRFToken": "[^"]*"', "", text)
    # Ids of the rows each try makes: a rolled-back sequence is reused on SQLite, not PostgreSQL.
    text = re.sub(r"/(import|invitations)/\d+/", r"/\1/ID/", text)
    return text.replace(email, "EMAIL")


class EmailLookupTests(TrellisTestCase):
    def setUp(self) -> None:
        # Each leader runs their own school as an issuer, as any school administrator may.
        self.cases = []
        for leader, school, outsider in (
            (self.paula, self.walker_gamble, self.olivia),
            (self.oscar, self.armstrong, self.alice),
        ):
            issuer = credential_actions.create_issuer(school)
            self.cases.append((leader, school, issuer, publish_sample(issuer), outsider))

    def answers(self, send: Callable[[str], HttpResponse], outsider: Person) -> HttpResponse:
        """Send the form with the outsider's email, then with nobody's: the answers match."""
        pages = []
        for email in (outsider.email, NOBODY):
            with transaction.atomic():
                response = send(email)
                transaction.set_rollback(True)
            body = response.content.decode()
            self.assertNotIn(outsider.family_name, body)
            self.assertNotIn(outsider.given_name, body)
            pages.append((response.status_code, rendered(response, email)))
        self.assertEqual(pages[0], pages[1])
        return response

    def post(self, url: str, data: dict, **extra) -> Callable[[str], HttpResponse]:
        """Return a sender posting the data with EMAIL in its values replaced by an email."""

        def send(email: str) -> HttpResponse:
            filled = {name: value.replace("EMAIL", email) for name, value in data.items()}
            return self.client.post(url, filled, **extra)

        return send

    def import_file(self, school: Organisation, confirm: bool) -> Callable[[str], HttpResponse]:
        """Return a sender uploading a staff file with the email, and confirming it if asked."""

        def send(email: str) -> HttpResponse:
            # The importer's own spelling of the name is all the preview may show.
            text = f"email,given_name,family_name,role\n{email},Typed,Byhand,teacher\n"
            upload = SimpleUploadedFile("staff.csv", text.encode(), "text/csv")
            url = reverse("organisations:import", args=[school.pk])
            response = self.client.post(url, {"file": upload}, follow=True)
            if not confirm:
                return response
            pending = StaffImport.objects.latest("pk")
            url = reverse("organisations:import-preview", args=[school.pk, pending.pk])
            return self.client.post(url, follow=True)

        return send

    def test_the_bulk_award_preview(self) -> None:
        for leader, _school, issuer, micro_credential, outsider in self.cases:
            with self.subTest(leader=leader.full_name):
                self.client.force_login(leader)
                url = reverse("credentials:manage-bulk-award", args=[issuer.slug])
                data = {"micro_credential": str(micro_credential.pk), "emails": "EMAIL"}
                last = self.answers(self.post(url, data), outsider)
                self.assertContains(last, "Nobody in your organisations has these emails", 1, 400)
                # Beside a colleague who is found, the stranger is still nobody.
                data["emails"] = f"{leader.email} EMAIL"
                self.answers(self.post(url, data), outsider)
                self.assertFalse(AwardBatch.objects.exists())

    def test_the_reviewer_form(self) -> None:
        for leader, _school, issuer, _micro_credential, outsider in self.cases:
            with self.subTest(leader=leader.full_name):
                self.client.force_login(leader)
                url = reverse("credentials:manage-reviewers", args=[issuer.slug])
                send = self.post(url, {"email": "EMAIL", "kind": "expert"})
                last = self.answers(send, outsider)
                self.assertContains(last, "Nobody in your organisations has that email", 1, 400)
                self.assertFalse(Reviewer.objects.exists())

    def test_the_invitation_form(self) -> None:
        for leader, school, _issuer, _micro_credential, outsider in self.cases:
            with self.subTest(leader=leader.full_name):
                self.client.force_login(leader)
                url = reverse("organisations:invite", args=[school.pk])
                send = self.post(url, {"email": "EMAIL", "role": "teacher"}, follow=True)
                last = self.answers(send, outsider)
                self.assertContains(last, "We emailed an invitation to")

    def test_the_staff_import(self) -> None:
        for leader, school, _issuer, _micro_credential, outsider in self.cases:
            with self.subTest(leader=leader.full_name):
                self.client.force_login(leader)
                last = self.answers(self.import_file(school, confirm=False), outsider)
                self.assertContains(last, "1 new person is invited by email to join.")
                self.assertContains(last, "Typed Byhand")
                last = self.answers(self.import_file(school, confirm=True), outsider)
                self.assertContains(last, "1 new person was invited to join.")
                self.assertContains(last, "1 invitation was emailed")

    def test_the_import_preview_says_so_in_spanish(self) -> None:
        self.client.force_login(self.paula)
        response = self.import_file(self.walker_gamble, confirm=False)("olivia@pomona.example")
        self.spanish(
            response.request["PATH_INFO"],
            "1 persona nueva recibe una invitación por correo electrónico para unirse.",
            "quien ya tiene una cuenta en otro lugar se une cuando acepta",
        )

    def test_an_imported_outsider_is_invited_and_joins_only_by_accepting(self) -> None:
        self.client.force_login(self.paula)
        with self.captureOnCommitCallbacks(execute=True):
            self.import_file(self.walker_gamble, confirm=True)("olivia@pomona.example")
        self.assertEqual(StaffImport.objects.get().summary["new_people"], 1)
        self.assertFalse(
            Membership.objects.filter(person=self.olivia, organisation=self.walker_gamble).exists()
        )
        invitation = Invitation.objects.get(email="olivia@pomona.example")
        self.assertEqual(invitation.organisation, self.walker_gamble)
        self.assertEqual([m.to for m in mail.outbox], [["olivia@pomona.example"]])
        self.olivia.refresh_from_db()
        self.assertEqual((self.olivia.given_name, self.olivia.family_name), ("Olivia", "Owens"))
        self.assertTrue(self.olivia.has_usable_password())
        self.assertEqual(Person.objects.filter(email="olivia@pomona.example").count(), 1)
