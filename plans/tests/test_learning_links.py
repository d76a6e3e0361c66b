"""Plans point at the learning library: resources, playlists and leadership experiences."""

from django.urls import reverse

from learning import actions as learning_actions
from learning.content_loader import load_builtin_learning
from learning.models import ExperienceEnrolment, LeadershipExperience, Resource
from learning.signals import experience_completed
from lib.errors import ActionError
from plans import actions
from plans.models import PlanItem, PlanTemplate

from .base import PlanTestCase


class LearningLinkTests(PlanTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        load_builtin_learning()
        cls.experience = LeadershipExperience.objects.get(slug="facilitate-learning-walks")

    def test_template_items_link_the_built_in_resources_and_experiences(self) -> None:
        template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
        actions.assign_template(template, self.walker_gamble, [self.alice], self.paula)
        walks = PlanItem.objects.get(
            plan__owner=self.alice, source_key="experience:facilitate-learning-walks"
        )
        self.assertEqual(walks.experience, self.experience)
        book = PlanItem.objects.get(plan__owner=self.alice, source_key="resource:leading-together")
        self.assertEqual(book.resource.slug, "leading-together")

    def test_a_completed_experience_completes_the_plan_item_by_itself(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(plan, self.alice, "experience", experience=self.experience)
        enrolment = ExperienceEnrolment.objects.create(
            person=self.alice,
            experience=self.experience,
            organisation=self.walker_gamble,
            status=ExperienceEnrolment.Status.COMPLETED,
        )
        experience_completed.send(sender=ExperienceEnrolment, enrolment=enrolment)
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.DONE)
        self.assertIsNotNone(item.completed_at)

    def test_an_experience_the_mentor_sends_back_reopens_the_plan_item(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(plan, self.alice, "experience", experience=self.experience)
        enrolment = learning_actions.take_experience(
            self.alice, self.experience, self.walker_gamble
        )
        learning_actions.complete_experience(
            enrolment, "I led the team through three cycles and learned to listen.", self.paula
        )
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.DONE)
        learning_actions.send_back_experience(enrolment, self.paula, "Add the team's own view.")
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.IN_PROGRESS)
        self.assertIsNone(item.completed_at)

    def test_cohorts_may_follow_a_plan_template(self) -> None:
        from learning.pursuits import plan_template_choices

        slugs = {slug for slug, _title in plan_template_choices()}
        self.assertIn(PlanTemplate.objects.first().slug, slugs)

    def test_an_experience_no_longer_offered_cannot_be_planned(self) -> None:
        LeadershipExperience.objects.filter(pk=self.experience.pk).update(status="retired")
        self.experience.refresh_from_db()
        with self.assertRaisesMessage(ActionError, "no longer offered"):
            actions.add_item(
                self.plan_of(self.alice), self.alice, "experience", experience=self.experience
            )

    def test_another_districts_resource_cannot_be_planned(self) -> None:
        theirs = Resource.objects.create(
            organisation=self.pomona, slug="pomona-notes", title="Pomona notes", kind="article"
        )
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("plans:add-item", args=[plan.pk]), {"kind": "resource", "resource": theirs.pk}
        )
        self.assertEqual(response.status_code, 400)
        with self.assertRaisesMessage(ActionError, "your organisation's library"):
            actions.add_item(plan, self.alice, "resource", resource=theirs)
        self.assertFalse(plan.items.exists())

    def test_target_competencies_bring_aligned_resources_and_experiences(self) -> None:
        plan = self.plan_of(self.alice)
        competency = self.experience.competencies.first()
        level = competency.framework.levels.get(key="proficient")
        actions.add_target_competency(plan, competency, level, self.alice)
        actions.suggest_for_targets(plan, self.alice)
        kinds = set(plan.suggestions.values_list("kind", flat=True))
        self.assertIn("experience", kinds)
        suggestion = plan.suggestions.get(experience=self.experience)
        self.assertIn(competency.name, suggestion.reason)
        item, _added = actions.accept_suggestion(suggestion, self.alice)
        self.assertEqual(item.experience, self.experience)
