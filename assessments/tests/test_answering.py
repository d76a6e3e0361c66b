from django.urls import reverse

from assessments import actions
from assessments.models import Assessment, Criterion, Rating, Response
from lib.errors import ActionError
from organisations.models import Role
from tests.base import TrellisTestCase

from .helpers import answer_all, seat, start


class AnsweringTests(TrellisTestCase):
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
        self.alice_seat = seat(self.assessment, self.alice)
        self.t1 = Criterion.objects.get(area__instrument=self.rubric, code="T1")
        self.a1 = Criterion.objects.get(area__instrument=self.rubric, code="A1")

    def test_the_rubric_has_twelve_areas_with_one_criterion_per_role(self) -> None:
        codes = set(
            Criterion.objects.filter(area__instrument=self.rubric).values_list("code", flat=True)
        )
        expected = {f"{letter}{n}" for letter in "TAP" for n in range(1, 13)}
        self.assertEqual(codes, expected)
        self.assertEqual(self.rubric.groups.count(), 3)
        self.assertEqual(self.seven_conditions.areas.count(), 7)

    def test_it_saves_an_answer_as_you_go(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("assessments:save-answer", args=[self.assessment.pk, self.t1.pk])
        prefix = f"c{self.t1.pk}-"
        response = self.client.post(
            url,
            {
                prefix + "rating": "3",
                prefix + "evidence": "We co-wrote the vision.",
                prefix + "growth": "",
            },
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "Saved at")
        saved = Response.objects.get(member=self.alice_seat, criterion=self.t1)
        self.assertEqual(
            (saved.rating, saved.evidence), (Rating.EXCEEDS, "We co-wrote the vision.")
        )

    def test_it_refuses_a_rating_outside_the_scale_and_keeps_the_saved_answer(self) -> None:
        actions.save_answer(self.alice_seat, self.t1, Rating.MEETS, "Kept evidence", "")
        self.client.force_login(self.alice)
        prefix = f"c{self.t1.pk}-"
        response = self.client.post(
            reverse("assessments:save-answer", args=[self.assessment.pk, self.t1.pk]),
            {prefix + "rating": "7", prefix + "evidence": "Overwritten?", prefix + "growth": ""},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Choose one of the ratings offered", status_code=400)
        saved = Response.objects.get(member=self.alice_seat, criterion=self.t1)
        self.assertEqual((saved.rating, saved.evidence), (Rating.MEETS, "Kept evidence"))

    def test_it_refuses_a_criterion_of_another_role(self) -> None:
        with self.assertRaisesMessage(ActionError, "A1 is for another role"):
            actions.save_answer(self.alice_seat, self.a1, Rating.MEETS, "", "")
        self.assertFalse(Response.objects.exists())

    def test_it_refuses_a_criterion_of_another_instrument_version(self) -> None:
        other = Criterion.objects.get(area__instrument=self.seven_conditions, code="T1")
        with self.assertRaisesMessage(ActionError, "another instrument or version"):
            actions.save_answer(self.alice_seat, other, Rating.MEETS, "", "")

    def test_it_refuses_answers_once_the_assessment_moved_on(self) -> None:
        actions.save_answer(self.alice_seat, self.t1, Rating.BELOW, "first", "")
        actions.set_assessment_status(self.assessment, Assessment.Status.CLOSED)
        self.alice_seat.assessment.refresh_from_db()
        with self.assertRaisesMessage(ActionError, "no longer collecting answers"):
            actions.save_answer(self.alice_seat, self.t1, Rating.EXCEEDS, "changed", "")
        self.assertEqual(Response.objects.get().evidence, "first")

    def test_it_warns_before_submitting_with_unanswered_criteria(self) -> None:
        actions.save_answer(self.alice_seat, self.t1, Rating.MEETS, "", "")
        self.client.force_login(self.alice)
        url = reverse("assessments:submit", args=[self.assessment.pk])
        page = self.client.get(url)
        self.assertContains(page, "11 criteria have no rating yet")
        self.client.post(url, {})
        self.alice_seat.refresh_from_db()
        self.assertIsNone(self.alice_seat.submitted_at)
        self.client.post(url, {"confirm_incomplete": "yes"})
        self.alice_seat.refresh_from_db()
        self.assertIsNotNone(self.alice_seat.submitted_at)

    def test_it_hides_answers_until_the_member_submits(self) -> None:
        answer_all(seat(self.assessment, self.bob), Rating.BELOW, evidence="Bob's private note")
        self.client.force_login(self.alice)
        report_url = reverse("assessments:report", args=[self.assessment.pk])
        locked = self.client.get(report_url)
        self.assertEqual(locked.status_code, 403)
        self.assertNotContains(locked, "Bob's private note", status_code=403)
        self.assertEqual(
            self.client.get(
                reverse("assessments:report-csv", args=[self.assessment.pk])
            ).status_code,
            404,
        )
        answer_all(self.alice_seat, Rating.MEETS)
        self.assertContains(self.client.get(report_url), "Bob&#x27;s private note")

    def test_submitted_answers_cannot_be_changed(self) -> None:
        answer_all(self.alice_seat, Rating.MEETS)
        self.alice_seat.refresh_from_db()
        with self.assertRaisesMessage(ActionError, "already submitted"):
            actions.save_answer(self.alice_seat, self.t1, Rating.BELOW, "", "")

    def test_a_started_assessment_keeps_its_instrument_version(self) -> None:
        copy = actions.copy_instrument(self.rubric, self.walker_gamble, "Our rubric")
        started = start(self.walker_gamble, copy, self.paula, [(self.alice, Role.TEACHER)])
        t1 = Criterion.objects.get(area__instrument=copy, code="T1")
        newer = actions.edit_criterion(copy, t1, "Teachers and leaders co-write our vision.")
        self.assertNotEqual(newer.pk, copy.pk)
        self.assertEqual(newer.version, copy.version + 1)
        started.refresh_from_db()
        self.assertEqual(started.instrument_id, copy.pk)
        self.assertEqual(Criterion.objects.get(area__instrument=copy, code="T1").text, t1.text)
        self.assertEqual(
            Criterion.objects.get(area__instrument=newer, code="T1").text,
            "Teachers and leaders co-write our vision.",
        )

    def test_a_leader_outside_the_team_reads_answers_only_once_the_team_discusses(self) -> None:
        answer_all(seat(self.assessment, self.bob), Rating.MEETS, evidence="Bob wrote this note")
        report = reverse("assessments:report", args=[self.assessment.pk])
        self.client.force_login(self.dana)
        locked = self.client.get(report)
        self.assertNotContains(locked, "Bob wrote this note", status_code=403)
        self.assertContains(locked, "The team is still answering", status_code=403)
        # She may still see how far the team has got.
        detail = self.client.get(reverse("assessments:detail", args=[self.assessment.pk]))
        self.assertEqual(detail.status_code, 200)
        Assessment.objects.filter(pk=self.assessment.pk).update(status=Assessment.Status.DISCUSSING)
        self.assertContains(self.client.get(report), "Bob wrote this note")
