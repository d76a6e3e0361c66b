"""The plan pages read in Spanish when the browser asks for it (docs/i18n.md)."""

from django.urls import reverse

from plans import actions

from .base import PlanTestCase


class SpanishPlanPagesTests(PlanTestCase):
    def test_my_plan_is_in_spanish_around_the_english_content(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_goal(plan, "Lead a book study.", self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        self.client.force_login(self.alice)
        self.spanish(
            reverse("plans:detail", args=[plan.pk]),
            "Mi plan de aprendizaje",
            "Competencias objetivo",
            "Elementos del plan",
            "Sugerencias",
            "Lead a book study.",
        )

    def test_a_suggestion_and_its_reason_are_in_spanish(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("plans:find-suggestions", args=[plan.pk]),
            headers={"accept-language": "es"},
            follow=True,
        )
        self.assertContains(response, "1 sugerencia nueva abajo.")
        self.assertContains(response, "una competencia objetivo de su plan")
        self.assertContains(response, "Descartar")

    def test_the_school_and_assign_pages_are_in_spanish(self) -> None:
        self.plan_of(self.alice)
        self.client.force_login(self.paula)
        self.spanish(
            reverse("plans:school", args=[self.walker_gamble.pk]),
            "Planes de aprendizaje en Walker-Gamble Elementary",
            "1 plan",
            "Elementos estancados",
            "Convertir una evaluación en equipo en sugerencias",
        )
        self.spanish(
            reverse("plans:assign", args=[self.walker_gamble.pk]),
            "Asignar una plantilla de plan",
            "Ruta de navegación",
        )
