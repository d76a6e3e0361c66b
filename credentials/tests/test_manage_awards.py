"""Issuers find, revoke and bulk-award credentials."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials.actions.awarding import issue_awards
from credentials.models import Award, AwardBatch
from credentials.verification import verify
from organisations.actions import add_member
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import make_issuer, publish_sample


class AwardListTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer)
        self.alice_award, self.bob_award = issue_awards(self.mc, [self.alice, self.bob])
        self.url = reverse("credentials:manage-awards", args=[self.issuer.slug])
        self.client.force_login(self.dana)

    def revoke_url(self, award: Award) -> str:
        return reverse("credentials:manage-revoke", args=[award.public_id])

    def test_it_searches_by_name_and_filters_by_status(self) -> None:
        page = self.client.get(self.url, {"q": "alice"})
        self.assertContains(page, "alice@clarendon.example")
        self.assertNotContains(page, "bob@clarendon.example")
        self.client.post(self.revoke_url(self.bob_award), {"reason": "Wrong person."})
        revoked = self.client.get(self.url, {"status": "revoked"})
        self.assertContains(revoked, "bob@clarendon.example")
        self.assertContains(revoked, "Wrong person.")
        self.assertNotContains(revoked, "alice@clarendon.example")
        active = self.client.get(self.url, {"status": "active"})
        self.assertContains(active, "alice@clarendon.example")
        self.assertNotContains(active, "bob@clarendon.example")

    def test_the_list_runs_the_same_queries_for_two_or_forty_awards(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(self.url).status_code, 200)
            return len(queries)

        few = count()
        people = [
            make_person(f"t{n}@clarendon.example", "T", str(n), Role.TEACHER, self.st_paul)
            for n in range(38)
        ]
        issue_awards(self.mc, people)
        self.assertEqual(count(), few)

    def test_revoking_needs_a_reason_and_flips_the_status_bit(self) -> None:
        url = self.revoke_url(self.alice_award)
        self.assertContains(self.client.get(url), "Alice Avery")
        empty = self.client.post(url, {"reason": "  "})
        self.assertContains(empty, "Give a reason for revoking", status_code=400)
        self.alice_award.refresh_from_db()
        self.assertIsNone(self.alice_award.revoked_at)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"reason": "Evidence was not the educator's own."})
        self.assertRedirects(response, self.url)
        self.alice_award.refresh_from_db()
        self.assertEqual(self.alice_award.revoked_by, self.dana)
        result = verify(self.alice_award.signed_json)
        self.assertFalse(result["verified"])
        status = next(c for c in result["checks"] if c["check"] == "status")
        self.assertIn("revoked", status["reason"])

    def test_a_member_of_the_issuer_who_does_not_manage_it_is_told_why(self) -> None:
        coach = make_person(
            "coach@clarendon.example", "Cora", "Coach", Role.TEACHER, self.issuer.organisation
        )
        self.client.force_login(coach)
        url = self.revoke_url(self.alice_award)
        message = "Only people who manage Clarendon Leadership Academy can revoke"
        self.assertContains(self.client.get(url), message, status_code=403)
        self.assertContains(self.client.post(url, {"reason": "x"}), message, status_code=403)
        self.alice_award.refresh_from_db()
        self.assertIsNone(self.alice_award.revoked_at)

    def test_someone_from_another_district_finds_nothing(self) -> None:
        self.client.force_login(self.oscar)
        response = self.client.post(self.revoke_url(self.alice_award), {"reason": "x"})
        self.assertEqual(response.status_code, 404)
        self.alice_award.refresh_from_db()
        self.assertIsNone(self.alice_award.revoked_at)


class BulkAwardTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer)
        issue_awards(self.mc, [self.alice])
        self.url = reverse("credentials:manage-bulk-award", args=[self.issuer.slug])
        self.client.force_login(self.dana)

    def test_pasted_emails_are_confirmed_then_awarded_in_the_background(self) -> None:
        data = {
            "micro_credential": self.mc.pk,
            "emails": "alice@clarendon.example, BOB@clarendon.example\ncarl@clarendon.example",
        }
        confirm = self.client.post(self.url, data)
        self.assertContains(confirm, "to 3 people")
        self.assertContains(confirm, "1 of them already holds it")
        self.assertFalse(AwardBatch.objects.exists())
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.url, {**data, "confirm": "yes"})
        batch = AwardBatch.objects.get()
        self.assertRedirects(response, reverse("credentials:manage-batch", args=[batch.pk]))
        batch.refresh_from_db()
        self.assertEqual((batch.status, batch.done, batch.skipped), ("done", 2, 1))
        self.assertEqual(Award.objects.filter(micro_credential=self.mc).count(), 3)
        page = self.client.get(reverse("credentials:manage-batch", args=[batch.pk]))
        self.assertContains(page, "Finished.")
        self.assertNotContains(page, "hx-trigger")

    def test_a_whole_school_can_be_chosen(self) -> None:
        data = {"micro_credential": self.mc.pk, "organisation": self.walker_gamble.pk}
        confirm = self.client.post(self.url, data)
        # Alice, Bob and Paula work at Walker-Gamble.
        self.assertContains(confirm, "to 3 people")
        self.assertContains(confirm, "Paula Price")

    def test_the_progress_page_polls_until_the_batch_finishes(self) -> None:
        batch = AwardBatch.objects.create(
            issuer=self.issuer,
            micro_credential=self.mc,
            requested_by=self.dana,
            earner_ids=[self.bob.pk, self.carl.pk],
            total=2,
            done=1,
            status=AwardBatch.Status.RUNNING,
        )
        url = reverse("credentials:manage-batch", args=[batch.pk])
        page = self.client.get(url)
        self.assertContains(page, 'hx-trigger="every 2s"')
        self.assertContains(page, "1 / 2")
        fragment = self.client.get(url, headers={"HX-Request": "true"})
        self.assertNotContains(fragment, "<html")
        self.assertContains(fragment, 'id="batch-progress"')
        AwardBatch.objects.filter(pk=batch.pk).update(
            status=AwardBatch.Status.FAILED, error="Signing key missing."
        )
        failed = self.client.get(url, headers={"HX-Request": "true"})
        self.assertNotContains(failed, "hx-trigger")
        self.assertContains(failed, "Signing key missing.")
        self.assertContains(failed, "<dt>Not awarded</dt><dd>1</dd>", html=True)

    def test_unknown_emails_are_named_and_nothing_is_queued(self) -> None:
        response = self.client.post(
            self.url,
            {"micro_credential": self.mc.pk, "emails": "bob@clarendon.example ghost@x.org"},
        )
        self.assertContains(response, "ghost@x.org", status_code=400)
        self.assertContains(
            response, "Nobody in your organisations has these emails", status_code=400
        )
        self.assertFalse(AwardBatch.objects.exists())

    def test_text_that_is_not_an_email_and_an_empty_cohort_are_refused(self) -> None:
        wrong = self.client.post(self.url, {"micro_credential": self.mc.pk, "emails": "bob at"})
        self.assertContains(wrong, "These are not email addresses: bob, at", status_code=400)
        empty = self.client.post(self.url, {"micro_credential": self.mc.pk})
        self.assertContains(empty, "Paste at least one email", status_code=400)

    def test_only_published_micro_credentials_of_this_issuer_are_offered(self) -> None:
        other = publish_sample(make_issuer(self.pomona, "Pomona Guild"))
        add_member(self.dana, other.issuer.organisation, Role.TEACHER)
        response = self.client.post(
            self.url, {"micro_credential": other.pk, "emails": "bob@clarendon.example"}
        )
        self.assertContains(
            response, "Choose one of this issuer’s published micro-credentials", status_code=400
        )
        self.assertFalse(AwardBatch.objects.exists())
