import re
from urllib.parse import urlsplit

from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.core import mail
from django.urls import reverse

from organisations.access import visible_organisations
from organisations.models import Person
from tests.base import PASSWORD, TrellisTestCase


class AccountTests(TrellisTestCase):
    def test_people_sign_in_with_email_and_password(self) -> None:
        response = self.client.post(
            reverse("login"), {"username": "alice@clarendon.example", "password": PASSWORD}
        )
        self.assertRedirects(response, reverse("home"))
        self.client.logout()
        bad = self.client.post(
            reverse("login"), {"username": "alice@clarendon.example", "password": "nope"}
        )
        self.assertContains(bad, "Please enter a correct email")

    def test_argon2_hashes_passwords(self) -> None:
        encoded = make_password("correct horse", hasher="argon2")
        self.assertEqual(identify_hasher(encoded).algorithm, "argon2")
        self.assertTrue(check_password("correct horse", encoded))

    def test_password_reset_sends_a_working_link(self) -> None:
        self.client.post(reverse("password_reset"), {"email": "alice@clarendon.example"})
        self.assertEqual(len(mail.outbox), 1)
        link = re.search(r"https?://\S+", str(mail.outbox[0].body)).group(0)
        path = urlsplit(link).path
        form = self.client.get(path, follow=True)
        self.assertContains(form, "new_password1")
        self.client.post(
            form.redirect_chain[-1][0],
            {"new_password1": "a brand new secret", "new_password2": "a brand new secret"},
        )
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("a brand new secret"))

    def test_an_invitation_creates_the_account_with_its_role(self) -> None:
        self.client.force_login(self.paula)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("organisations:invite", args=[self.walker_gamble.pk]),
                {"email": "newbie@clarendon.example", "role": "teacher"},
            )
        self.assertEqual(len(mail.outbox), 1)
        path = re.search(r"/invitations/\S+/", str(mail.outbox[0].body)).group(0)
        self.client.logout()
        mismatched = self.client.post(
            path,
            {
                "given_name": "N",
                "family_name": "B",
                "password": "long secret one",
                "password_again": "other",
            },
        )
        self.assertContains(mismatched, "The two passwords differ")
        self.client.post(
            path,
            {
                "given_name": "Nia",
                "family_name": "Banks",
                "password": "long secret one",
                "password_again": "long secret one",
            },
        )
        newbie = Person.objects.get(email="newbie@clarendon.example")
        self.assertEqual(newbie.memberships.get().organisation, self.walker_gamble)
        self.assertContains(self.client.get(path), "It was already accepted", status_code=410)

    def test_a_district_leader_sees_its_schools_and_nothing_elsewhere(self) -> None:
        visible = set(visible_organisations(self.dana))
        self.assertEqual(visible, {self.clarendon, self.walker_gamble, self.st_paul})
        self.assertEqual(set(visible_organisations(self.alice)), {self.walker_gamble})
