from django.urls import reverse

from lib.errors import ActionError
from plans import actions
from plans.content_loader import load_plan_templates
from plans.models import Goal, LearningPlan, PlanItem, PlanTemplate, TargetCompetency

from .base import PlanTestCase


class TemplateTests(PlanTestCase):
    def setUp(self) -> None:
        self.template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")

    def test_the_built_in_templates_load_once_with_their_pathways(self) -> None:
        load_plan_templates()
        self.assertEqual(PlanTemplate.objects.count(), 4)
        self.assertEqual(
            PlanTemplate.objects.get(slug="aspiring-principal").pathway, "aspiring-principal"
        )

    def test_a_principal_assigns_a_template_to_several_people_once(self) -> None:
        first = actions.assign_template(
            self.template, self.walker_gamble, [self.alice, self.bob], self.paula
        )
        items = PlanItem.objects.count()
        again = actions.assign_template(
            self.template, self.walker_gamble, [self.alice, self.bob], self.paula
        )
        self.assertEqual(first["items_added"], 2 * len(self.template.items))
        self.assertEqual(again["items_added"], 0)
        self.assertEqual(PlanItem.objects.count(), items)
        self.assertEqual(LearningPlan.objects.count(), 2)
        self.assertEqual(Goal.objects.count(), 2 * len(self.template.goals))
        self.assertEqual(TargetCompetency.objects.count(), 2 * 4)
        goal = Goal.objects.filter(plan__owner=self.alice).first()
        self.assertEqual((goal.origin, goal.set_by), (Goal.Origin.WITH_ADMINISTRATOR, self.paula))

    def test_assigning_extends_a_plan_without_touching_what_is_there(self) -> None:
        plan = self.plan_of(self.alice)
        own = actions.add_item(plan, self.alice, "resource", title="My own book")
        actions.assign_template(self.template, self.walker_gamble, [self.alice], self.paula)
        self.assertTrue(plan.items.filter(pk=own.pk, origin=PlanItem.Origin.OWN).exists())
        self.assertEqual(plan.items.filter(origin=PlanItem.Origin.TEMPLATE).count(), 8)

    def test_only_leaders_assign_and_only_to_their_own_people(self) -> None:
        with self.assertRaisesMessage(ActionError, "Only a leader"):
            actions.assign_template(self.template, self.walker_gamble, [self.bob], self.alice)
        with self.assertRaisesMessage(ActionError, "must belong to"):
            actions.assign_template(self.template, self.walker_gamble, [self.carl], self.paula)
        with self.assertRaisesMessage(ActionError, "at least one person"):
            actions.assign_template(self.template, self.walker_gamble, [], self.paula)
        self.assertFalse(LearningPlan.objects.exists())

    def test_the_assign_page_offers_the_schools_people_and_reports_what_it_did(self) -> None:
        self.client.force_login(self.paula)
        url = reverse("plans:assign", args=[self.walker_gamble.pk])
        page = self.client.get(url)
        self.assertContains(page, "Alice Avery")
        self.assertNotContains(page, "Carl Cole")
        response = self.client.post(
            url, {"template": self.template.pk, "people": [self.alice.pk]}, follow=True
        )
        self.assertContains(
            response, "Template assigned to 1 person. 8 items added to their plans."
        )
        outsider = self.client.post(url, {"template": self.template.pk, "people": [self.carl.pk]})
        self.assertEqual(outsider.status_code, 400)
        self.assertFalse(LearningPlan.objects.filter(owner=self.carl).exists())

    def test_a_teacher_cannot_open_the_assign_page(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("plans:assign", args=[self.walker_gamble.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
