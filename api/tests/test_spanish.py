"""The tokens page reads in Spanish; the API and its reference stay English for integrators."""

from django.urls import reverse
from django.utils import translation

from .base import ApiTestCase

SPANISH = {"accept-language": "es"}


class SpanishTokensPageTests(ApiTestCase):
    def setUp(self) -> None:
        # A Spanish request leaves Spanish active in this thread; don't leak it to other tests.
        self.addCleanup(translation.deactivate)

    def test_the_tokens_page_and_its_messages_are_in_spanish(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("api:tokens"), headers=SPANISH)
        self.assertContains(page, '<html lang="es"')
        self.assertContains(page, "Tokens de acceso a la API")
        self.assertContains(page, "Todavía no hay tokens de acceso.")
        created = self.client.post(
            reverse("api:tokens"), {"name": "District warehouse"}, headers=SPANISH
        )
        self.assertContains(created, "Su nuevo token de acceso")
        self.assertContains(created, "District warehouse")
        refused = self.client.post(reverse("api:tokens"), {"name": "  "}, headers=SPANISH)
        self.assertContains(refused, "Este campo es obligatorio.", status_code=400)

    def test_the_api_answers_in_english_whatever_the_language(self) -> None:
        response = self.client.get("/api/v1/me/credentials", headers=SPANISH)
        self.assertEqual(response.status_code, 401)
        self.assertIn("Send a personal API token", response.json()["detail"])
        docs = self.client.get(reverse("api:docs"), headers=SPANISH)
        self.assertContains(docs, '<html lang="en">')
