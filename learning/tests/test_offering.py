"""A school or district offers its own leadership experiences, changes and retires them."""

from django.urls import reverse

from frameworks.models import Competency
from learning import actions
from learning.models import ExperienceEnrolment, LeadershipExperience
from lib.errors import ActionError

from .base import LearningTestCase

REFLECTION = "I chaired three meetings; the team chose the assessment, and I learned to wait."


class OfferingTests(LearningTestCase):
    def form(self, **changes) -> dict:
        return {
            "organisation": self.walker_gamble.pk,
            "title": "Lead our Grade 3–5 reading plan this spring",
            "summary": "Walker-Gamble's own reading plan.",
            "what_you_do": "Meet the team\n\nAgree one goal\nReport to the staff",
            "duration_weeks": 8,
            "reflection_prompt": "What did the team decide without you?",
            "expects_mentor_sign_off": "on",
            "competencies": [self.vision.pk],
            **changes,
        }

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.vision = Competency.objects.filter(
            key="vision-and-strategy", framework__organisation=None
        ).first()

    def offer(self) -> LeadershipExperience:
        return actions.offer_experience(
            self.walker_gamble,
            {"title": "Lead our reading plan", "what_you_do": ["Meet"], "duration_weeks": 4},
            [],
            self.paula,
        )

    def test_a_principal_offers_an_experience_named_for_her_school(self) -> None:
        self.client.force_login(self.paula)
        self.assertEqual(self.client.get(reverse("learning:experience-create")).status_code, 200)
        response = self.client.post(reverse("learning:experience-create"), self.form())
        experience = LeadershipExperience.objects.get(organisation=self.walker_gamble)
        self.assertRedirects(response, reverse("learning:experience", args=[experience.pk]))
        self.assertEqual(
            experience.what_you_do, ["Meet the team", "Agree one goal", "Report to the staff"]
        )
        self.assertEqual(experience.duration_weeks, 8)
        self.assertTrue(experience.expects_mentor_sign_off)
        self.assertEqual(list(experience.competencies.all()), [self.vision])
        self.assertEqual(experience.created_by, self.paula)
        # Alice, a teacher there, finds it in the catalogue, named as Walker-Gamble's.
        self.client.force_login(self.alice)
        catalogue = self.client.get(reverse("learning:experiences"))
        self.assertContains(catalogue, "Lead our Grade 3–5 reading plan this spring")
        self.assertContains(catalogue, "Offered by Walker-Gamble Elementary")

    def test_only_the_school_and_its_leaders_see_it(self) -> None:
        experience = self.offer()
        for outsider in (self.carl, self.oscar):
            self.client.force_login(outsider)
            self.assertNotContains(
                self.client.get(reverse("learning:experiences")), "Lead our reading plan"
            )
            url = reverse("learning:experience", args=[experience.pk])
            self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.dana)
        self.assertEqual(
            self.client.get(reverse("learning:experience", args=[experience.pk])).status_code, 200
        )

    def test_a_district_experience_reaches_its_schools(self) -> None:
        experience = actions.offer_experience(
            self.clarendon,
            {"title": "District grant team", "what_you_do": ["Write"], "duration_weeks": 10},
            [],
            self.dana,
        )
        self.client.force_login(self.carl)
        self.assertContains(self.client.get(reverse("learning:experiences")), "District grant team")
        self.client.force_login(self.paula)
        edit = reverse("learning:experience-edit", args=[experience.pk])
        self.assertEqual(
            self.client.get(edit).status_code, 404
        )  # she leads a school, not Clarendon

    def test_teachers_and_outsiders_cannot_offer_or_edit(self) -> None:
        experience = self.offer()
        for person in (self.alice, self.cora, self.oscar):
            self.client.force_login(person)
            if person != self.oscar:  # Oscar leads a Pomona school, so he may offer there.
                create = self.client.get(reverse("learning:experience-create"))
                self.assertEqual(create.status_code, 404)
            edit = reverse("learning:experience-edit", args=[experience.pk])
            self.assertEqual(self.client.get(edit).status_code, 404)
            retire = reverse("learning:experience-retire", args=[experience.pk])
            self.assertEqual(self.client.post(retire).status_code, 404)
        self.assertTrue(LeadershipExperience.objects.get(pk=experience.pk).is_offered)

    def test_a_principal_cannot_offer_for_another_school(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.post(
            reverse("learning:experience-create"), self.form(organisation=self.st_paul.pk)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("organisation", response.context["form"].errors)
        self.assertFalse(LeadershipExperience.objects.filter(organisation__isnull=False).exists())

    def test_built_in_experiences_cannot_be_edited(self) -> None:
        self.client.force_login(self.dana)
        edit = reverse("learning:experience-edit", args=[self.reading_plan.pk])
        self.assertEqual(self.client.get(edit).status_code, 404)
        with self.assertRaises(ActionError):
            actions.retire_experience(self.reading_plan)

    def test_editing_changes_the_text_and_refuses_an_empty_step_list(self) -> None:
        experience = self.offer()
        self.client.force_login(self.paula)
        url = reverse("learning:experience-edit", args=[experience.pk])
        self.assertContains(self.client.get(url), "Lead our reading plan")
        response = self.client.post(
            url, self.form(title="Lead the reading plan", what_you_do=" \n ")
        )
        self.assertIn("what_you_do", response.context["form"].errors)
        response = self.client.post(url, self.form(title="Lead the reading plan"))
        self.assertRedirects(response, reverse("learning:experience", args=[experience.pk]))
        experience.refresh_from_db()
        self.assertEqual(experience.title, "Lead the reading plan")

    def test_retiring_leaves_the_catalogue_but_takers_can_finish(self) -> None:
        experience = self.offer()
        enrolment = actions.take_experience(self.alice, experience, self.walker_gamble)
        self.client.force_login(self.paula)
        response = self.client.post(
            reverse("learning:experience-retire", args=[experience.pk]), follow=True
        )
        self.assertContains(response, "can still complete it")
        experience.refresh_from_db()
        self.assertFalse(experience.is_offered)
        catalogue = self.client.get(reverse("learning:experiences"))
        self.assertNotIn(experience, catalogue.context["experiences"])
        self.assertEqual(catalogue.context["retired"], [experience])
        with self.assertRaises(ActionError):
            actions.take_experience(self.bob, experience, self.walker_gamble)
        actions.complete_experience(enrolment, REFLECTION)
        self.assertEqual(ExperienceEnrolment.objects.get().status, "completed")
        # And it can be offered again.
        self.client.post(
            reverse("learning:experience-retire", args=[experience.pk]), {"offer": "again"}
        )
        experience.refresh_from_db()
        self.assertTrue(experience.is_offered)

    def test_an_expected_sign_off_makes_the_mentor_required(self) -> None:
        experience = self.offer()
        experience.expects_mentor_sign_off = True
        experience.save()
        enrolment = actions.take_experience(self.alice, experience, self.walker_gamble)
        with self.assertRaises(ActionError) as caught:
            actions.complete_experience(enrolment, REFLECTION)
        self.assertEqual(caught.exception.field, "mentor")
        actions.complete_experience(enrolment, REFLECTION, self.paula)
