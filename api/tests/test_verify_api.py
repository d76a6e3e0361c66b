import json

from django.core.cache import caches
from django.test import Client, override_settings

from credentials import actions as credential_actions

from .base import ApiTestCase

VERIFY = "/api/v1/verify"


def failing(result: dict) -> dict[str, str]:
    return {check["check"]: check["reason"] for check in result["checks"] if not check["ok"]}


class VerifyApiTests(ApiTestCase):
    def post(self, body, content_type: str = "application/json"):
        if not isinstance(body, (str, bytes)):
            body = json.dumps(body)
        return self.client.post(VERIFY, body, content_type=content_type)

    def test_a_trellis_credential_verifies_without_a_token_or_csrf_cookie(self) -> None:
        client = Client(enforce_csrf_checks=True)
        response = client.post(VERIFY, self.award.signed_json, content_type="application/json")
        self.assertEqual(response.status_code, 200)
        result = response.json()
        self.assertTrue(result["verified"], failing(result))
        self.assertEqual(
            {c["check"] for c in result["checks"]},
            {"context", "type", "schema", "proof", "issuer", "dates", "status"},
        )

    def test_a_tampered_credential_fails_with_the_reason(self) -> None:
        tampered = {**self.award.signed_json, "name": "A credential I did not earn"}
        result = self.post(tampered).json()
        self.assertFalse(result["verified"])
        self.assertIn("proof", failing(result))
        self.assertTrue(failing(result)["proof"])

    def test_a_revoked_credential_is_reported_revoked(self) -> None:
        credential_actions.revoke_credential(self.award, self.dana, "Not the earner's work.")
        result = self.post(self.award.signed_json).json()
        self.assertFalse(result["verified"])
        self.assertIn("revoked", failing(result)["status"])

    def test_json_that_is_not_a_credential_gets_reasons_not_an_error(self) -> None:
        for document in [{}, {"@context": 5, "proof": "x"}, {"type": [None], "issuer": []}]:
            response = self.post(document)
            self.assertEqual(response.status_code, 200, document)
            self.assertFalse(response.json()["verified"])
            self.assertTrue(all(c["reason"] for c in response.json()["checks"] if not c["ok"]))

    def test_garbage_is_refused_with_a_clear_reason(self) -> None:
        cases = [
            ("", "Send the credential"),
            ("not json at all", "not valid JSON"),
            ('{"truncated": ', "not valid JSON"),
            ("[1, 2, 3]", "must be a JSON object"),
            ('"a string"', "must be a JSON object"),
            ("[" * 100_000, "nests too deeply"),
            (b"\xff\xfe\x00garbage", "not UTF-8"),
        ]
        for body, reason in cases:
            response = self.post(body)
            self.assertEqual(response.status_code, 400, body)
            self.assertIn(reason, response.json()["detail"])

    def test_a_deeply_nested_credential_gets_an_answer_not_a_server_error(self) -> None:
        nested = {**self.award.signed_json}
        nested["credentialSubject"] = {**nested["credentialSubject"]}
        inner: dict = {}
        nested["credentialSubject"]["extra"] = inner
        for _ in range(400):
            inner["next"] = {}
            inner = inner["next"]
        response = self.post(nested)
        self.assertIn(response.status_code, {200, 400})
        if response.status_code == 200:
            self.assertFalse(response.json()["verified"])

    def test_a_body_over_the_limit_is_refused(self) -> None:
        huge = {**self.award.signed_json, "description": "x" * (1024 * 1024)}
        response = self.post(huge)
        self.assertEqual(response.status_code, 413)
        self.assertIn("1 MiB", response.json()["detail"])

    def test_only_post_is_allowed(self) -> None:
        self.assertEqual(self.client.get(VERIFY).status_code, 405)

    def test_verification_runs_the_same_queries_for_1_and_20_credentials(self) -> None:
        self.post(self.award.signed_json)  # the status list is signed once, then kept
        # The issuer and its keys (looked up once for both proofs), then the status list, and
        # the hosted issuers it could be taken for (their names and keys, in one query).
        with self.assertNumQueries(4):
            one = self.post(self.award.signed_json)
        others = self.award_more(self.bob, 19)
        credential_actions.revoke_credential(others[0], self.dana, "Awarded by mistake.")
        self.post(self.award.signed_json)  # the status list is signed again after a revocation
        with self.assertNumQueries(4):
            twenty = self.post(self.award.signed_json)
        self.assertTrue(one.json()["verified"])
        self.assertTrue(twenty.json()["verified"])

    @override_settings(RATELIMIT_ENABLE=True, VERIFY_RATE="2/m")
    def test_a_burst_from_one_address_gets_429_with_a_reason(self) -> None:
        caches["throttle"].clear()
        body = json.dumps(self.award.signed_json)
        statuses = [
            self.client.post(
                VERIFY, body, content_type="application/json", REMOTE_ADDR="10.0.3.1"
            ).status_code
            for _ in range(3)
        ]
        self.assertEqual(statuses, [200, 200, 429])
        paused = self.client.post(
            VERIFY, body, content_type="application/json", REMOTE_ADDR="10.0.3.1"
        )
        self.assertIn("Too many verifications", paused.json()["detail"])
        other = self.client.post(
            VERIFY, body, content_type="application/json", REMOTE_ADDR="10.0.3.2"
        )
        self.assertEqual(other.status_code, 200)
