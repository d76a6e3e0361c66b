from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Rating
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import TrellisTestCase, make_person

from .helpers import answer_all, seat, start


class DistrictOverviewTests(TrellisTestCase):
    def _assess(self, school: Organisation, ratings: dict[int, int]) -> None:
        teacher = make_person(
            f"t-{school.pk}@clarendon.example", "T", school.name, Role.TEACHER, school
        )
        assessment = start(school, self.rubric, self.dana, [(teacher, Role.TEACHER)])
        answer_all(seat(assessment, teacher), ratings)

    def _overview_queries(self) -> tuple[int, str]:
        self.client.force_login(self.dana)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse("assessments:overview", args=[self.clarendon.pk]))
        self.assertEqual(response.status_code, 200)
        return len(queries), response.content.decode()

    def test_it_lists_every_school_and_the_weakest_areas_first(self) -> None:
        self._assess(self.walker_gamble, {10: Rating.BELOW})
        count, html = self._overview_queries()
        self.assertIn("Walker-Gamble Elementary", html)
        self.assertIn("St. Paul Middle", html)
        weakest = html.index("Weakest areas")
        self.assertIn("10. ", html[weakest : weakest + 1500])

    def test_it_runs_the_same_number_of_queries_for_two_or_forty_schools(self) -> None:
        self._assess(self.walker_gamble, {1: Rating.BELOW})
        small, _html = self._overview_queries()
        for n in range(38):
            school = create_organisation(f"School {n}", Organisation.Kind.SCHOOL, self.clarendon)
            self._assess(school, {2: Rating.BELOW})
        large, html = self._overview_queries()
        self.assertIn("School 37", html)
        self.assertEqual(small, large)

    def test_a_new_submission_shows_at_once_and_unchanged_schools_are_not_summed_again(
        self,
    ) -> None:
        assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [(self.alice, Role.TEACHER), (self.bob, Role.TEACHER)],
        )
        answer_all(seat(assessment, self.alice), {3: Rating.BELOW})
        cold, html = self._overview_queries()
        self.assertIn('<td class="heat heat-1">1.0</td>', html)
        warm, html = self._overview_queries()
        self.assertEqual(warm, cold - 1)
        answer_all(seat(assessment, self.bob), {3: Rating.EXCEEDS})
        after, html = self._overview_queries()
        self.assertEqual(after, cold)
        # Bob's "exceeds" lifts area 3 from 1.0 to 2.0: no cell is shaded as weakest any more.
        self.assertNotIn("heat-1", html)

    def test_an_outsider_and_a_teacher_cannot_open_it(self) -> None:
        url = reverse("assessments:overview", args=[self.clarendon.pk])
        for person in (self.olivia, self.alice):
            self.client.force_login(person)
            self.assertEqual(self.client.get(url).status_code, 404)
