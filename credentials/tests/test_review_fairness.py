"""Reviewers see only what they may take, blind review hides file names, refusals explain."""

from django.urls import reverse

from credentials import actions
from credentials.models import Requirement, Review
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, complete_submission, make_issuer, png, publish_sample


class ReviewQueueTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        # Rita is an expert reviewer from Pomona, far from Alice's school.
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        self.mc = publish_sample(self.issuer)
        # Submitted before anyone could review it, so it waits in the queue.
        self.submission = complete_submission(self.mc, self.alice)

    def queue(self, person):
        self.client.force_login(person)
        return self.client.get(reverse("credentials:reviews"))

    def test_a_school_colleague_is_not_offered_the_submission(self) -> None:
        approve(self.issuer, self.bob)  # Bob teaches at Alice's school.
        approve(self.issuer, self.rita)
        self.assertNotContains(
            self.queue(self.bob), reverse("credentials:claim", args=[self.submission.pk])
        )
        self.assertContains(
            self.queue(self.rita), reverse("credentials:claim", args=[self.submission.pk])
        )

    def test_a_colleague_is_offered_it_when_the_issuer_allows_colleagues(self) -> None:
        self.mc.exclude_colleagues = False
        self.mc.save(update_fields=["exclude_colleagues"])
        approve(self.issuer, self.bob)
        self.assertContains(
            self.queue(self.bob), reverse("credentials:claim", args=[self.submission.pk])
        )

    def test_a_peer_is_offered_only_what_they_hold(self) -> None:
        approve(self.issuer, self.rita, kind="peer")
        self.assertNotContains(self.queue(self.rita), "Waiting for a reviewer")


class BlindReviewFileTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)

    def submit_with_files(self, **options):
        mc = publish_sample(self.issuer, **options)
        submission = actions.start_submission(mc, self.alice)
        for requirement in mc.requirements.all():
            if requirement.kind == Requirement.Kind.ARTIFACT:
                actions.add_artifact(submission, requirement, png("avery_agenda.png"), "", False)
                actions.add_artifact(submission, requirement, png("avery_notes.png"), "", False)
            else:
                actions.save_answer_text(submission, requirement, "An answer.")
        actions.submit_for_review(submission, self.alice)
        return submission

    def disposition(self, person, artifact) -> str:
        self.client.force_login(person)
        response = self.client.get(reverse("credentials:artifact-file", args=[artifact.pk]))
        self.assertEqual(response.status_code, 200)
        return response["Content-Disposition"]

    def test_a_blind_reviewer_downloads_files_under_neutral_names(self) -> None:
        submission = self.submit_with_files(blind_review=True)
        first, second = submission.artifacts.order_by("pk")
        self.assertIn('filename="evidence-1.png"', self.disposition(self.rita, first))
        self.assertIn('filename="evidence-2.png"', self.disposition(self.rita, second))
        self.assertNotIn("avery", self.disposition(self.rita, second))
        # The earner still gets her own file under the name she gave it.
        self.assertIn("avery_agenda.png", self.disposition(self.alice, first))

    def test_an_open_review_keeps_the_original_name(self) -> None:
        submission = self.submit_with_files()
        artifact = submission.artifacts.order_by("pk").first()
        self.assertIn("avery_agenda.png", self.disposition(self.rita, artifact))


class NotYoursTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        self.ray = make_person("ray@pomona.example", "Ray", "Rowe", Role.TEACHER, self.armstrong)
        approve(self.issuer, self.rita)
        self.review = complete_submission(publish_sample(self.issuer), self.alice).reviews.get()

    def test_someone_elses_review_says_why_without_revealing_whether_it_exists(self) -> None:
        self.client.force_login(self.ray)
        theirs = self.client.get(reverse("credentials:review", args=[self.review.pk]))
        missing = self.client.get(reverse("credentials:review", args=[self.review.pk + 1000]))
        for response in (theirs, missing):
            self.assertContains(response, "not assigned to you", status_code=404)
            self.assertNotContains(response, self.mc_title, status_code=404)
            self.assertNotContains(response, "Alice", status_code=404)
        posted = self.client.post(
            reverse("credentials:review", args=[self.review.pk]), {"feedback": "Fine."}
        )
        self.assertContains(posted, "not assigned to you", status_code=404)
        self.review.refresh_from_db()
        self.assertIsNone(self.review.completed_at)
        self.assertEqual(Review.objects.count(), 1)

    @property
    def mc_title(self) -> str:
        return self.review.submission.micro_credential.title

    def test_the_api_says_no_credential_has_that_id(self) -> None:
        response = self.client.get("/api/v1/credentials/00000000-0000-4000-8000-000000000000")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json(), {"detail": "No credential with that id."})
