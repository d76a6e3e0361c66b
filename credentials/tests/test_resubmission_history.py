"""A resubmission keeps what each earlier round sent and what its reviewers said."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials import actions
from credentials.models import Artifact, Review, Submission, SubmissionRound
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer, png, publish_sample, review_all

FIRST_TEXT = "I listened to my team first."
SECOND_TEXT = "I listened first, then we wrote the vision together."


class ResubmissionHistoryTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        self.mc = publish_sample(self.issuer)
        self.overview, self.agenda, self.reflection = self.mc.requirements.all()
        # Rita is an expert reviewer from Pomona.
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)
        self.submission = actions.start_submission(self.mc, self.alice)
        actions.save_answer_text(self.submission, self.overview, "A team of five.")
        actions.save_answer_text(self.submission, self.reflection, FIRST_TEXT)
        self.first_file = actions.add_artifact(
            self.submission, self.agenda, png("smith_agenda.png"), "First agenda"
        )
        actions.submit_for_review(self.submission, self.alice)
        review = self.submission.reviews.get(round=1)
        scores = {r.pk: (r != self.agenda, "") for r in self.mc.requirements.all()}
        scores[self.agenda.pk] = (False, "The agenda is top-down.")
        actions.record_review(review, self.rita, scores, "Show the team's input.")
        self.submission.refresh_from_db()

    def revise_and_resubmit(self) -> Artifact:
        actions.save_answer_text(self.submission, self.reflection, SECOND_TEXT)
        actions.remove_artifact(Artifact.objects.get(pk=self.first_file.pk))
        second = actions.add_artifact(
            self.submission, self.agenda, png("co_agenda.png"), "Co-written agenda"
        )
        actions.submit_for_review(self.submission, self.alice)
        return second

    def test_removing_reviewed_evidence_detaches_it_and_keeps_its_file(self) -> None:
        actions.remove_artifact(Artifact.objects.get(pk=self.first_file.pk))
        kept = Artifact.objects.get(pk=self.first_file.pk)
        self.assertIsNotNone(kept.detached_at)
        name = kept.file.name
        assert name, "the detached evidence kept no file"
        self.assertTrue(kept.file.storage.exists(name))
        self.assertEqual(
            [r.title for r in actions.missing_requirements(self.submission)], [self.agenda.title]
        )

    def test_removing_evidence_no_reviewer_saw_deletes_it(self) -> None:
        draft = actions.add_artifact(self.submission, self.agenda, png(), "Not sent yet")
        name = draft.file.name
        assert name, "the evidence was stored without a file"
        actions.remove_artifact(draft)
        self.assertFalse(Artifact.objects.filter(pk=draft.pk).exists())
        self.assertFalse(self.first_file.file.storage.exists(name))

    def test_each_round_keeps_its_answers_and_evidence(self) -> None:
        second = self.revise_and_resubmit()
        first, latest = SubmissionRound.objects.filter(submission=self.submission)
        self.assertIn({"requirement": self.reflection.pk, "text": FIRST_TEXT}, first.answers)
        self.assertIn({"requirement": self.reflection.pk, "text": SECOND_TEXT}, latest.answers)
        self.assertEqual(list(first.artifacts.all()), [self.first_file])
        self.assertEqual(list(latest.artifacts.all()), [second])

    def test_the_earner_sees_what_was_reviewed_while_revising(self) -> None:
        actions.save_answer_text(self.submission, self.reflection, SECOND_TEXT)
        self.client.force_login(self.alice)
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertContains(page, "Earlier rounds")
        self.assertContains(page, "Round 1: as sent for review")
        self.assertContains(page, FIRST_TEXT)
        self.assertContains(page, SECOND_TEXT)
        self.assertContains(page, "The reviewers’ feedback on this round is shown above.")

    def test_a_later_round_shows_the_earlier_answers_files_and_feedback(self) -> None:
        self.revise_and_resubmit()
        self.client.force_login(self.alice)
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertContains(page, "Round 1: Not yet")
        self.assertContains(page, FIRST_TEXT)
        self.assertContains(page, "smith_agenda.png")
        self.assertContains(page, "(removed in a later round)")
        self.assertContains(page, "The agenda is top-down.")
        self.assertContains(page, "Show the team&#x27;s input.", count=1)
        old_file = reverse("credentials:artifact-file", args=[self.first_file.pk])
        self.assertEqual(self.client.get(old_file).status_code, 200)

    def test_the_round_two_reviewer_sees_round_one_and_its_feedback(self) -> None:
        self.revise_and_resubmit()
        review = Review.objects.get(submission=self.submission, round=2)
        self.client.force_login(self.rita)
        url = reverse("credentials:review", args=[review.pk])
        with CaptureQueriesContext(connection) as queries:
            page = self.client.get(url)
        self.assertContains(page, "Round 1: Not yet")
        self.assertContains(page, FIRST_TEXT)
        self.assertContains(page, SECOND_TEXT)
        self.assertContains(page, "The agenda is top-down.")
        self.assertContains(page, "co_agenda.png")
        self.assertLess(len(queries), 30)

    def test_a_blind_reviewer_sees_earlier_files_without_their_names(self) -> None:
        self.mc.blind_review = True
        self.mc.save(update_fields=["blind_review"])
        self.revise_and_resubmit()
        review = Review.objects.get(submission=self.submission, round=2)
        self.client.force_login(self.rita)
        page = self.client.get(reverse("credentials:review", args=[review.pk]))
        self.assertContains(page, FIRST_TEXT)
        self.assertNotContains(page, "smith_agenda.png")

    def test_an_earned_resubmission_credits_only_the_current_evidence(self) -> None:
        Artifact.objects.filter(pk=self.first_file.pk).update(is_public=True)
        second = self.revise_and_resubmit()
        Artifact.objects.filter(pk=second.pk).update(is_public=True)
        review_all(self.submission, self.rita)
        self.submission.refresh_from_db()
        self.assertEqual(self.submission.status, Submission.Status.EARNED)
        evidence = self.submission.award.signed_json["evidence"]
        self.assertEqual([e["name"] for e in evidence], ["Co-written agenda"])
