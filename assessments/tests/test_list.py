"""The assessments list: each assessment's team and submissions, counted for everyone alike."""

from django.urls import reverse

from assessments.models import Rating
from organisations.models import Role
from tests.base import TrellisTestCase

from .helpers import answer_all, seat, start


class AssessmentListTests(TrellisTestCase):
    def test_a_teacher_sees_the_whole_teams_figures_not_only_their_own_seat(self) -> None:
        team = [
            (self.alice, Role.TEACHER),
            (self.bob, Role.TEACHER),
            (self.paula, Role.ADMINISTRATOR),
        ]
        assessment = start(self.walker_gamble, self.rubric, self.paula, team)
        answer_all(seat(assessment, self.bob), Rating.MEETS)
        for person in (self.alice, self.paula):
            self.client.force_login(person)
            rows = {a.pk: a for a in self.client.get(reverse("assessments:list")).context["page"]}
            self.assertEqual((rows[assessment.pk].team_size, rows[assessment.pk].submitted), (3, 1))

    def test_an_outsider_sees_none_of_them(self) -> None:
        start(self.walker_gamble, self.rubric, self.paula, [(self.alice, Role.TEACHER)])
        self.client.force_login(self.oscar)
        self.assertEqual(list(self.client.get(reverse("assessments:list")).context["page"]), [])
