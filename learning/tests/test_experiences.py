"""Leadership experiences: taken on, completed with a reflection, signed off by a mentor."""

from django.core import mail
from django.urls import reverse

from learning import actions
from learning.models import ExperienceEnrolment, LeadershipExperience
from learning.signals import experience_completed
from lib.errors import ActionError

from .base import LearningTestCase

REFLECTION = "We agreed two shared strategies; colleagues chose the progress check, not me."


class ExperienceTests(LearningTestCase):
    def take(self, person=None) -> ExperienceEnrolment:
        self.client.force_login(person or self.alice)
        self.client.post(reverse("learning:experience-take", args=[self.reading_plan.pk]))
        return ExperienceEnrolment.objects.get(person=person or self.alice)

    def test_the_catalogue_lists_offered_experiences_only(self) -> None:
        LeadershipExperience.objects.filter(slug="lead-grade-span-reading-plan").update(
            status="retired"
        )
        self.client.force_login(self.alice)
        response = self.client.get(reverse("learning:experiences"))
        self.assertNotContains(response, self.reading_plan.title)
        self.assertEqual(len(response.context["experiences"]), 15)

    def test_a_teacher_takes_one_on_at_her_school(self) -> None:
        enrolment = self.take()
        self.assertEqual(enrolment.organisation, self.walker_gamble)
        self.assertEqual(enrolment.status, "taken")

    def test_taking_the_same_experience_twice_is_refused(self) -> None:
        self.take()
        response = self.client.post(
            reverse("learning:experience-take", args=[self.reading_plan.pk]), follow=True
        )
        self.assertContains(response, "already taken on")
        self.assertEqual(ExperienceEnrolment.objects.count(), 1)

    def test_a_retired_experience_cannot_be_taken(self) -> None:
        self.reading_plan.status = LeadershipExperience.Status.RETIRED
        with self.assertRaises(ActionError):
            actions.take_experience(self.alice, self.reading_plan, self.walker_gamble)

    def test_completing_with_a_mentor_asks_for_sign_off_and_sends_the_signal(self) -> None:
        enrolment = self.take()
        received = []

        def receive(sender, enrolment, **kwargs):
            received.append(enrolment)

        experience_completed.connect(receive)
        self.addCleanup(experience_completed.disconnect, receive)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("learning:enrolment-complete", args=[enrolment.pk]),
                {"reflection": REFLECTION, "mentor": self.carl.pk},
            )
        self.assertRedirects(response, reverse("learning:enrolment", args=[enrolment.pk]))
        enrolment.refresh_from_db()
        self.assertEqual((enrolment.status, enrolment.mentor), ("completed", self.carl))
        self.assertEqual(received, [enrolment])
        self.assertEqual(mail.outbox[0].to, [self.carl.email])
        # Carl sees the request on his learning page and signs off.
        self.client.force_login(self.carl)
        self.assertContains(self.client.get(reverse("learning:home")), "Waiting for your sign-off")
        self.client.post(
            reverse("learning:enrolment-sign-off", args=[enrolment.pk]), {"note": "Well led."}
        )
        enrolment.refresh_from_db()
        self.assertIsNotNone(enrolment.mentor_signed_off_at)
        self.assertEqual(enrolment.mentor_note, "Well led.")

    def test_a_short_reflection_is_refused_and_nothing_changes(self) -> None:
        enrolment = self.take()
        response = self.client.post(
            reverse("learning:enrolment-complete", args=[enrolment.pk]), {"reflection": "Done."}
        )
        self.assertIn("reflection", response.context["complete_form"].errors)
        enrolment.refresh_from_db()
        self.assertEqual(enrolment.status, "taken")

    def test_a_mentor_from_another_district_is_refused(self) -> None:
        enrolment = self.take()
        with self.assertRaises(ActionError) as caught:
            actions.complete_experience(enrolment, REFLECTION, self.oscar)
        self.assertEqual(caught.exception.field, "mentor")

    def test_only_the_named_mentor_signs_off(self) -> None:
        enrolment = self.take()
        actions.complete_experience(enrolment, REFLECTION, self.carl)
        self.client.force_login(self.bob)
        response = self.client.post(reverse("learning:enrolment-sign-off", args=[enrolment.pk]))
        self.assertEqual(response.status_code, 404)
        self.client.force_login(self.alice)
        response = self.client.post(reverse("learning:enrolment-sign-off", args=[enrolment.pk]))
        self.assertEqual(response.status_code, 404)
        enrolment.refresh_from_db()
        self.assertIsNone(enrolment.mentor_signed_off_at)

    def test_her_principal_follows_progress_without_reading_the_reflection(self) -> None:
        enrolment = self.take()
        actions.complete_experience(enrolment, REFLECTION, None)
        self.client.force_login(self.paula)
        response = self.client.get(reverse("learning:enrolment", args=[enrolment.pk]))
        self.assertContains(response, "Completed")
        self.assertNotContains(response, REFLECTION)
