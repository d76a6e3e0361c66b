"""The answer page: saving as people type, saving when they leave, and saying what went wrong."""

from django.urls import reverse

from assessments import actions
from assessments.models import Assessment, Criterion, Rating, Response
from organisations.models import Role
from tests.base import TrellisTestCase

from .helpers import answer_all, seat, start


class AnswerPageTests(TrellisTestCase):
    def setUp(self) -> None:
        self.assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)],
        )
        self.alice_seat = seat(self.assessment, self.alice)
        self.t1 = Criterion.objects.get(area__instrument=self.rubric, code="T1")
        self.url = reverse("assessments:save-answer", args=[self.assessment.pk, self.t1.pk])
        self.prefix = f"c{self.t1.pk}-"
        self.client.force_login(self.alice)

    def answer(self, rating="", evidence="", growth="", **extra):
        data = {
            self.prefix + "rating": rating,
            self.prefix + "evidence": evidence,
            self.prefix + "growth": growth,
        }
        return self.client.post(self.url, data | extra.pop("data", {}), **extra)

    def test_the_flush_on_leaving_saves_quietly_with_its_csrf_token_in_the_body(self) -> None:
        # The page sends what is unsaved as it closes, as a beacon can: a form body with the
        # CSRF token and no headers. It must save, and leave no message for the next page.
        client = self.client_class(enforce_csrf_checks=True)
        client.force_login(self.alice)
        without_token = client.post(
            self.url, {self.prefix + "evidence": "Typed, then left", "autosave": "1"}
        )
        self.assertEqual(without_token.status_code, 403)
        self.assertFalse(Response.objects.exists())

        token = client.get(reverse("assessments:answer", args=[self.assessment.pk])).context[
            "csrf_token"
        ]
        response = client.post(
            self.url,
            {
                "csrfmiddlewaretoken": str(token),
                self.prefix + "rating": "",
                self.prefix + "evidence": "Typed, then left",
                self.prefix + "growth": "",
                "autosave": "1",
            },
        )
        self.assertContains(response, "Saved at")
        self.assertEqual(Response.objects.get(member=self.alice_seat).evidence, "Typed, then left")
        next_page = client.get(reverse("assessments:answer", args=[self.assessment.pk]))
        self.assertNotContains(next_page, "Saved your answer to")

    def test_a_text_over_the_limit_names_itself_and_the_rating_still_saves(self) -> None:
        actions.save_answer(self.alice_seat, self.t1, None, "Earlier evidence", "")
        response = self.answer(
            "2", evidence="Planning days", growth="x" * 6000, headers={"HX-Request": "true"}
        )
        self.assertContains(
            response,
            "Opportunities for growth can be at most 5000 characters; this text has 6000.",
            status_code=400,
        )
        self.assertContains(response, "Everything else in this answer is saved.", status_code=400)
        saved = Response.objects.get(member=self.alice_seat)
        self.assertEqual(
            (saved.rating, saved.evidence, saved.growth), (Rating.MEETS, "Planning days", "")
        )

    def test_line_breaks_count_once_toward_the_limit(self) -> None:
        # Browsers count a line break as one character for maxlength but post it as two.
        text = ("a" * 99 + "\r\n") * 50  # 5,000 characters in the box, 5,050 posted
        response = self.answer("2", evidence=text)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(Response.objects.get(member=self.alice_seat).evidence), 4999)

    def test_the_page_caps_each_text_at_the_servers_limit(self) -> None:
        page = self.client.get(reverse("assessments:answer", args=[self.assessment.pk]))
        self.assertContains(page, 'maxlength="5000"', count=24)
        self.assertContains(page, "data-autosave", count=12)

    def test_each_refusal_says_why_next_to_the_field(self) -> None:
        answer_all(self.alice_seat, Rating.MEETS)
        response = self.answer("1", headers={"HX-Request": "true"})
        self.assertContains(response, "You have already submitted your answers", status_code=400)
        self.assertContains(response, 'role="alert"', status_code=400)

        actions.set_assessment_status(self.assessment, Assessment.Status.DISCUSSING)
        self.client.force_login(self.paula)
        a1 = Criterion.objects.get(area__instrument=self.rubric, code="A1")
        response = self.client.post(
            reverse("assessments:save-answer", args=[self.assessment.pk, a1.pk]),
            {f"c{a1.pk}-rating": "2"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "no longer collecting answers", status_code=400)

    def test_it_shows_progress_and_updates_it_with_each_save(self) -> None:
        actions.save_answer(self.alice_seat, self.t1, Rating.MEETS, "", "")
        page = self.client.get(reverse("assessments:answer", args=[self.assessment.pk]))
        self.assertContains(page, "1 of 12 criteria answered", count=2)

        t2 = Criterion.objects.get(area__instrument=self.rubric, code="T2")
        response = self.client.post(
            reverse("assessments:save-answer", args=[self.assessment.pk, t2.pk]),
            {f"c{t2.pk}-rating": "3"},
            headers={"HX-Request": "true"},
        )
        self.assertContains(response, "2 of 12 criteria answered")
        self.assertContains(response, 'hx-swap-oob="outerHTML:.answer-progress"')
