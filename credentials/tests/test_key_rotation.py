"""Rotating an issuer's key keeps every credential it signed verifying, for did:web and did:key.

Reproduces the acceptance audit: award, rotate, award again, revoke an old credential (which
re-signs its status list), then check every credential with Trellis's verifier and with
Digital Bazaar's.
"""

from urllib.parse import urlsplit

from credentials import actions, keystore
from credentials.actions.awarding import issue_awards
from credentials.models import Award, Issuer, StatusList
from credentials.ob3.keys import did_web_to_url
from credentials.verification import verify
from organisations.actions import create_organisation
from organisations.models import Organisation
from tests.base import TrellisTestCase

from .helpers import publish_sample
from .ob3_support import run_node


def failing(result: dict) -> dict[str, str]:
    return {c["check"]: c["reason"] for c in result["checks"] if not c["ok"]}


class RotationTests(TrellisTestCase):
    did_method = Issuer.DidMethod.WEB

    def setUp(self) -> None:
        organisation = create_organisation(
            "Clarendon Leadership Academy", Organisation.Kind.NONPROFIT, self.clarendon
        )
        self.issuer = actions.create_issuer(organisation, did_method=self.did_method)
        self.mc = publish_sample(self.issuer)
        self.old_alice, self.old_bob = issue_awards(self.mc, [self.alice, self.bob])
        self.old_did = keystore.issuer_did(self.issuer)
        keystore.create_signing_key(self.issuer)
        (self.new_carl,) = issue_awards(self.mc, [self.carl])
        actions.revoke_credential(self.old_bob, self.dana, "Awarded to the wrong person.")

    def credential(self, award: Award) -> dict:
        return Award.objects.get(pk=award.pk).signed_json

    def test_old_and_new_credentials_verify_after_a_rotation_and_a_revocation(self) -> None:
        for award in (self.old_alice, self.new_carl):
            result = verify(self.credential(award))
            self.assertTrue(result["verified"], failing(result))

    def test_the_revoked_old_credential_is_reported_revoked(self) -> None:
        result = verify(self.credential(self.old_bob))
        self.assertEqual(list(failing(result)), ["status"])
        self.assertIn("revoked", failing(result)["status"])

    def test_credentials_signed_after_a_rotation_go_on_a_new_list_bound_to_the_new_key(
        self,
    ) -> None:
        old_list, new_list = self.old_alice.status_list, self.new_carl.status_list
        self.assertNotEqual(old_list.pk, new_list.pk)
        self.assertNotEqual(old_list.signing_key_id, new_list.signing_key_id)
        self.assertEqual(new_list.signing_key, keystore.current_key(self.issuer))

    def test_a_revocation_on_the_new_list_leaves_the_old_list_alone(self) -> None:
        actions.revoke_credential(self.new_carl, self.dana, "Awarded in error.")
        self.assertTrue(verify(self.credential(self.old_alice))["verified"])
        self.assertIn("revoked", failing(verify(self.credential(self.new_carl)))["status"])

    def test_digital_bazaar_agrees_after_the_rotation(self) -> None:
        bundle = {
            "credentials": [self.credential(a) for a in (self.old_alice, self.old_bob)]
            + [self.credential(self.new_carl)],
            "documents": self.served_documents(),
        }
        alice, bob, carl = run_node("verify.mjs", bundle)["results"]
        for result, revoked in ((alice, False), (bob, True), (carl, False)):
            self.assertTrue(result["verified"], result["errors"])
            self.assertEqual(result["status"], {"checked": True, "revoked": revoked, "errors": []})

    def served_documents(self) -> dict:
        """Return the status lists (and the did:web document) exactly as Trellis serves them."""
        urls = [s.url for s in StatusList.objects.filter(issuer=self.issuer)]
        documents = {url: self.client.get(urlsplit(url).path).json() for url in urls}
        if self.did_method == Issuer.DidMethod.WEB:
            did = keystore.issuer_did(self.issuer)
            documents[did] = self.client.get(urlsplit(did_web_to_url(did)).path).json()
        return documents


class DidKeyRotationTests(RotationTests):
    did_method = Issuer.DidMethod.KEY

    def test_each_credential_names_the_did_key_of_the_key_that_signed_it(self) -> None:
        old, new = self.credential(self.old_alice), self.credential(self.new_carl)
        self.assertEqual(old["issuer"]["id"], self.old_did)
        self.assertEqual(new["issuer"]["id"], keystore.issuer_did(self.issuer))
        self.assertNotEqual(old["issuer"]["id"], new["issuer"]["id"])
        old_list = self.client.get(urlsplit(old["credentialStatus"]["statusListCredential"]).path)
        self.assertEqual(old_list.json()["issuer"], self.old_did)
