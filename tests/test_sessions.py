"""A session cookie that Django never issued is no session, on every page and every database."""

from django.conf import settings

from lib.sessions import SessionStore, is_session_key
from tests.base import PASSWORD, TrellisTestCase

# A NUL byte makes PostgreSQL refuse the lookup; the others are simply keys Django never makes.
FORGED_KEYS = ["abcdefgh\x00ijklmnop", "ABC'; --", "ü" * 32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"]
PAGES = ["/", "/accounts/login/", "/micro-credentials/", "/api/tokens/", "/verify/"]


class ForgedSessionCookieTests(TrellisTestCase):
    def test_every_page_answers_a_forged_session_cookie_like_an_anonymous_visitor(self) -> None:
        for page in PAGES:
            anonymous = self.client.get(page).status_code
            self.assertIn(anonymous, (200, 302), page)
            for forged in FORGED_KEYS:
                self.client.cookies[settings.SESSION_COOKIE_NAME] = forged
                with self.subTest(page=page, forged=forged):
                    self.assertEqual(self.client.get(page).status_code, anonymous)
                del self.client.cookies[settings.SESSION_COOKIE_NAME]

    def test_a_forged_cookie_on_a_sign_in_starts_a_fresh_session(self) -> None:
        self.client.cookies[settings.SESSION_COOKIE_NAME] = FORGED_KEYS[0]
        response = self.client.post(
            "/accounts/login/", {"username": self.alice.email, "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 302)
        issued = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        self.assertTrue(is_session_key(issued))
        self.assertEqual(self.client.get("/").context["user"], self.alice)

    def test_a_key_django_issued_still_loads_its_session(self) -> None:
        store = SessionStore()
        store["colour"] = "teal"
        store.create()
        self.assertTrue(is_session_key(store.session_key))
        self.assertEqual(SessionStore(store.session_key)["colour"], "teal")

    def test_the_store_never_looks_up_a_forged_key(self) -> None:
        for forged in FORGED_KEYS:
            store = SessionStore(forged)
            with self.assertNumQueries(0):
                self.assertEqual(dict(store.items()), {})
            self.assertIsNone(store.session_key)

    def test_only_lowercase_letters_and_digits_of_a_sensible_length_make_a_key(self) -> None:
        self.assertTrue(is_session_key("abcdefgh12345678"))
        for forged in [*FORGED_KEYS, None, "", "abc", "a" * 1000, "abcdefgh\n"]:
            self.assertFalse(is_session_key(forged), repr(forged))

    def test_the_site_uses_the_store_that_checks_keys(self) -> None:
        self.assertEqual(settings.SESSION_ENGINE, "lib.sessions")
