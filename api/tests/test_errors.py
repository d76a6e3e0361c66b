"""Every error of the API is JSON with a `detail`, in development and in production alike."""

from collections.abc import Iterator
from unittest import mock

from django.core.cache import caches
from django.test import override_settings

from .base import ApiTestCase

MINE = "/api/v1/me/credentials"
LARGEST_BIGINT = 2**63 - 1

ENVIRONMENTS = {"development": True, "production": False}


class ApiErrorTests(ApiTestCase):
    def environments(self) -> Iterator[str]:
        """Yield once with DEBUG on (development) and once with it off (production)."""
        for name, debug in ENVIRONMENTS.items():
            with self.subTest(name), override_settings(DEBUG=debug):
                yield name

    def assertJsonError(self, response, status: int) -> dict:
        """Check the answer is a JSON error with a `detail`, not an HTML page; return its body."""
        self.assertEqual(response.status_code, status, response.content[:200])
        self.assertTrue(response["Content-Type"].startswith("application/json"))
        self.assertNotIn(b"<html", response.content.lower())
        self.assertTemplateNotUsed(response, "web/404.html")
        body = response.json()
        self.assertIn("detail", body)
        return body

    def get_in_each_environment(self, path: str, status: int, **options) -> list[dict]:
        bodies = []
        for debug in ENVIRONMENTS.values():
            with self.subTest(path=path, debug=debug), override_settings(DEBUG=debug):
                bodies.append(self.assertJsonError(self.client.get(path, **options), status))
        return bodies

    def test_a_page_beyond_the_bound_is_refused_with_422_naming_the_parameter(self) -> None:
        headers = self.bearer(self.alice)
        for query, name in [
            (f"page={LARGEST_BIGINT}", "page"),
            ("page=10001", "page"),
            ("page=0", "page"),
            ("page=abc", "page"),
            ("page_size=101", "page_size"),
            ("page_size=0", "page_size"),
        ]:
            for body in self.get_in_each_environment(f"{MINE}?{query}", 422, headers=headers):
                [problem] = body["detail"]
                self.assertEqual(problem["loc"], ["query", name], query)
                self.assertTrue(problem["msg"], query)

    def test_the_organisation_list_bounds_its_pages_too(self) -> None:
        path = f"/api/v1/organisations/{self.clarendon.pk}/credentials?page={LARGEST_BIGINT}"
        for body in self.get_in_each_environment(path, 422, headers=self.bearer(self.dana)):
            self.assertEqual(body["detail"][0]["loc"], ["query", "page"])

    def test_a_page_past_the_end_within_the_bound_is_empty_with_the_total(self) -> None:
        headers = self.bearer(self.alice)
        response = self.client.get(f"{MINE}?page=10000&page_size=100", headers=headers)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"items": [], "count": 1})

    def test_a_credential_id_that_is_not_a_uuid_is_a_json_404(self) -> None:
        for path in ["/api/v1/credentials/not-a-uuid", "/api/v1/credentials/%00"]:
            for body in self.get_in_each_environment(path, 404):
                self.assertEqual(body, {"detail": "Not found."})

    def test_an_unknown_api_address_is_a_json_404(self) -> None:
        for path in [
            "/api/v1/nothing-here",
            "/api/v1/",
            "/api/v1/me/credentials/",
            "/api/v1/organisations/-1/credentials",
            "/api/v2/me/credentials",
            "/api/openapi.yaml",
        ]:
            self.get_in_each_environment(path, 404)

    def test_an_organisation_nobody_may_see_is_a_json_404_without_debugging_text(self) -> None:
        for organisation_id in [self.clarendon.pk, 0, LARGEST_BIGINT, 10**30]:
            path = f"/api/v1/organisations/{organisation_id}/credentials"
            for body in self.get_in_each_environment(path, 404, headers=self.bearer(self.oscar)):
                self.assertEqual(body, {"detail": "Not found."})

    def test_the_pages_for_people_under_the_api_stay_html(self) -> None:
        self.assertEqual(self.client.get("/api/tokens").status_code, 301)
        self.assertContains(self.client.get("/api/docs"), "<html")

    def test_a_wrong_method_is_a_json_405_that_names_the_right_one(self) -> None:
        for _environment in self.environments():
            response = self.client.delete(MINE, headers=self.bearer(self.alice))
            body = self.assertJsonError(response, 405)
            self.assertEqual(response["Allow"], "GET")
            self.assertIn("use GET", body["detail"])
            refused = self.client.get("/api/v1/verify")
            self.assertJsonError(refused, 405)
            self.assertEqual(refused["Allow"], "POST")

    def test_a_missing_or_bad_token_is_a_json_401_with_the_scheme(self) -> None:
        for headers in [
            {},
            {"Authorization": "Bearer trellis_not-a-real-token"},
            {"Authorization": "Bearer trellis_\x00\xff"},
            {"Authorization": "Basic YWxpY2U6cGFzc3dvcmQ="},
            {"Authorization": "Bearer " + "x" * 10_000},
        ]:
            for _environment in self.environments():
                response = self.client.get(MINE, headers=headers)
                body = self.assertJsonError(response, 401)
                self.assertIn("Authorization: Bearer", body["detail"])
                self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="trellis"')

    def test_a_forged_session_cookie_is_no_session_rather_than_a_server_error(self) -> None:
        # A NUL byte in the session key makes PostgreSQL refuse the session lookup.
        for forged in ["abcdefgh\x00ijklmnop", "ABC'; --", "ü" * 32]:
            self.client.cookies["sessionid"] = forged
            for _environment in self.environments():
                self.assertJsonError(self.client.get(MINE), 401)

    @override_settings(RATELIMIT_ENABLE=True, VERIFY_RATE="1/m")
    def test_a_throttled_verification_is_a_json_429_saying_when_to_retry(self) -> None:
        caches["throttle"].clear()
        self.client.post("/api/v1/verify", {}, content_type="application/json")
        for _environment in self.environments():
            response = self.client.post("/api/v1/verify", {}, content_type="application/json")
            self.assertJsonError(response, 429)
            self.assertEqual(response["Retry-After"], "60")

    def test_too_many_query_parameters_are_a_json_400(self) -> None:
        crowded = "&".join(f"p{number}=1" for number in range(1_001))
        headers = self.bearer(self.alice)
        for _environment in self.environments():
            with self.assertLogs("django.security", "WARNING"):
                response = self.client.get(f"{MINE}?{crowded}", headers=headers)
            self.assertJsonError(response, 400)

    def test_an_unexpected_failure_is_a_logged_json_500(self) -> None:
        self.client.raise_request_exception = False
        failing = mock.patch("api.v1._summaries", side_effect=RuntimeError("database on fire"))
        headers = self.bearer(self.alice)
        for _environment in self.environments():
            with failing, self.assertLogs("django.request", "ERROR") as log:
                response = self.client.get(MINE, headers=headers)
            body = self.assertJsonError(response, 500)
            self.assertNotIn("database on fire", body["detail"])
            self.assertIn("database on fire", "\n".join(log.output))

    def test_a_failure_outside_the_endpoints_is_json_too_in_production(self) -> None:
        self.client.raise_request_exception = False
        failing = mock.patch("api.views.api.get_openapi_schema", side_effect=RuntimeError)
        with failing, self.assertLogs("django.request", "ERROR"):
            self.assertJsonError(self.client.get("/api/openapi.json"), 500)
        self.assertJsonError(self.client.get(MINE, headers={"host": "evil.example"}), 400)

    def test_errors_stay_english_whatever_the_language(self) -> None:
        spanish = {"accept-language": "es", **self.bearer(self.alice)}
        [body, _] = self.get_in_each_environment(f"{MINE}?page=0", 422, headers=spanish)
        self.assertEqual(body["detail"][0]["msg"], "Input should be greater than or equal to 1")
        [body, _] = self.get_in_each_environment("/api/v1/nothing", 404, headers=spanish)
        self.assertEqual(body["detail"], "Not found.")
        response = self.client.delete(MINE, headers=spanish)
        self.assertEqual(response.json()["detail"], "This address does not answer DELETE; use GET.")
