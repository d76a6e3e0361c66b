"""Reset requests are limited per address and reset emails per account, revealing no account."""

import re

from django.core import mail
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from tests.base import TrellisTestCase

ALICE = "alice@clarendon.example"
TOO_MANY = "Too many password reset requests came from your network. Try again in"


@override_settings(
    RATELIMIT_ENABLE=True, PASSWORD_RESET_RATE="10/d", PASSWORD_RESET_ACCOUNT_RATE="3/d"
)
class PasswordResetThrottleTests(TrellisTestCase):
    def setUp(self) -> None:
        super().setUp()
        caches["throttle"].clear()
        self.client.logout()

    def request_reset(self, email: str, ip: str = "10.0.0.1", **kwargs):
        return self.client.post(
            reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip, **kwargs
        )

    def emails_to(self, address: str) -> int:
        return sum(address in message.to for message in mail.outbox)

    def test_the_sixteenth_request_from_one_address_sends_no_email(self) -> None:
        for _ in range(15):
            self.request_reset(ALICE)
        self.assertEqual(self.emails_to(ALICE), 3)
        sixteenth = self.request_reset(ALICE)
        self.assertContains(sixteenth, TOO_MANY, status_code=429)
        self.assertEqual(len(mail.outbox), 3)

    def test_an_account_gets_three_emails_however_many_addresses_ask(self) -> None:
        for i in range(16):
            response = self.request_reset(ALICE, ip=f"10.0.1.{i}")
            self.assertRedirects(response, reverse("password_reset_done"))
        self.assertEqual(len(mail.outbox), 3)

    def test_a_throttled_account_gets_the_same_page_as_an_unknown_email(self) -> None:
        for i in range(3):
            self.request_reset(ALICE, ip=f"10.0.1.{i}")
        self.assertEqual(len(mail.outbox), 3)
        throttled = self.request_reset(ALICE, ip="10.0.2.1", follow=True)
        unknown = self.request_reset("nobody@clarendon.example", ip="10.0.2.2", follow=True)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(throttled.redirect_chain, unknown.redirect_chain)
        self.assertEqual(throttled.status_code, unknown.status_code)
        self.assertEqual(self.without_csrf(throttled), self.without_csrf(unknown))
        self.assertContains(throttled, "If an account uses that address")

    def test_another_account_from_the_same_address_meets_the_address_limit(self) -> None:
        for _ in range(10):
            self.request_reset(ALICE)
        refused = self.request_reset("bob@clarendon.example")
        self.assertContains(refused, TOO_MANY, status_code=429)
        self.assertGreater(int(refused["Retry-After"]), 0)
        self.assertEqual(self.emails_to("bob@clarendon.example"), 0)
        # Bob asking from his own address is unaffected.
        self.request_reset("bob@clarendon.example", ip="10.0.0.2")
        self.assertEqual(self.emails_to("bob@clarendon.example"), 1)

    def test_the_address_limit_is_explained_in_spanish(self) -> None:
        for _ in range(10):
            self.request_reset(ALICE)
        refused = self.request_reset(ALICE, headers={"accept-language": "es"})
        self.assertContains(
            refused,
            "Llegaron demasiadas solicitudes de restablecimiento de contraseña desde su red.",
            status_code=429,
        )

    def without_csrf(self, response) -> str:
        # Each page carries a freshly masked CSRF token; everything else must match.
        return re.sub(r"[A-Za-z0-9]{64}", "", response.content.decode())
