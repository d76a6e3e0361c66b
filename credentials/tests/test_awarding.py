from django.urls import reverse

from credentials import actions, keystore, ob3
from credentials.models import Award, AwardBatch, Submission
from credentials.verification import verify
from lib.errors import ActionError
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, complete_submission, make_issuer, publish_sample, review_all


def failing(result: dict) -> dict[str, str]:
    return {c["check"]: c["reason"] for c in result["checks"] if not c["ok"]}


class AwardingTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer)
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)
        submission = complete_submission(self.mc, self.alice)
        review_all(submission, self.rita)
        self.submission = Submission.objects.get(pk=submission.pk)
        self.award = Award.objects.get(submission=self.submission)

    def test_an_earned_submission_becomes_a_signed_open_badge_that_verifies(self) -> None:
        credential = self.award.signed_json
        self.assertEqual(credential["type"], ["VerifiableCredential", "OpenBadgeCredential"])
        self.assertEqual(credential["issuer"]["id"], keystore.issuer_did(self.issuer))
        self.assertEqual(credential["credentialStatus"]["type"], "BitstringStatusListEntry")
        self.assertEqual(credential["proof"][0]["cryptosuite"], "eddsa-rdfc-2022")
        self.assertEqual(len(credential["evidence"]), 1)
        alignment = credential["credentialSubject"]["achievement"]["alignment"][0]
        self.assertEqual(alignment["targetFramework"], self.mc.competencies.get().framework.title)
        self.assertIn("/frameworks/", alignment["targetUrl"])
        self.assertEqual(ob3.validate_schema(credential)[0], [])
        result = verify(credential)
        self.assertTrue(result["verified"], failing(result))

    def test_awarding_twice_gives_the_same_single_credential(self) -> None:
        again = actions.award_credential(self.submission)
        self.assertEqual(again.pk, self.award.pk)
        self.assertEqual(Award.objects.count(), 1)

    def test_a_tampered_copy_fails_verification(self) -> None:
        tampered = {**self.award.signed_json, "name": "Something I did not earn"}
        result = verify(tampered)
        self.assertFalse(result["verified"])
        self.assertIn("proof", failing(result))

    def test_revocation_flips_the_status_bit_and_verifiers_see_it(self) -> None:
        with self.assertRaisesMessage(ActionError, "Only people who manage"):
            actions.revoke_credential(self.award, self.oscar, "no")
        self.award.refresh_from_db()
        self.assertIsNone(self.award.revoked_at)
        actions.revoke_credential(self.award, self.dana, "Evidence was plagiarised.")
        result = verify(self.award.signed_json)
        self.assertFalse(result["verified"])
        self.assertIn("revoked", failing(result)["status"])
        status = self.client.get(self.award.status_list.url.replace("http://127.0.0.1:8000", ""))
        self.assertEqual(
            status.json()["type"], ["VerifiableCredential", "BitstringStatusListCredential"]
        )

    def test_credentials_signed_before_a_key_rotation_still_verify(self) -> None:
        keystore.create_signing_key(self.issuer)
        self.assertEqual(self.issuer.keys.count(), 2)
        self.assertTrue(verify(self.award.signed_json)["verified"])

    def test_the_public_page_and_json_need_no_sign_in(self) -> None:
        page = self.client.get(reverse("credentials:credential", args=[self.award.public_id]))
        self.assertContains(page, self.mc.title)
        data = self.client.get(
            reverse("credentials:credential", args=[self.award.public_id]), {"format": "json"}
        )
        self.assertEqual(data.json()["id"], self.award.url)
        did = self.client.get(reverse("credentials:did", args=[self.issuer.slug])).json()
        self.assertEqual(did["id"], keystore.issuer_did(self.issuer))

    def test_private_evidence_is_not_served_publicly(self) -> None:
        artifact = self.submission.artifacts.get()
        url = reverse("credentials:evidence", args=[artifact.public_id])
        self.assertEqual(self.client.get(url).status_code, 200)
        actions.set_artifact_public(artifact, False)
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_a_bulk_award_runs_as_a_task_and_skips_holders(self) -> None:
        cohort = [self.alice, self.bob, self.carl]
        batch = None
        with self.captureOnCommitCallbacks(execute=True):
            batch = actions.start_bulk_award(self.mc, cohort, self.dana)
        batch = AwardBatch.objects.get(pk=batch.pk)
        self.assertEqual((batch.status, batch.done, batch.skipped), ("done", 2, 1))
        self.assertEqual(Award.objects.filter(micro_credential=self.mc).count(), 3)
        for award in Award.objects.exclude(pk=self.award.pk):
            self.assertTrue(verify(award.signed_json)["verified"])
        indexes = list(Award.objects.values_list("status_index", flat=True))
        self.assertEqual(len(set(indexes)), 3)
