"""Repeated failed sign-ins pause further attempts, per client address and per account."""

from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from tests.base import PASSWORD, TrellisTestCase


@override_settings(RATELIMIT_ENABLE=True, SIGN_IN_RATE="3/m", SIGN_IN_ACCOUNT_RATE="5/h")
class SignInThrottleTests(TrellisTestCase):
    def setUp(self) -> None:
        super().setUp()
        caches["throttle"].clear()

    def attempt(self, password: str, email: str = "alice@clarendon.example", ip: str = "10.0.0.1"):
        return self.client.post(
            reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=ip
        )

    def test_after_three_failures_even_the_right_password_waits(self) -> None:
        for _ in range(3):
            self.assertContains(self.attempt("nope"), "Please enter a correct email")
        refused = self.attempt(PASSWORD)
        self.assertContains(refused, "Too many sign-in attempts", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        # Another address is not affected.
        self.assertRedirects(self.attempt(PASSWORD, ip="10.0.0.2"), reverse("home"))

    def test_successful_sign_ins_do_not_count(self) -> None:
        for _ in range(4):
            self.assertRedirects(self.attempt(PASSWORD), reverse("home"))
            self.client.logout()

    def test_one_account_is_limited_across_addresses(self) -> None:
        for i in range(5):
            self.attempt("nope", email="Alice@Clarendon.example ", ip=f"10.0.1.{i}")
        refused = self.attempt(PASSWORD, ip="10.0.2.1")
        self.assertContains(refused, "Too many sign-in attempts", status_code=429)
        # Other people sign in as usual from the same address.
        self.assertRedirects(
            self.attempt(PASSWORD, email="bob@clarendon.example", ip="10.0.2.1"), reverse("home")
        )
