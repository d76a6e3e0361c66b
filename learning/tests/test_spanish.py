"""The ways-to-learn pages read in Spanish when the browser asks for it (docs/i18n.md)."""

from django.urls import reverse

from learning import actions

from .base import LearningTestCase


class SpanishLearningPagesTests(LearningTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.alice)

    def test_the_front_page_and_the_library_are_in_spanish(self) -> None:
        self.spanish(
            reverse("learning:home"),
            "Formas de aprender",
            "Biblioteca de recursos",
            "Listas de recursos",
            "Experiencias de liderazgo",
            "Cohortes",
        )
        self.spanish(
            reverse("learning:resources"),
            "Buscar en la biblioteca",
            "Cualquier tipo",
            "recursos",
            # The resources themselves are content and stay as written.
            self.book.title,
        )

    def test_an_experience_taken_on_is_in_spanish(self) -> None:
        enrolment = actions.take_experience(self.alice, self.reading_plan, self.walker_gamble)
        self.spanish(
            reverse("learning:experience", args=[self.reading_plan.pk]),
            "Qué hará",
            "Competencias que desarrolla",
            "Su historial",
        )
        self.spanish(
            reverse("learning:enrolment", args=[enrolment.pk]),
            "Complétela",
            "Reflexión",
            "En curso",
        )

    def test_playlists_and_cohorts_are_in_spanish(self) -> None:
        self.spanish(
            reverse("learning:playlists"),
            "Crear una lista de recursos",
            "Todavía no tiene ninguna lista de recursos.",
        )
        self.spanish(reverse("learning:cohorts"), "Todavía no forma parte de ninguna cohorte.")
