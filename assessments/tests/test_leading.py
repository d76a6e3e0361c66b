"""What leaders do around an assessment: move its stages on, discuss it, copy instruments."""

from django.urls import reverse

from assessments.models import Assessment, FocusArea, NextStep, Rating
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


class DiscussionFormTests(TrellisTestCase):
    def setUp(self) -> None:
        self.assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)],
        )
        answer_all(seat(self.assessment, self.paula), Rating.MEETS)
        self.area = FocusArea.objects.get(instrument=self.rubric, number=1)
        self.url = reverse("assessments:next-step", args=[self.assessment.pk, self.area.pk])
        self.client.force_login(self.paula)

    def messages_after(self, data: dict) -> list[str]:
        response = self.client.post(self.url, data, follow=True)
        return [str(m) for m in response.context["messages"]]

    def test_a_bad_owner_or_date_names_the_field_and_the_fix(self) -> None:
        said = self.messages_after(
            {"description": "Draft a proposal", "owner": str(self.bob.pk), "due_on": "soon"}
        )
        self.assertEqual(
            said,
            [
                "“Who” must be someone on the team; choose a name from the list, or “Anyone”. "
                "“By when” must be a date, such as 2026-05-01; pick one from the calendar "
                "or leave it empty."
            ],
        )
        self.assertFalse(NextStep.objects.exists())

    def test_a_missing_description_says_what_to_write(self) -> None:
        said = self.messages_after({"description": "", "owner": "", "due_on": ""})
        self.assertEqual(said, ["Describe the next step: who does what by when."])


class InstrumentCopyTests(TrellisTestCase):
    def test_only_leaders_are_offered_a_copy_of_an_instrument(self) -> None:
        url = reverse("assessments:instrument", args=[self.rubric.pk])
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get(url), "Copy and adapt for my organisation")
        self.client.force_login(self.paula)
        self.assertContains(self.client.get(url), "Copy and adapt for my organisation")
