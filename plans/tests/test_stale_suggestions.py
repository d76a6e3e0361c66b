"""A suggestion stops being proposed once its thing is in the plan, held or completed."""

from django.urls import reverse

from learning.content_loader import load_builtin_learning
from learning.models import ExperienceEnrolment, LeadershipExperience
from plans import actions
from plans.keys import learning_object_key, micro_credential_key
from plans.models import PlanItem, PlanTemplate, Suggestion

from .base import PlanTestCase


class StaleSuggestionTests(PlanTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        load_builtin_learning()
        # An experience the aspiring-teacher-leader template names.
        cls.walks = LeadershipExperience.objects.get(slug="facilitate-learning-walks")

    def setUp(self) -> None:
        self.plan = self.plan_of(self.alice)
        actions.add_target_competency(self.plan, self.vision, self.proficient, self.alice)
        competency = self.walks.competencies.first()
        level = competency.framework.levels.get(key="proficient")
        actions.add_target_competency(self.plan, competency, level, self.alice)
        actions.suggest_for_targets(self.plan, self.alice)
        self.credential_suggestion = self.plan.suggestions.get(
            target_key=micro_credential_key(self.shared_purpose.slug)
        )
        self.walks_suggestion = self.plan.suggestions.get(experience=self.walks)

    def shown(self) -> list[Suggestion]:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("plans:detail", args=[self.plan.pk]))
        return [s for group in page.context["page"].suggestion_groups for s in group.shown]

    def test_adding_the_same_thing_by_hand_answers_the_suggestion(self) -> None:
        item = actions.add_item(
            self.plan, self.alice, "micro_credential", micro_credential=self.shared_purpose
        )
        self.credential_suggestion.refresh_from_db()
        self.assertEqual(
            (self.credential_suggestion.status, self.credential_suggestion.item),
            (Suggestion.Status.ACCEPTED, item),
        )
        self.assertNotIn(self.credential_suggestion, self.shown())
        self.assertIn(self.walks_suggestion, self.shown())

    def test_assigning_a_template_answers_the_suggestions_it_covers(self) -> None:
        template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
        actions.assign_template(template, self.walker_gamble, [self.alice, self.bob], self.paula)
        self.walks_suggestion.refresh_from_db()
        item = self.plan.items.get(source_key=learning_object_key("experience", self.walks))
        self.assertEqual(
            (self.walks_suggestion.status, self.walks_suggestion.item),
            (Suggestion.Status.ACCEPTED, item),
        )
        self.assertNotIn(self.walks_suggestion, self.shown())
        # Proposing again brings it back neither as a suggestion nor on the page.
        actions.suggest_for_targets(self.plan, self.alice)
        self.assertEqual(self.plan.suggestions.filter(experience=self.walks).count(), 1)
        self.assertNotIn(self.walks_suggestion, self.shown())

    def test_the_page_hides_what_is_held_completed_or_already_planned(self) -> None:
        # Rows written behind the actions' back, as older data was: the page still hides them.
        self.earn(self.shared_purpose, self.alice)
        ExperienceEnrolment.objects.create(
            person=self.alice,
            experience=self.walks,
            organisation=self.walker_gamble,
            status=ExperienceEnrolment.Status.COMPLETED,
        )
        resource = self.plan.suggestions.filter(kind="resource").first()
        PlanItem.objects.create(
            plan=self.plan, kind="resource", title="Book", source_key=resource.target_key
        )
        self.assertEqual(
            self.plan.suggestions.filter(status=Suggestion.Status.PROPOSED).count(),
            self.plan.suggestions.count(),
        )
        shown = self.shown()
        for hidden in (self.credential_suggestion, self.walks_suggestion, resource):
            self.assertNotIn(hidden, shown)

    def test_experiences_already_completed_are_never_proposed(self) -> None:
        self.plan.suggestions.all().delete()
        ExperienceEnrolment.objects.create(
            person=self.alice,
            experience=self.walks,
            organisation=self.walker_gamble,
            status=ExperienceEnrolment.Status.COMPLETED,
        )
        actions.suggest_for_targets(self.plan, self.alice)
        self.assertFalse(self.plan.suggestions.filter(experience=self.walks).exists())
        self.assertTrue(self.plan.suggestions.filter(micro_credential__isnull=False).exists())

    def test_accepting_what_is_already_in_the_plan_says_so_and_adds_nothing(self) -> None:
        PlanItem.objects.create(
            plan=self.plan,
            kind="micro_credential",
            title="Already here",
            micro_credential=self.shared_purpose,
            source_key=self.credential_suggestion.target_key,
        )
        self.client.force_login(self.alice)
        url = reverse("plans:decide-suggestion", args=[self.credential_suggestion.pk])
        response = self.client.post(url, {"decision": "accept"}, follow=True)
        self.assertContains(response, "is already in your plan; nothing was added.")
        self.assertNotContains(response, "added to your plan.")
        self.assertEqual(self.plan.items.filter(kind="micro_credential").count(), 1)
        self.credential_suggestion.refresh_from_db()
        self.assertEqual(self.credential_suggestion.status, Suggestion.Status.ACCEPTED)

    def test_accepting_a_new_thing_adds_it(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("plans:decide-suggestion", args=[self.walks_suggestion.pk])
        response = self.client.post(url, {"decision": "accept"}, follow=True)
        self.assertContains(response, f"“{self.walks.title}” added to your plan.")
        self.assertTrue(self.plan.items.filter(experience=self.walks).exists())
