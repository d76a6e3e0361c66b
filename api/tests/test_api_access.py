"""Walk every API address as a visitor and as an outsider: nothing of Clarendon leaks."""

from django.urls import reverse

from credentials.models import Award
from tests.urlwalk import all_routes

from .. import actions
from .base import ApiTestCase

# Addresses anyone may use, checked in the other API tests.
OPEN = {"api:openapi", "api:docs", "api:docs-asset", "api:v1:credential", "api:v1:verify"}


class ApiAccessTests(ApiTestCase):
    def setUp(self) -> None:
        _token, self.secret = actions.create_token(self.alice, "Mine")
        self.values = {
            "organisation_id": self.clarendon.pk,
            "token_id": self.alice.api_tokens.get().pk,
        }

    def _routes(self):
        for route in all_routes():
            if route.name.startswith("api:") and route.name not in OPEN:
                yield route, route.fill(self.values)

    def _assert_nothing_leaks(self, response, url: str) -> None:
        body = response.content.decode(errors="replace")
        for private in ["Walker-Gamble", self.alice.email, str(self.award.public_id)]:
            self.assertNotIn(private, body, f"{url} leaked {private}")
        self.assertNotIn(self.secret, body)

    def test_a_visitor_without_a_token_gets_nothing(self) -> None:
        visited = 0
        for _route, url in self._routes():
            for method in ("get", "post"):
                response = getattr(self.client, method)(url)
                self._assert_nothing_leaks(response, url)
                if response.status_code == 302:
                    self.assertTrue(response["Location"].startswith(reverse("login")), url)
                else:
                    self.assertIn(response.status_code, {401, 404, 405}, f"{method} {url}")
                visited += 1
        self.assertGreaterEqual(visited, 10)

    def test_an_outsider_sees_nothing_of_clarendon_by_token_or_session(self) -> None:
        token_headers = self.bearer(self.oscar)
        self.client.force_login(self.oscar)
        for headers in [{}, token_headers]:
            for route, url in self._routes():
                for method in ("get", "post"):
                    response = getattr(self.client, method)(url, headers=headers)
                    self._assert_nothing_leaks(response, url)
                    if route.name not in {"api:tokens", "api:v1:my-credentials"}:
                        self.assertIn(response.status_code, {403, 404, 405}, f"{method} {url}")
        self.assertIsNone(Award.objects.get().revoked_at)
        self.assertIsNone(self.alice.api_tokens.get().revoked_at)
