"""Double clicks and bursts on the earner's and reviewer's pages: one success, clear answers."""

from django.db import IntegrityError, transaction
from django.test import TransactionTestCase
from django.urls import reverse

from credentials import actions
from credentials.actions.awarding import award_credential
from credentials.models import (
    Award,
    Requirement,
    RequirementScore,
    Review,
    Submission,
    SubmissionEvent,
    SubmissionRound,
)
from credentials.tests.helpers import approve, complete_submission, make_issuer, publish_sample
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import RACERS, clients_for, crashed, post_at_once, race, said


class EarningRaceTestCase(TransactionTestCase):
    def setUp(self) -> None:
        district = create_organisation("Clarendon County", Organisation.Kind.DISTRICT)
        school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL, district)
        # Alice earns micro-credentials at Walker-Gamble.
        self.alice = make_person("alice@clarendon.example", "Alice", "Avery", Role.TEACHER, school)
        self.issuer = make_issuer()
        self.micro_credential = publish_sample(self.issuer)
        # Rita reviews for the issuer; she works for it, not for Alice's school.
        self.rita = make_person(
            "rita@network.example", "Rita", "Reyes", Role.TEACHER, self.issuer.organisation
        )

    def experts(self, count: int) -> list:
        """Approve `count` more expert reviewers of the issuer and return them."""
        home = self.issuer.organisation
        people = [
            make_person(f"expert{n}@network.example", "Expert", f"N{n}", Role.TEACHER, home)
            for n in range(count)
        ]
        for person in people:
            approve(self.issuer, person)
        return people


class StartingTests(EarningRaceTestCase):
    def test_twenty_starts_at_once_open_one_submission(self):
        url = reverse("credentials:start", args=[self.micro_credential.pk])
        responses = post_at_once(self.alice, url)
        self.assertEqual(crashed(responses), [])
        submission = Submission.objects.get(earner=self.alice)
        self.assertEqual(
            {r.url for r in responses}, {reverse("credentials:submission", args=[submission.pk])}
        )
        self.assertEqual(SubmissionEvent.objects.filter(kind="started").count(), 1)

    def test_the_database_refuses_a_second_open_submission(self):
        first = actions.start_submission(self.micro_credential, self.alice)
        with self.assertRaises(IntegrityError), transaction.atomic():
            Submission.objects.create(
                micro_credential=self.micro_credential,
                earner=self.alice,
                organisation=first.organisation,
                status=Submission.Status.NOT_YET,
            )

    def test_a_decided_submission_does_not_block_starting_again(self):
        first = actions.start_submission(self.micro_credential, self.alice)
        Submission.objects.filter(pk=first.pk).update(status=Submission.Status.EARNED)
        second = Submission.objects.create(
            micro_credential=self.micro_credential,
            earner=self.alice,
            organisation=first.organisation,
        )
        self.assertEqual(second.status, Submission.Status.DRAFT)


class SubmittingTests(EarningRaceTestCase):
    def test_twenty_submits_at_once_record_one_submission_for_review(self):
        approve(self.issuer, self.rita)
        submission = actions.start_submission(self.micro_credential, self.alice)
        for requirement in self.micro_credential.requirements.all():
            if requirement.kind == Requirement.Kind.ARTIFACT:
                actions.add_link(submission, requirement, "https://example.org/agenda")
            else:
                actions.save_answer_text(submission, requirement, "A thoughtful answer.")
        url = reverse("credentials:submit", args=[submission.pk])
        responses = post_at_once(self.alice, url)
        self.assertEqual(crashed(responses), [])
        messages = [said(r) for r in responses]
        self.assertEqual(
            messages.count(["Submitted. You will get an email when the review is done."]), 1
        )
        self.assertEqual(
            messages.count(
                ["This submission is with the reviewers or decided, so it cannot be changed now."]
            ),
            RACERS - 1,
        )
        self.assertEqual(SubmissionEvent.objects.filter(kind="submitted").count(), 1)
        self.assertEqual(SubmissionRound.objects.count(), 1)
        self.assertEqual(Review.objects.count(), 1)


