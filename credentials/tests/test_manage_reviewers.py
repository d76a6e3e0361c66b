"""Issuers approve and remove reviewers and see how well they agree."""

from datetime import timedelta

from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials.models import Review, Reviewer
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, complete_submission, make_issuer, publish_sample, review_all


class ReviewerPageTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer)
        self.url = reverse("credentials:manage-reviewers", args=[self.issuer.slug])
        self.client.force_login(self.dana)

    def test_an_expert_is_approved_by_email(self) -> None:
        response = self.client.post(self.url, {"email": "CARL@clarendon.example", "kind": "expert"})
        self.assertRedirects(response, self.url)
        seat = Reviewer.objects.get()
        self.assertEqual(
            (seat.person, seat.kind, seat.approved_by), (self.carl, "expert", self.dana)
        )
        self.assertContains(self.client.get(self.url), "Carl Cole")

    def test_an_unknown_email_says_how_to_fix_it(self) -> None:
        response = self.client.post(self.url, {"email": "nobody@example.org", "kind": "expert"})
        self.assertContains(
            response, "Nobody in your organisations has that email", status_code=400
        )
        self.assertContains(response, "nobody@example.org", status_code=400)
        self.assertFalse(Reviewer.objects.exists())

    def test_a_peer_must_hold_one_of_the_issuers_credentials(self) -> None:
        response = self.client.post(self.url, {"email": "carl@clarendon.example", "kind": "peer"})
        self.assertContains(response, "cannot review as a peer", status_code=400)
        self.assertFalse(Reviewer.objects.exists())
        approve(self.issuer, self.oscar)
        review_all(complete_submission(self.mc, self.carl), self.oscar)
        response = self.client.post(self.url, {"email": "carl@clarendon.example", "kind": "peer"})
        self.assertRedirects(response, self.url)
        self.assertEqual(Reviewer.objects.get(person=self.carl).kind, "peer")

    def test_a_removed_reviewer_gets_no_new_submissions(self) -> None:
        seat = approve(self.issuer, self.carl)
        response = self.client.post(reverse("credentials:manage-remove-reviewer", args=[seat.pk]))
        self.assertRedirects(response, self.url)
        seat.refresh_from_db()
        self.assertFalse(seat.active)
        submission = complete_submission(self.mc, self.alice)
        self.assertFalse(submission.reviews.exists())
        self.assertContains(self.client.get(self.url), "Removed")

    def test_another_issuers_reviewer_cannot_be_removed(self) -> None:
        other = make_issuer(self.pomona, "Pomona Guild")
        seat = approve(other, self.oscar)
        response = self.client.post(reverse("credentials:manage-remove-reviewer", args=[seat.pk]))
        self.assertEqual(response.status_code, 404)
        seat.refresh_from_db()
        self.assertTrue(seat.active)


class CalibrationPageTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer, double_review=True)
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        self.sam = make_person("sam@pomona.example", "Sam", "Stone", Role.TEACHER, self.armstrong)
        approve(self.issuer, self.rita)
        approve(self.issuer, self.sam)
        self.client.force_login(self.dana)
        self.url = reverse("credentials:manage-calibration", args=[self.issuer.slug])

    def double_review(self, earner, rita_says: bool, sam_says: bool, hours: int = 2) -> None:
        submission = complete_submission(self.mc, earner)
        review_all(submission, self.rita, met=rita_says)
        review_all(submission, self.sam, met=sam_says)
        # Pretend the reviews took `hours` from assignment to completion.
        Review.objects.filter(submission=submission, is_tiebreak=False).update(
            assigned_at=F("completed_at") - timedelta(hours=hours)
        )

    def test_it_shows_agreement_kappa_and_turnaround_per_reviewer(self) -> None:
        self.double_review(self.alice, True, True, hours=2)
        self.double_review(self.bob, False, False, hours=4)
        page = self.client.get(self.url)
        self.assertContains(page, "Rita Reyes")
        self.assertContains(page, "100%")
        # Both always agree and each said earned once and not yet once: kappa 1.
        self.assertContains(page, "<td>1.00</td>", html=True)
        self.assertContains(page, "3.0 hours")

    def test_kappa_without_variation_shows_n_a_with_a_reason(self) -> None:
        self.double_review(self.alice, True, True)
        page = self.client.get(self.url)
        self.assertContains(page, "n/a")
        self.assertContains(page, "kappa cannot be computed")

    def test_it_runs_the_same_queries_for_few_or_many_reviews(self) -> None:
        self.double_review(self.alice, True, False)

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(self.url).status_code, 200)
            return len(queries)

        few = count()
        self.double_review(self.bob, True, True)
        extra = make_person("e@clarendon.example", "E", "E", Role.TEACHER, self.st_paul)
        self.double_review(extra, False, False)
        self.assertEqual(count(), few)
