from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials import actions
from credentials.models import Award, Review, Submission
from lib.errors import ActionError
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, complete_submission, make_issuer, publish_sample, review_all


class ReviewingTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        # Rita and Ray are expert reviewers from Pomona; Ruth is another Pomona expert.
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        self.ray = make_person("ray@pomona.example", "Ray", "Rowe", Role.TEACHER, self.armstrong)
        self.ruth = make_person("ruth@pomona.example", "Ruth", "Ruiz", Role.TEACHER, self.armstrong)

    def test_a_not_yet_goes_back_with_feedback_and_a_resubmission_is_earned(self) -> None:
        mc = publish_sample(self.issuer)
        approve(self.issuer, self.rita)
        submission = complete_submission(mc, self.alice)
        review_all(submission, self.rita, met=False, feedback="Show the team's input.")
        submission.refresh_from_db()
        self.assertEqual(submission.status, Submission.Status.NOT_YET)
        self.client.force_login(self.alice)
        self.assertContains(
            self.client.get(reverse("credentials:submission", args=[submission.pk])),
            "Show the team&#x27;s input.",
        )
        actions.submit_for_review(submission, self.alice)
        self.assertEqual(submission.round, 2)
        review_all(submission, self.rita, met=True)
        submission.refresh_from_db()
        self.assertEqual(submission.status, Submission.Status.EARNED)
        self.assertEqual(Award.objects.get().submission, submission)
        self.assertEqual(submission.reviews.count(), 2)

    def test_double_review_calls_a_third_reviewer_when_the_first_two_disagree(self) -> None:
        mc = publish_sample(self.issuer, double_review=True)
        for person in (self.rita, self.ray, self.ruth):
            approve(self.issuer, person)
        submission = complete_submission(mc, self.alice)
        first, second = [r.reviewer for r in submission.reviews.all()]
        review_all(submission, first, met=True)
        review_all(submission, second, met=False)
        tiebreak = submission.reviews.get(is_tiebreak=True)
        self.assertNotIn(tiebreak.reviewer, (first, second))
        submission.refresh_from_db()
        self.assertEqual(submission.status, Submission.Status.SUBMITTED)
        review_all(submission, tiebreak.reviewer, met=True)
        submission.refresh_from_db()
        self.assertEqual(submission.status, Submission.Status.EARNED)

    def test_colleagues_of_the_earner_are_never_assigned(self) -> None:
        mc = publish_sample(self.issuer)
        approve(self.issuer, self.bob)  # Bob teaches at Alice's school.
        approve(self.issuer, self.rita)
        submission = complete_submission(mc, self.alice)
        self.assertEqual([r.reviewer for r in submission.reviews.all()], [self.rita])

    def test_peers_review_only_what_they_hold(self) -> None:
        mc = publish_sample(self.issuer)
        approve(self.issuer, self.carl, kind="peer")
        submission = complete_submission(mc, self.alice)
        self.assertFalse(submission.reviews.exists())

    def test_a_review_of_a_submission_not_assigned_to_you_is_refused(self) -> None:
        mc = publish_sample(self.issuer)
        approve(self.issuer, self.rita)
        submission = complete_submission(mc, self.alice)
        review = submission.reviews.get()
        with self.assertRaisesMessage(ActionError, "not assigned to you"):
            actions.record_review(review, self.ray, {}, "x")
        self.client.force_login(self.ray)
        self.assertEqual(
            self.client.get(reverse("credentials:review", args=[review.pk])).status_code, 404
        )
        review.refresh_from_db()
        self.assertIsNone(review.completed_at)

    def test_every_requirement_needs_a_score_and_feedback(self) -> None:
        mc = publish_sample(self.issuer)
        approve(self.issuer, self.rita)
        submission = complete_submission(mc, self.alice)
        self.client.force_login(self.rita)
        review = submission.reviews.get()
        page = self.client.post(reverse("credentials:review", args=[review.pk]), {"feedback": "ok"})
        self.assertContains(page, "Score every requirement before finishing")
        review.refresh_from_db()
        self.assertIsNone(review.completed_at)

    def test_blind_review_hides_the_name_and_school(self) -> None:
        mc = publish_sample(self.issuer, blind_review=True)
        approve(self.issuer, self.rita)
        submission = complete_submission(mc, self.alice)
        self.client.force_login(self.rita)
        page = self.client.get(reverse("credentials:review", args=[submission.reviews.get().pk]))
        self.assertContains(page, "Blind review")
        self.assertNotContains(page, "Alice")
        self.assertNotContains(page, "Walker-Gamble")

    def test_an_unassigned_submission_can_be_claimed_from_the_queue(self) -> None:
        mc = publish_sample(self.issuer)
        submission = complete_submission(mc, self.alice)
        approve(self.issuer, self.rita)
        self.client.force_login(self.rita)
        self.assertContains(self.client.get(reverse("credentials:reviews")), mc.title)
        self.client.post(reverse("credentials:claim", args=[submission.pk]))
        self.assertEqual(Review.objects.get().reviewer, self.rita)


class SubmissionPageQueryTests(TrellisTestCase):
    def test_the_submission_page_queries_do_not_grow_with_rounds_of_feedback(self) -> None:
        issuer = make_issuer()
        mc = publish_sample(issuer)
        rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong)
        approve(issuer, rita)
        submission = complete_submission(mc, self.alice)
        self.client.force_login(self.alice)
        url = reverse("credentials:submission", args=[submission.pk])

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        def another_round(n: int) -> None:
            actions.submit_for_review(Submission.objects.get(pk=submission.pk), self.alice)
            review_all(
                Submission.objects.get(pk=submission.pk), rita, met=False, feedback=f"Round {n}."
            )

        review_all(submission, rita, met=False, feedback="Round one.")
        # From round two on the page also lists earlier rounds, with their reviews.
        another_round(2)
        two_rounds = count()
        for n in range(3, 6):
            another_round(n)
        self.assertEqual(count(), two_rounds)
