"""What leaders do around an assessment: move its stages on, discuss it, copy instruments."""

from django.urls import reverse

from assessments.models import Assessment, Rating
from organisations.models import Role
from tests.base import TrellisTestCase

from .helpers import answer_all, seat, start


class StageChangeTests(TrellisTestCase):
    def setUp(self) -> None:
        self.assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [
                (self.alice, Role.TEACHER),
                (self.bob, Role.TEACHER),
                (self.paula, Role.ADMINISTRATOR),
            ],
        )
        answer_all(seat(self.assessment, self.paula), Rating.MEETS)
        self.url = reverse("assessments:status", args=[self.assessment.pk])
        self.client.force_login(self.paula)

    def status(self) -> str:
        self.assessment.refresh_from_db()
        return self.assessment.status

    def test_the_assessment_page_asks_before_moving_on_instead_of_acting(self) -> None:
        page = self.client.get(reverse("assessments:detail", args=[self.assessment.pk]))
        self.assertContains(page, f'href="{self.url}?to=discussing"')
        self.assertContains(page, f'href="{self.url}?to=closed"')
        self.assertNotContains(page, 'name="status"')

    def test_stopping_collection_names_who_has_not_submitted_and_needs_the_box_ticked(
        self,
    ) -> None:
        page = self.client.get(self.url, {"to": "discussing"})
        self.assertContains(page, "2 of 3 members have not submitted")
        self.assertContains(page, "Alice Avery")
        self.assertContains(page, "Bob Brooks")
        self.assertContains(page, 'name="confirm" value="yes" required')

        refused = self.client.post(self.url, {"status": "discussing"})
        self.assertContains(refused, "Tick the box to confirm", status_code=400)
        self.assertEqual(self.status(), Assessment.Status.COLLECTING)

        self.client.post(self.url, {"status": "discussing", "confirm": "yes"})
        self.assertEqual(self.status(), Assessment.Status.DISCUSSING)

    def test_closing_is_confirmed_even_when_everyone_has_submitted(self) -> None:
        for person in (self.alice, self.bob):
            answer_all(seat(self.assessment, person), Rating.MEETS)
        page = self.client.get(self.url, {"to": "closed"})
        self.assertContains(page, "All 3 members have submitted.")
        self.assertContains(page, "Closing is final")
        self.client.post(self.url, {"status": "closed"})
        self.assertEqual(self.status(), Assessment.Status.COLLECTING)
        self.client.post(self.url, {"status": "closed", "confirm": "yes"})
        self.assertEqual(self.status(), Assessment.Status.CLOSED)

    def test_a_closed_assessment_offers_no_further_stage(self) -> None:
        self.client.post(self.url, {"status": "closed", "confirm": "yes"})
        response = self.client.get(self.url, {"to": "discussing"}, follow=True)
        self.assertRedirects(response, reverse("assessments:detail", args=[self.assessment.pk]))

    def test_team_members_who_do_not_lead_cannot_change_the_stage(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url, {"to": "closed"}).status_code, 404)
        self.client.post(self.url, {"status": "closed", "confirm": "yes"})
        self.assertEqual(self.status(), Assessment.Status.COLLECTING)
