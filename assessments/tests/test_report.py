import csv
import io
import json
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments import actions
from assessments.models import Assessment, FocusArea, Rating
from assessments.report import build_team_report
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import answer_all, seat, start


class TeamReportTests(TrellisTestCase):
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
        # Area 4 splits the team; area 1 is a shared strength; area 9 a shared growth area.
        answer_all(
            seat(self.assessment, self.alice),
            {4: Rating.BELOW, 1: Rating.EXCEEDS, 9: Rating.BELOW, 7: Rating.MEETS},
        )
        answer_all(
            seat(self.assessment, self.bob),
            {4: Rating.BELOW, 1: Rating.EXCEEDS, 9: Rating.BELOW, 7: Rating.BELOW},
            evidence="Bob saw it",
        )
        answer_all(
            seat(self.assessment, self.paula),
            {4: Rating.EXCEEDS, 1: Rating.EXCEEDS, 9: Rating.BELOW, 7: Rating.EXCEEDS},
        )

    def test_it_puts_the_widest_differences_in_perception_first(self) -> None:
        report = build_team_report(self.assessment)
        ordered = [a.area.number for a in report.ordered]
        self.assertEqual(ordered[:2], [4, 7])
        area4 = report.ordered[0]
        self.assertEqual(area4.category, "differ")
        self.assertAlmostEqual(area4.divergence, 0.94, places=2)
        self.assertEqual(
            area4.role_means, {Role.TEACHER: 1.0, Role.ADMINISTRATOR: 3.0, Role.POLICYMAKER: None}
        )
        self.assertEqual(report.section("strength")[0].area.number, 1)
        self.assertEqual(report.section("growth")[0].area.number, 9)
        self.assertEqual(ordered[-1], 9)

    def test_the_page_shows_each_area_with_ratings_by_role_and_recommendations(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("assessments:report", args=[self.assessment.pk]))
        self.assertContains(page, "Where perceptions differ most")
        self.assertContains(page, "Shared growth areas")
        self.assertContains(page, "Bob saw it")
        self.assertContains(page, "/micro-credentials/by-slug/")
        self.assertContains(page, 'id="chart-data"')

    def test_the_chart_and_its_table_show_each_role_s_mean_per_area(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("assessments:report", args=[self.assessment.pk]))
        html = page.content.decode()
        chart = json.loads(
            re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html)[1]
        )
        self.assertTrue(chart["labels"][0].startswith("4. "))
        means = {s["role"]: s["data"][0] for s in chart["series"]}
        self.assertEqual(means, {Role.TEACHER: 1.0, Role.ADMINISTRATOR: 3.0})
        self.assertEqual(chart["series"][0]["notes"][0], "2 ratings")
        table = re.search(r'<table class="compact by-role">(.*?)</table>', html, re.S)[1]
        self.assertIn("Mean rating by focus area and role", table)
        headers = re.findall(r'<th scope="col">([^<]*)</th>', table)
        self.assertEqual(headers, ["Focus area", "Teachers", "Administrators", "Whole team"])
        first_row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", table, re.S)[1]
        self.assertIn("4. ", first_row)
        cells = re.findall(r"<strong>([^<]*)</strong><br><small>([^<]*)</small>", first_row)
        self.assertEqual(cells, [("1.0", "2 ratings"), ("3.0", "1 rating"), ("1.67", "3 ratings")])

    def test_it_does_not_call_one_member_s_answers_shared(self) -> None:
        lone = start(self.st_paul, self.rubric, self.paula, [(self.alice, Role.TEACHER)])
        answer_all(seat(lone, self.alice), {1: Rating.EXCEEDS, 9: Rating.BELOW})
        self.client.force_login(self.alice)
        page = self.client.get(reverse("assessments:report", args=[lone.pk]))
        self.assertContains(page, "Only one member has submitted")
        self.assertContains(page, "Strengths in the one submitted member’s view")
        self.assertContains(page, "Growth areas in the one submitted member’s view")
        self.assertContains(page, "one person’s rating")
        self.assertNotContains(page, "Shared strengths")
        self.assertNotContains(page, "shared strength<")

    def test_it_names_the_instrument_s_recommendations_apart_from_the_team_s_steps(self) -> None:
        area = FocusArea.objects.get(instrument=self.rubric, number=4)
        self.client.force_login(self.paula)
        self.client.post(
            reverse("assessments:next-step", args=[self.assessment.pk, area.pk]),
            {"description": "Run a time audit", "owner": str(self.alice.pk), "due_on": ""},
        )
        page = self.client.get(reverse("assessments:report", args=[self.assessment.pk]))
        self.assertContains(page, "What the instrument recommends, by role")
        self.assertContains(page, "The team’s next steps")
        self.assertNotContains(page, "Recommended next steps by role")

    def test_the_report_runs_the_same_number_of_queries_for_a_team_of_five_or_sixty(self) -> None:
        def count_for(size: int) -> int:
            school = self.st_paul if size == 5 else self.walker_gamble
            team = [
                (
                    make_person(
                        f"t{size}-{i}@clarendon.example", "T", str(i), Role.TEACHER, school
                    ),
                    Role.TEACHER,
                )
                for i in range(size)
            ]
            assessment = start(school, self.rubric, self.paula, team)
            for person, _role in team:
                answer_all(seat(assessment, person), Rating.MEETS, evidence="note")
            # A leader outside the team reads the report once the team is discussing.
            Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.DISCUSSING)
            self.client.force_login(self.dana)
            url = reverse("assessments:report", args=[assessment.pk])
            cache.clear()  # count with nothing cached, then again with the instrument cached
            counts = []
            for _request in range(2):
                with CaptureQueriesContext(connection) as queries:
                    response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                counts.append(len(queries))
            return counts

        small, large = count_for(5), count_for(60)
        self.assertEqual(small, large)
        # Warm, the instrument's areas, criteria and recommendations and the submitted answers
        # come from the cache.
        self.assertEqual(small[1], small[0] - 4)

    def test_it_exports_every_answer_as_csv(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.get(reverse("assessments:report-csv", args=[self.assessment.pk]))
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(len(rows), 36)
        self.assertEqual(rows[0]["area_number"], "4")
        self.assertEqual({r["role"] for r in rows}, {"teacher", "administrator"})
        self.assertIn("attachment", response["Content-Disposition"])

    def test_it_exports_a_pdf(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.get(reverse("assessments:report-pdf", args=[self.assessment.pk]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertGreater(len(response.content), 2000)

    def test_the_team_records_positions_and_next_steps_then_closes(self) -> None:
        area = FocusArea.objects.get(instrument=self.rubric, number=4)
        self.client.force_login(self.paula)
        self.client.post(
            reverse("assessments:agreement", args=[self.assessment.pk, area.pk]),
            {"rating": "1", "position": "Time is the bottleneck."},
        )
        self.client.post(
            reverse("assessments:next-step", args=[self.assessment.pk, area.pk]),
            {
                "description": "Run a time audit",
                "owner": str(self.alice.pk),
                "due_on": "2027-01-15",
            },
        )
        report = build_team_report(self.assessment)
        area4 = next(a for a in report.areas if a.area.number == 4)
        self.assertEqual(area4.agreement.position, "Time is the bottleneck.")
        self.assertEqual(area4.next_steps[0].owner, self.alice)
        self.client.post(
            reverse("assessments:status", args=[self.assessment.pk]),
            {"status": "closed", "confirm": "yes"},
        )
        self.assessment.refresh_from_db()
        self.assertEqual(self.assessment.status, Assessment.Status.CLOSED)
        response = self.client.post(
            reverse("assessments:agreement", args=[self.assessment.pk, area.pk]),
            {"rating": "3", "position": "Changed after closing"},
            follow=True,
        )
        self.assertContains(response, "closed, so its discussion notes are final")
        area4 = next(a for a in build_team_report(self.assessment).areas if a.area.number == 4)
        self.assertEqual(area4.agreement.position, "Time is the bottleneck.")

    def test_a_later_assessment_shows_change_since_the_last_one(self) -> None:
        actions.set_assessment_status(self.assessment, Assessment.Status.CLOSED)
        later = start(self.walker_gamble, self.rubric, self.paula, [(self.alice, Role.TEACHER)])
        Assessment.objects.filter(pk=later.pk).update(
            created_at=timezone.now() + timezone.timedelta(days=1)
        )
        later.refresh_from_db()
        answer_all(seat(later, self.alice), Rating.EXCEEDS)
        report = build_team_report(later)
        self.assertEqual(report.previous, self.assessment)
        area9 = next(a for a in report.areas if a.area.number == 9)
        self.assertEqual(area9.previous_mean, 1.0)
        self.assertEqual(area9.change, 2.0)
