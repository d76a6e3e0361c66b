"""The verification page: any credential, pasted or uploaded, gets a verdict and its reasons."""

import json

from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from credentials import actions
from credentials.verdict import MAX_CREDENTIAL_BYTES
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer
from .ob3_support import load_fixture
from .sharing_support import earn

URL = reverse("credentials:verify")


def failed_checks(response) -> dict[str, str]:
    return {c.name: c.reason for c in response.context["checks"] if not c.ok}


class VerifyPageTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.issuer = make_issuer(cls.clarendon, "Clarendon Leadership Academy")
        cls.rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, cls.armstrong)
        approve(cls.issuer, cls.rita)
        cls.award = earn(cls.issuer, cls.alice, cls.rita)

    def paste(self, text: str):
        return self.client.post(URL, {"credential": text})

    def upload(self, content: bytes, name: str = "badge.json"):
        return self.client.post(
            URL, {"file": SimpleUploadedFile(name, content, content_type="application/json")}
        )

    def test_anyone_can_open_the_page_without_signing_in(self) -> None:
        page = self.client.get(URL)
        self.assertContains(page, "Verify a badge")
        self.assertContains(page, 'for="credential-text"')
        self.assertContains(page, 'for="credential-file"')

    def test_a_pasted_trellis_credential_verifies_with_every_check_explained(self) -> None:
        page = self.paste(json.dumps(self.award.signed_json))
        self.assertContains(page, "This credential is valid.")
        self.assertEqual(failed_checks(page), {})
        names = [c.name for c in page.context["checks"]]
        self.assertEqual(names, ["context", "type", "schema", "proof", "issuer", "dates", "status"])
        self.assertContains(page, "Clarendon Leadership Academy")
        self.assertContains(page, "The digital signature is genuine")

    def test_an_uploaded_file_verifies_too(self) -> None:
        page = self.upload(json.dumps(self.award.signed_json).encode())
        self.assertContains(page, "This credential is valid.")

    def test_a_tampered_copy_fails_on_its_signature(self) -> None:
        tampered = {**self.award.signed_json, "name": "A badge I did not earn"}
        page = self.paste(json.dumps(tampered))
        self.assertContains(page, "This credential did not verify.")
        self.assertIn("proof", failed_checks(page))
        self.assertContains(page, "The digital signature could not be confirmed")

    def test_a_revoked_credential_fails_on_its_status(self) -> None:
        actions.revoke_credential(self.award, self.dana, "Issued in error.")
        page = self.paste(json.dumps(self.award.signed_json))
        self.assertIn("revoked", failed_checks(page)["status"])
        self.assertNotContains(page, "Issued in error.")

    def test_a_credential_from_elsewhere_gets_the_reason_it_fails(self) -> None:
        page = self.upload(json.dumps(load_fixture("simple-err-expired.json")).encode())
        self.assertIn("expired on 2010-01-01", failed_checks(page)["dates"])
        self.assertContains(page, "It has expired.")

    def test_bad_input_gets_a_reason_and_never_a_server_error(self) -> None:
        cases = {
            "this is not json": "not valid JSON",
            "[1, 2, 3]": "The JSON is an array",
            '"a string"': "The JSON is a string",
            "42": "The JSON is a number",
            "null": "The JSON is null",
            "[" * 100_000: "nested too deeply",
            "{}": "",
            json.dumps(
                {
                    "@context": 5,
                    "type": {"x": 1},
                    "issuer": [1, 2],
                    "validFrom": 12,
                    "credentialSubject": "nobody",
                    "proof": "forged",
                }
            ): "",
            json.dumps({**self.award.signed_json, "proof": [{"proofValue": 7}]}): "",
            json.dumps({**self.award.signed_json, "validFrom": "yesterday"}): "",
            json.dumps({**self.award.signed_json, "credentialStatus": {"statusListIndex": []}}): "",
            '{"credentialSubject": ' + "[" * 500 + "]" * 500 + "}": "",
        }
        for text, reason in cases.items():
            with self.subTest(text=text[:40]):
                page = self.paste(text)
                self.assertEqual(page.status_code, 200)
                self.assertContains(page, "This credential did not verify.")
                self.assertTrue(failed_checks(page))
                if reason:
                    self.assertIn(reason, failed_checks(page)["parse"])

    def test_a_file_that_is_not_utf8_text_gets_a_reason(self) -> None:
        page = self.upload(b"\xff\xfe\x00garbage\x81")
        self.assertIn("not UTF-8", failed_checks(page)["parse"])

    def test_too_large_input_is_refused_unread_with_the_limit(self) -> None:
        padding = " " * (MAX_CREDENTIAL_BYTES + 1)
        for response in (
            self.paste("{}" + padding),
            self.upload(b"{}" + padding.encode()),
            self.paste("{}" + " " * (6 * 1024 * 1024)),
        ):
            self.assertContains(response, "larger than 1 MB", status_code=400)

    def test_an_empty_form_asks_for_a_credential(self) -> None:
        self.assertContains(self.paste("  "), "Paste a credential", status_code=400)


@override_settings(RATELIMIT_ENABLE=True, VERIFY_RATE="2/m")
class VerifyThrottleTests(TrellisTestCase):
    def setUp(self) -> None:
        super().setUp()
        caches["throttle"].clear()

    def test_a_burst_of_verifications_from_one_address_is_paused(self) -> None:
        fixture = json.dumps(load_fixture("complete.json"))
        for _ in range(2):
            self.assertEqual(
                self.client.post(URL, {"credential": fixture}, REMOTE_ADDR="10.0.0.9").status_code,
                200,
            )
        paused = self.client.post(URL, {"credential": fixture}, REMOTE_ADDR="10.0.0.9")
        self.assertContains(paused, "Wait a minute, then try again", status_code=429)
        self.assertNotIn("checks", paused.context)
        other = self.client.post(URL, {"credential": fixture}, REMOTE_ADDR="10.0.0.10")
        self.assertEqual(other.status_code, 200)
        # Reading the page is never paused.
        self.assertEqual(self.client.get(URL, REMOTE_ADDR="10.0.0.9").status_code, 200)
