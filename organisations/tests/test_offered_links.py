"""Apps above organisations offer their links on an organisation's page through AppConfig hooks."""

from django.urls import reverse

from tests.base import TrellisTestCase


class OfferedLinkTests(TrellisTestCase):
    def test_a_leader_is_offered_the_assessment_start_for_that_organisation(self) -> None:
        self.client.force_login(self.paula)
        page = self.client.get(reverse("organisations:detail", args=[self.walker_gamble.pk]))
        start = f"{reverse('assessments:start')}?organisation={self.walker_gamble.pk}"
        self.assertContains(page, f'href="{start}"')
        self.assertContains(page, "Start an assessment")

    def test_a_teacher_is_not_offered_it(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("organisations:detail", args=[self.walker_gamble.pk]))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, reverse("assessments:start"))

    def test_the_link_reads_in_spanish(self) -> None:
        self.client.force_login(self.paula)
        self.spanish(
            reverse("organisations:detail", args=[self.walker_gamble.pk]), "Iniciar una evaluación"
        )
