"""Failed sign-ins pause the attacker's address, never the rightful person.

Per client address and per account and address pair, failures pause that address. Per account
across addresses, they only make a browser new to the account wait a few seconds; a browser the
person signed in with before goes straight in.
"""

import re
from unittest import mock

from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from tests.base import PASSWORD, TrellisTestCase

ALICE = "alice@clarendon.example"
PAUSED = "Too many failed sign-ins. Wait"
WAIT = "a browser that has not signed in with it before must wait. Wait {} seconds"
WRONG = "Please enter a correct email and password"


class Clock:
    """A wall clock the test moves by hand, for the wait a new browser makes."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@override_settings(
    RATELIMIT_ENABLE=True,
    # Day-long windows, so a test never straddles the end of one.
    SIGN_IN_RATE="4/d",
    SIGN_IN_ACCOUNT_ADDRESS_RATE="2/d",
    SIGN_IN_ACCOUNT_RATE="5/d",
    SIGN_IN_WAIT_SECONDS=10,
)
class SignInThrottleTestCase(TrellisTestCase):
    def setUp(self) -> None:
        super().setUp()
        caches["throttle"].clear()
        self.clock = Clock()
        self.enterContext(mock.patch("organisations.signin.wall_clock", self.clock))

    def sign_in(self, browser: Client, password: str, email: str = ALICE, ip: str = "10.0.0.1"):
        return browser.post(
            reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=ip
        )

    def known_browser(self, ip: str = "10.9.9.9", email: str = ALICE) -> Client:
        """Return a browser the person signed in with, and out of, from the address."""
        browser = Client()
        self.assertRedirects(self.sign_in(browser, PASSWORD, email, ip), reverse("home"))
        browser.post(reverse("logout"), REMOTE_ADDR=ip)
        self.assertNotIn("_auth_user_id", browser.session)
        return browser

    def attack(self, email: str = ALICE, addresses: int = 5) -> None:
        """Fail once from each of several addresses, each time from a fresh browser."""
        for i in range(addresses):
            response = self.sign_in(Client(), "wrong guess", email, ip=f"172.16.0.{i}")
            # The last failure also tells the guesser to wait before the next try.
            self.assertContains(response, WRONG, status_code=429 if i == addresses - 1 else 200)

    def assertSignedIn(self, response, browser: Client) -> None:
        self.assertRedirects(response, reverse("home"))
        self.assertIn("_auth_user_id", browser.session)

    def assertRefused(self, response, text: str, browser: Client) -> None:
        self.assertContains(response, text, status_code=429)
        self.assertGreater(int(response["Retry-After"]), 0)
        self.assertNotIn("_auth_user_id", browser.session)


class PausedAttackerTests(SignInThrottleTestCase):
    def test_an_address_that_fails_too_often_is_paused_for_every_account(self) -> None:
        attacker = Client()
        for email in [ALICE, "bob@clarendon.example", "carl@clarendon.example", "x@y.example"]:
            self.assertContains(self.sign_in(attacker, "wrong guess", email), WRONG)
        someone = Client()
        refused = self.sign_in(someone, PASSWORD, "paula@clarendon.example")
        self.assertRefused(refused, PAUSED, someone)
        # The same person from another address signs in as usual.
        self.assertSignedIn(
            self.sign_in(someone, PASSWORD, "paula@clarendon.example", ip="10.0.0.2"), someone
        )

    def test_an_address_that_fails_on_one_account_is_paused_for_that_account_alone(self) -> None:
        attacker = Client()
        for _ in range(2):
            self.assertContains(self.sign_in(attacker, "wrong guess"), WRONG)
        self.assertRefused(self.sign_in(attacker, PASSWORD), PAUSED, attacker)
        # The address may still try other accounts, and the account other addresses.
        bob_here = Client()
        self.assertSignedIn(self.sign_in(bob_here, PASSWORD, "bob@clarendon.example"), bob_here)
        alice_elsewhere = Client()
        self.assertSignedIn(self.sign_in(alice_elsewhere, PASSWORD, ip="10.0.0.2"), alice_elsewhere)

    def test_successful_sign_ins_do_not_count(self) -> None:
        for _ in range(6):
            browser = Client()
            self.assertSignedIn(self.sign_in(browser, PASSWORD), browser)

    def test_a_blank_password_is_not_counted_as_a_guess(self) -> None:
        browser = Client()
        for _ in range(3):
            self.assertContains(self.sign_in(browser, ""), "This field is required")
        self.assertSignedIn(self.sign_in(browser, PASSWORD), browser)

    def test_a_known_browser_is_paused_after_its_own_failures_wherever_it_is(self) -> None:
        browser = self.known_browser()
        for _ in range(2):
            self.assertContains(self.sign_in(browser, "wrong guess", ip="10.9.9.9"), WRONG)
        self.assertRefused(self.sign_in(browser, PASSWORD, ip="10.3.3.3"), PAUSED, browser)

    def test_the_pause_is_explained_in_spanish(self) -> None:
        attacker = Client(headers={"accept-language": "es"})
        for _ in range(2):
            self.sign_in(attacker, "wrong guess")
        refused = self.sign_in(attacker, PASSWORD)
        self.assertContains(refused, "Demasiados inicios de sesión fallidos.", status_code=429)
        self.assertContains(refused, "o restablezca su contraseña.", status_code=429)


class RightfulPersonUnderAttackTests(SignInThrottleTestCase):
    def test_a_known_browser_signs_in_at_once_while_many_addresses_attack(self) -> None:
        browser = self.known_browser(ip="10.9.9.9")
        self.attack(addresses=5)
        stranger = Client()
        self.assertRefused(self.sign_in(stranger, PASSWORD), WAIT.format(10), stranger)
        self.assertSignedIn(self.sign_in(browser, PASSWORD, ip="10.9.9.9"), browser)
        # Taken to a café, the same laptop still goes straight in.
        browser.post(reverse("logout"))
        self.assertSignedIn(self.sign_in(browser, PASSWORD, ip="10.7.7.7"), browser)

    def test_a_known_browser_is_not_paused_by_failures_from_its_own_network(self) -> None:
        # A student on the school's shared address guesses at a teacher's password.
        browser = self.known_browser(ip="10.0.0.1")
        student = Client()
        for _ in range(4):
            self.sign_in(student, "wrong guess", ip="10.0.0.1")
        self.assertRefused(self.sign_in(student, PASSWORD, ip="10.0.0.1"), PAUSED, student)
        self.assertSignedIn(self.sign_in(browser, PASSWORD, ip="10.0.0.1"), browser)

    def test_a_new_browser_signs_in_after_one_wait_while_the_account_is_attacked(self) -> None:
        self.attack(addresses=5)
        browser = Client()
        waited = self.sign_in(browser, PASSWORD, ip="10.5.5.5")
        self.assertRefused(waited, WAIT.format(10), browser)
        self.assertEqual(waited["Retry-After"], "10")
        self.clock.now += 4
        self.assertRefused(self.sign_in(browser, PASSWORD, ip="10.5.5.5"), WAIT.format(6), browser)
        self.clock.now += 6
        self.assertSignedIn(self.sign_in(browser, PASSWORD, ip="10.5.5.5"), browser)
        # Now the browser is known: the next sign-in needs no wait.
        browser.post(reverse("logout"))
        self.assertSignedIn(self.sign_in(browser, PASSWORD, ip="10.5.5.5"), browser)

    def test_each_wrong_password_after_a_wait_counts_and_starts_a_new_wait(self) -> None:
        self.attack(addresses=5)
        browser = Client()
        self.sign_in(browser, PASSWORD, ip="10.5.5.5")
        self.clock.now += 10
        guessed = self.sign_in(browser, "wrong guess", ip="10.5.5.5")
        self.assertRefused(guessed, WRONG, browser)
        self.assertContains(guessed, WAIT.format(10), status_code=429)
        # The turn was used: trying again at once, even with the right password, waits.
        self.assertRefused(self.sign_in(browser, PASSWORD, ip="10.5.5.5"), WAIT.format(10), browser)
        self.clock.now += 10
        self.sign_in(browser, "wrong guess", ip="10.5.5.5")
        # That was the pair's second failure: this address may no longer try this account.
        self.clock.now += 10
        self.assertRefused(self.sign_in(browser, PASSWORD, ip="10.5.5.5"), PAUSED, browser)

    def test_the_wait_reads_the_same_for_an_email_without_an_account(self) -> None:
        answers = []
        for email in [ALICE, "nobody@clarendon.example"]:
            self.attack(email, addresses=5)
            response = self.sign_in(Client(), PASSWORD, email, ip="10.5.5.5")
            error = re.search(r'<p class="field-error"[^>]*>(.*?)</p>', response.content.decode())
            answers.append((response.status_code, response["Retry-After"], error.group(1)))
        self.assertEqual(answers[0], answers[1])
        self.assertIn(WAIT.format(10), answers[0][2])

    def test_a_new_password_forgets_known_browsers(self) -> None:
        browser = self.known_browser()
        self.alice.set_password("a different long secret")
        self.alice.save(update_fields=["password"])
        self.attack(addresses=5)
        waited = self.sign_in(browser, "a different long secret", ip="10.9.9.9")
        self.assertRefused(waited, WAIT.format(10), browser)

    def test_a_forged_device_cookie_counts_as_a_new_browser(self) -> None:
        browser = Client()
        browser.cookies["trellis_device"] = '{"device": "mine", "accounts": {}}'
        self.attack(addresses=5)
        self.assertRefused(self.sign_in(browser, PASSWORD), WAIT.format(10), browser)

    def test_a_browser_known_to_one_person_is_new_to_another(self) -> None:
        browser = self.known_browser(email=ALICE)
        self.attack("bob@clarendon.example", addresses=5)
        waited = self.sign_in(browser, PASSWORD, "bob@clarendon.example", ip="10.9.9.9")
        self.assertRefused(waited, WAIT.format(10), browser)
        self.assertSignedIn(self.sign_in(browser, PASSWORD, ALICE, ip="10.9.9.9"), browser)

    def test_the_wait_is_explained_in_spanish(self) -> None:
        self.attack(addresses=5)
        browser = Client(headers={"accept-language": "es"})
        waited = self.sign_in(browser, PASSWORD)
        self.assertContains(waited, "Espere 10 segundos", status_code=429)
