"""The credentials pages read in Spanish around English content; the signed credential doesn't."""

import json

from django.core.cache import cache
from django.urls import reverse

from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer
from .sharing_support import earn


class SpanishCredentialsPagesTests(TrellisTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)
        self.award = earn(self.issuer, self.alice, self.rita)

    def test_the_catalogue_and_a_micro_credential_are_in_spanish_around_the_content(self) -> None:
        self.client.force_login(self.alice)
        self.spanish(
            reverse("credentials:catalogue"),
            "Microcredenciales",
            "Mi trabajo y mis insignias",
            "Buscar por título o competencia",
            "Cultivating a Shared Purpose",
        )
        page = self.spanish(
            reverse("credentials:micro-credential", args=[self.award.micro_credential_id]),
            "Qué enviar",
            "Guía de puntuación",
            "Obtenida",
            "Todavía no",
            "Ver su entrega obtenida",
        )
        # The micro-credential itself is content, written by its issuer: it stays as written.
        self.assertContains(page, "The educator brings colleagues together")
        self.assertContains(page, "Agenda shows co-creation.")

    def test_the_submission_history_reads_in_spanish(self) -> None:
        self.client.force_login(self.alice)
        self.spanish(
            reverse("credentials:submission", args=[self.award.submission_id]),
            "Usted obtuvo esta microcredencial.",
            "Comentarios de los revisores",
            "Enviada para revisión (ronda 1)",
            "Historial",
        )

    def test_the_public_credential_page_is_in_spanish_and_the_signed_file_is_unchanged(
        self,
    ) -> None:
        url = reverse("credentials:credential", args=[self.award.public_id])
        self.spanish(
            url,
            "Verificada ahora mismo: esta credencial es auténtica y válida.",
            "Una microcredencial obtenida por Alice Avery",
            "Emitida por",
            "Activa",
            "Firma",
            "Revocación",
            "Descargar la credencial (JSON)",
        )
        signed = self.client.get(url, {"format": "json"}, headers={"accept-language": "es"})
        self.assertEqual(json.loads(signed.content), self.award.signed_json)

    def test_the_verify_page_explains_each_check_in_spanish(self) -> None:
        self.spanish(reverse("credentials:verify"), "Verificar una insignia", "Pegue la credencial")
        self.spanish(
            reverse("credentials:verify"),
            "Esta credencial es válida.",
            "Cada comprobación",
            "La firma digital es auténtica",
            "El emisor no la ha revocado.",
            method="post",
            data={"credential": json.dumps(self.award.signed_json)},
        )

    def test_the_issuer_pages_are_in_spanish(self) -> None:
        self.client.force_login(self.dana)
        self.spanish(reverse("credentials:manage"), "Emisión", "Credenciales otorgadas")
        self.spanish(
            reverse("credentials:manage-awards", args=[self.issuer.slug]),
            "Fecha de otorgamiento",
            "Alice Avery",
            "Activa",
        )
