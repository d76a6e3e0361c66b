"""Credentials awarded through Trellis itself verify in Digital Bazaar's JavaScript verifier.

The other interop tests sign with `credentials.ob3` directly; these go through the whole Django
path instead: review, award, the issuer's did:web document and the status list as Trellis serves
them, revocation by the issuer. Needs `npm ci --prefix interop` (they fail, never skip, without).
"""

import copy
from urllib.parse import urlsplit

from credentials import actions, keystore, ob3
from credentials.models import Award
from credentials.ob3.keys import did_web_to_url
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import SAMPLE, approve, complete_submission, make_issuer, review_all
from .ob3_support import run_node

TITLE = 'Évaluer ensemble – 共同评估 "quoted"\ttab'


class AwardInteropTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = actions.publish(
            actions.create_micro_credential(
                self.issuer, {**SAMPLE, "title": TITLE, "competency": TITLE + "\ncontrol\x07"}
            )
        )
        reviewer = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong)
        approve(self.issuer, reviewer)
        review_all(complete_submission(self.mc, self.alice), reviewer)
        self.award = Award.objects.get(submission__earner=self.alice)

    def served_documents(self, credential: dict) -> dict:
        """Return the DID document and status list exactly as Trellis serves them."""
        did = keystore.issuer_did(self.issuer)
        status_url = credential["credentialStatus"]["statusListCredential"]
        documents = {}
        for key, url in ((did, did_web_to_url(did)), (status_url, status_url)):
            response = self.client.get(urlsplit(url).path)
            self.assertEqual(response.status_code, 200, url)
            documents[key] = response.json()
        return documents

    def verify_in_javascript(self, credential: dict) -> dict:
        bundle = {"credentials": [credential], "documents": self.served_documents(credential)}
        return run_node("verify.mjs", bundle)["results"][0]

    def test_an_awarded_credential_verifies_and_is_active(self) -> None:
        credential = self.award.signed_json
        self.assertEqual(credential["credentialSubject"]["achievement"]["name"], TITLE)
        result = self.verify_in_javascript(credential)
        self.assertTrue(result["verified"], result["errors"])
        self.assertEqual(result["status"], {"checked": True, "revoked": False, "errors": []})
        self.assertEqual(ob3.validate_schema(credential)[0], [])

    def test_a_tampered_copy_of_an_awarded_credential_fails(self) -> None:
        tampered = copy.deepcopy(self.award.signed_json)
        tampered["credentialSubject"]["achievement"]["name"] = "Something else"
        result = self.verify_in_javascript(tampered)
        self.assertFalse(result["verified"])
        self.assertTrue(any("Invalid signature" in e for e in result["errors"]), result)

    def test_a_credential_the_issuer_revoked_is_reported_revoked(self) -> None:
        actions.revoke_credential(self.award, self.dana, "Awarded in error.")
        self.award.refresh_from_db()
        result = self.verify_in_javascript(self.award.signed_json)
        self.assertTrue(result["verified"], result["errors"])
        self.assertEqual(result["status"], {"checked": True, "revoked": True, "errors": []})