class ReviewingTests(EarningRaceTestCase):
    def test_twenty_finish_review_posts_record_one_review(self):
        approve(self.issuer, self.rita)
        submission = complete_submission(self.micro_credential, self.alice)
        review = Review.objects.get(submission=submission, reviewer=self.rita)
        requirements = list(self.micro_credential.requirements.all())
        form = {f"met-{r.pk}": "yes" for r in requirements} | {"feedback": "Clear and specific."}
        responses = post_at_once(self.rita, reverse("credentials:review", args=[review.pk]), form)
        self.assertEqual(crashed(responses), [])
        self.assertEqual([r.status_code for r in responses].count(302), 1)
        refused = [r for r in responses if r.status_code == 200]
        self.assertEqual(len(refused), RACERS - 1)
        for response in refused:
            self.assertContains(response, "You have already completed this review.")
        self.assertEqual(RequirementScore.objects.count(), len(requirements))
        self.assertEqual(SubmissionEvent.objects.filter(kind="reviewed").count(), 1)
        self.assertEqual(Award.objects.count(), 1)

    def test_two_reviewers_finishing_at_once_decide_the_submission(self):
        micro_credential = publish_sample(self.issuer, title="Coaching peers", double_review=True)
        first, second = self.experts(2)
        submission = complete_submission(micro_credential, self.alice)
        reviews = list(Review.objects.filter(submission=submission))
        self.assertEqual({r.reviewer_id for r in reviews}, {first.pk, second.pk})
        scores = {r.pk: (True, "") for r in micro_credential.requirements.all()}

        def finish(i: int) -> Review:
            review = reviews[i]
            return actions.record_review(review, review.reviewer, scores, "Well evidenced.")

        outcomes = race(finish, racers=2)
        self.assertEqual(crashed(outcomes), [])
        submission.refresh_from_db()
        self.assertEqual(submission.status, Submission.Status.EARNED)
        self.assertEqual(Award.objects.filter(submission=submission).count(), 1)

    def test_twenty_experts_claiming_one_slot_get_one_review(self):
        submission = complete_submission(self.micro_credential, self.alice)
        self.assertEqual(Review.objects.count(), 0)
        experts = self.experts(RACERS)
        url = reverse("credentials:claim", args=[submission.pk])
        clients = [clients_for(expert, racers=1)[0] for expert in experts]
        responses = race(lambda i: clients[i].post(url))
        self.assertEqual(crashed(responses), [])
        review = Review.objects.get(submission=submission)
        self.assertEqual(
            [r.url for r in responses].count(reverse("credentials:review", args=[review.pk])), 1
        )
        refused = [said(r) for r in responses if r.url == reverse("credentials:reviews")]
        self.assertEqual(refused, [["This submission already has its reviewers."]] * (RACERS - 1))

    def test_a_double_click_on_claim_gives_one_review(self):
        submission = complete_submission(self.micro_credential, self.alice)
        approve(self.issuer, self.rita)
        responses = post_at_once(self.rita, reverse("credentials:claim", args=[submission.pk]))
        self.assertEqual(crashed(responses), [])
        review = Review.objects.get(submission=submission)
        self.assertEqual(
            {r.url for r in responses}, {reverse("credentials:review", args=[review.pk])}
        )


class AwardingTests(EarningRaceTestCase):
    def test_awarding_one_submission_twenty_times_at_once_issues_one_credential(self):
        submission = complete_submission(self.micro_credential, self.alice)
        Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.EARNED)
        outcomes = race(lambda i: award_credential(submission))
        self.assertEqual(crashed(outcomes), [])
        award = Award.objects.get()
        self.assertEqual({outcome.pk for outcome in outcomes}, {award.pk})
