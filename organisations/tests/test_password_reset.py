"""Anyone with a membership can reset a forgotten password, from the site's own address."""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from organisations.actions import apply_staff_import, preview_staff_import
from organisations.models import Person
from tests.base import PASSWORD, TrellisTestCase


class PasswordResetTests(TrellisTestCase):
    def import_maria(self) -> None:
        pending, _parsed = preview_staff_import(
            self.clarendon,
            self.dana,
            "staff.csv",
            "email,given_name,family_name,role\nmaria@clarendon.example,María,López,teacher\n",
        )
        apply_staff_import(pending, self.dana)

    def test_an_imported_person_can_reset_the_password_they_never_chose(self) -> None:
        self.import_maria()
        self.client.logout()
        self.client.post(reverse("password_reset"), {"email": "Maria@Clarendon.example"})
        self.assertEqual(len(mail.outbox), 1)
        path = urlsplit(re.search(r"https?://\S+", str(mail.outbox[0].body)).group(0)).path
        form = self.client.get(path, follow=True)
        self.client.post(
            form.redirect_chain[-1][0],
            {"new_password1": "a brand new secret", "new_password2": "a brand new secret"},
        )
        maria = Person.objects.get(email="maria@clarendon.example")
        self.assertTrue(maria.check_password("a brand new secret"))

    def test_an_account_without_password_or_membership_gets_no_reset(self) -> None:
        loner = Person.objects.create_user("loner@clarendon.example", None)
        self.assertFalse(loner.has_usable_password())
        self.client.post(reverse("password_reset"), {"email": "loner@clarendon.example"})
        self.assertEqual(mail.outbox, [])

    @override_settings(
        SITE_URL="https://trellis.example.org", ALLOWED_HOSTS=["testserver", "evil.example"]
    )
    def test_the_reset_email_links_to_the_site_url_whatever_host_was_asked(self) -> None:
        self.client.post(
            reverse("password_reset"),
            {"email": "alice@clarendon.example"},
            headers={"host": "evil.example"},
        )
        message = mail.outbox[0]
        self.assertNotIn("evil.example", f"{message.subject}\n{message.body}")
        self.assertIn("https://trellis.example.org/accounts/reset/", message.body)
        self.assertEqual(message.subject, "Choose a new password for Trellis")

    def test_a_reset_does_not_change_the_password_until_the_link_is_used(self) -> None:
        self.client.post(reverse("password_reset"), {"email": "alice@clarendon.example"})
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))
