"""Leadership experiences: taken on, completed with a reflection, signed off by a mentor."""

from django.core import mail
from django.urls import reverse

from learning import actions
from learning.models import ExperienceEnrolment, LeadershipExperience
from learning.signals import experience_completed, experience_sent_back
from lib.errors import ActionError
from organisations.actions import add_member
from organisations.models import Person, Role
from organisations.people_picker import listed

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

    def test_the_mentor_list_names_role_and_school_and_tells_namesakes_apart(self) -> None:
        namesake = Person.objects.create_user(
            "carl.cole@clarendon.example", "x", given_name="Carl", family_name="Cole"
        )
        add_member(namesake, self.st_paul, Role.TEACHER)
        enrolment = self.take()
        page = self.client.get(reverse("learning:enrolment", args=[enrolment.pk]))
        labels = listed(page.context["complete_form"]["mentor"])
        self.assertEqual(
            labels[self.paula.pk], "Paula Price — Administrator, Walker-Gamble Elementary"
        )
        self.assertEqual(
            labels[self.carl.pk], "Carl Cole — Teacher, St. Paul Middle (carl@clarendon.example)"
        )
        self.assertEqual(
            labels[namesake.pk],
            "Carl Cole — Teacher, St. Paul Middle (carl.cole@clarendon.example)",
        )
        self.assertNotIn(self.alice.pk, labels)
        self.assertEqual(len(labels), len(set(labels.values())))

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


class NotYetTests(LearningTestCase):
    """Carl, Alice's mentor, answers "not yet"; she reworks her reflection and completes again."""

    def setUp(self) -> None:
        self.enrolment = actions.take_experience(self.alice, self.reading_plan, self.walker_gamble)
        actions.complete_experience(self.enrolment, REFLECTION, self.carl)
        self.url = reverse("learning:enrolment-sign-off", args=[self.enrolment.pk])

    def test_the_mentor_sends_it_back_and_she_sees_the_note(self) -> None:
        reopened = []

        def receive(sender, enrolment, **kwargs):
            reopened.append(enrolment.pk)

        experience_sent_back.connect(receive)
        self.addCleanup(experience_sent_back.disconnect, receive)
        self.client.force_login(self.carl)
        page = self.client.get(reverse("learning:enrolment", args=[self.enrolment.pk]))
        self.assertContains(page, "Not yet: send it back")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.url, {"decision": "not-yet", "note": "Say what the team decided, and how."}
            )
        self.assertRedirects(response, reverse("learning:enrolment", args=[self.enrolment.pk]))
        self.enrolment.refresh_from_db()
        self.assertEqual(self.enrolment.status, "taken")
        self.assertIsNone(self.enrolment.completed_at)
        self.assertIsNone(self.enrolment.mentor_signed_off_at)
        self.assertTrue(self.enrolment.is_sent_back)
        self.assertEqual(reopened, [self.enrolment.pk])
        self.assertEqual(mail.outbox[-1].to, [self.alice.email])
        # Alice reads the note, finds her reflection kept, and completes it again.
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(reverse("learning:home")), "Not yet")
        page = self.client.get(reverse("learning:enrolment", args=[self.enrolment.pk]))
        self.assertContains(page, "Say what the team decided, and how.")
        self.assertEqual(page.context["complete_form"]["reflection"].value(), REFLECTION)
        self.assertEqual(page.context["complete_form"]["mentor"].value(), self.carl.pk)
        self.client.post(
            reverse("learning:enrolment-complete", args=[self.enrolment.pk]),
            {
                "reflection": REFLECTION + " The team chose the check in a vote.",
                "mentor": self.carl.pk,
            },
        )
        self.enrolment.refresh_from_db()
        self.assertTrue(self.enrolment.awaits_sign_off)
        self.assertFalse(self.enrolment.is_sent_back)
        # And Carl can sign it off this time.
        actions.sign_off_experience(self.enrolment, self.carl, "Clear now.")
        self.assertIsNotNone(self.enrolment.mentor_signed_off_at)

    def test_not_yet_needs_a_note(self) -> None:
        self.client.force_login(self.carl)
        response = self.client.post(self.url, {"decision": "not-yet", "note": " "})
        self.assertEqual(response.status_code, 400)
        self.assertIn("note", response.context["sign_off_form"].errors)
        self.enrolment.refresh_from_db()
        self.assertEqual(self.enrolment.status, "completed")

    def test_only_the_named_mentor_can_send_it_back(self) -> None:
        for person in (self.alice, self.paula, self.oscar):
            self.client.force_login(person)
            response = self.client.post(self.url, {"decision": "not-yet", "note": "No."})
            self.assertEqual(response.status_code, 404)
        with self.assertRaises(ActionError):
            actions.send_back_experience(self.enrolment, self.paula, "No.")
        self.enrolment.refresh_from_db()
        self.assertEqual(self.enrolment.status, "completed")

    def test_a_signed_off_experience_cannot_be_sent_back(self) -> None:
        actions.sign_off_experience(self.enrolment, self.carl)
        with self.assertRaises(ActionError):
            actions.send_back_experience(self.enrolment, self.carl, "On second thoughts.")
