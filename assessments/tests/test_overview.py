from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, Criterion, Rating, Response, TeamMember
from assessments.views.overview import SCHOOLS_SHOWN
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

    def test_a_new_assessment_still_collecting_does_not_replace_the_last_discussed_results(
        self,
    ) -> None:
        teacher = make_person("t@wg.example", "T", "W", Role.TEACHER, self.walker_gamble)
        closed = start(self.walker_gamble, self.rubric, self.dana, [(teacher, Role.TEACHER)])
        answer_all(seat(closed, teacher), {3: Rating.BELOW})
        Assessment.objects.filter(pk=closed.pk).update(status=Assessment.Status.CLOSED)
        fresh = start(self.walker_gamble, self.rubric, self.dana, [(teacher, Role.TEACHER)])
        answer_all(seat(fresh, teacher), Rating.EXCEEDS)
        self.client.force_login(self.dana)
        page = self.client.get(reverse("assessments:overview", args=[self.clarendon.pk]))
        row = next(
            r for r in page.context["overview"].schools if r.name == "Walker-Gamble Elementary"
        )
        self.assertEqual((row.assessment.id, row.results_from.id), (fresh.pk, closed.pk))
        self.assertEqual(page.context["overview"].weakest[0].number, 3)
        self.assertContains(page, "results from the")

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


class StateOverviewTests(TrellisTestCase):
    """A state has thousands of schools: the overview stays as cheap as a district's."""

    SCHOOLS = 450  # more than the cache's default 300 entries, and more than one page

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.sam = make_person(
            "sam@sc.example", "Sam", "State", Role.POLICYMAKER, cls.south_carolina
        )
        district = create_organisation(
            "Big District", Organisation.Kind.DISTRICT, cls.south_carolina
        )
        Organisation.objects.bulk_create(
            Organisation(
                name=f"School {n:03d}",
                kind=Organisation.Kind.SCHOOL,
                parent=district,
                slug=f"state-school-{n}",
            )
            for n in range(cls.SCHOOLS)
        )
        schools = list(Organisation.objects.filter(parent=district))
        for school in schools:
            school.path = f"{district.path}{school.pk}/"
        Organisation.objects.bulk_update(schools, ["path"])
        assessments = Assessment.objects.bulk_create(
            Assessment(
                organisation=school,
                instrument=cls.rubric,
                title="Spring review",
                status=Assessment.Status.COLLECTING,
                started_by=cls.sam,
            )
            for school in schools
        )
        members = TeamMember.objects.bulk_create(
            TeamMember(
                assessment=assessment,
                person=cls.sam,
                role=Role.POLICYMAKER,
                submitted_at=timezone.now(),
            )
            for assessment in assessments
        )
        criteria = list(
            Criterion.objects.filter(area__instrument=cls.rubric, role=Role.POLICYMAKER)
        )
        Response.objects.bulk_create(
            Response(member=member, criterion=criterion, rating=Rating.MEETS)
            for member in members
            for criterion in criteria[:3]
        )

    def _warm_queries(self, person, organisation: Organisation, **query) -> tuple[int, object]:
        self.client.force_login(person)
        url = reverse("assessments:overview", args=[organisation.pk])
        self.client.get(url, query)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, query)
        self.assertEqual(response.status_code, 200)
        return len(queries), response

    def test_a_state_costs_the_same_queries_as_a_district_once_warm(self) -> None:
        district, _page = self._warm_queries(self.dana, self.clarendon)
        state, _page = self._warm_queries(self.sam, self.south_carolina)
        self.assertEqual(district, state)

    def test_a_state_shows_each_district_with_its_schools_and_weakest_area(self) -> None:
        walker = make_person("w@clarendon.example", "W", "G", Role.TEACHER, self.walker_gamble)
        assessment = start(self.walker_gamble, self.rubric, self.dana, [(walker, Role.TEACHER)])
        answer_all(seat(assessment, walker), {7: Rating.BELOW})
        _count, page = self._warm_queries(self.sam, self.south_carolina)
        rows = {d.name: d for d in page.context["overview"].districts}
        self.assertEqual(set(rows), {"Big District", "Clarendon County School District 3"})
        big, clarendon = rows["Big District"], rows["Clarendon County School District 3"]
        self.assertEqual((big.schools, big.assessed), (self.SCHOOLS, self.SCHOOLS))
        self.assertEqual((clarendon.schools, clarendon.assessed), (2, 1))
        self.assertEqual(clarendon.weakest.number, 7)
        self.assertContains(page, 'class="district-row"', count=2)
        # A district's own overview lists its schools, not districts.
        _count, district_page = self._warm_queries(self.dana, self.clarendon)
        self.assertEqual(district_page.context["overview"].districts, [])

    def test_a_state_lists_one_page_of_schools_and_counts_them_all(self) -> None:
        _count, first = self._warm_queries(self.sam, self.south_carolina)
        html = first.content.decode()
        self.assertEqual(html.count('<th scope="row">'), SCHOOLS_SHOWN)
        self.assertIn(f'<p class="stat">{self.SCHOOLS + 2}</p>', html)  # with Clarendon's two
        self.assertIn("School 000", html)
        self.assertNotIn("School 449", html)
        last_page = (self.SCHOOLS + 2 + SCHOOLS_SHOWN - 1) // SCHOOLS_SHOWN
        _count, last = self._warm_queries(
            self.sam, self.south_carolina, instrument="teacher-leadership-rubric", page=last_page
        )
        self.assertContains(last, "School 449")
        # The links to other pages keep the chosen instrument.
        self.assertContains(last, "?instrument=teacher-leadership-rubric&amp;page=")
