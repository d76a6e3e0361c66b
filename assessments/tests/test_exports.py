import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from assessments import actions
from assessments.exports.pdf_style import role_chart
from assessments.models import Assessment, FocusArea, Rating
from assessments.report import build_team_report
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import answer_all, seat, start


class ExportTests(TrellisTestCase):
    def setUp(self) -> None:
        # A teacher whose name needs more than Latin-1, as many Vietnamese names do.
        self.huong = make_person(
            "huong@clarendon.example", "Hương", "Nguyễn", Role.TEACHER, self.walker_gamble
        )
        self.earlier = start(
            self.walker_gamble, self.rubric, self.paula, [(self.bob, Role.TEACHER)]
        )
        answer_all(seat(self.earlier, self.bob), Rating.MEETS)
        actions.set_assessment_status(self.earlier, Assessment.Status.CLOSED)
        self.assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [
                (self.huong, Role.TEACHER),
                (self.alice, Role.TEACHER),
                (self.paula, Role.ADMINISTRATOR),
            ],
        )
        Assessment.objects.filter(pk=self.assessment.pk).update(
            created_at=timezone.now() + datetime.timedelta(days=1)
        )
        # Area 4 splits the team: the teachers say "not yet meeting", the principal "exceeds".
        answer_all(seat(self.assessment, self.huong), {4: Rating.BELOW}, evidence="=1+2")
        answer_all(
            seat(self.assessment, self.alice), {4: Rating.BELOW}, evidence="-5 points, sadly"
        )
        answer_all(
            seat(self.assessment, self.paula), {4: Rating.EXCEEDS}, evidence="@everyone plans"
        )
        self.area4 = FocusArea.objects.get(instrument=self.rubric, number=4)
        actions.record_agreement(
            self.assessment, self.area4, Rating.BELOW, "Time is the bottleneck.", self.paula
        )
        actions.add_next_step(
            self.assessment,
            self.area4,
            "Run a time audit",
            self.huong,
            datetime.date(2027, 1, 15),
        )
        self.client.force_login(self.paula)

    def csv_rows(self) -> tuple[bytes, list[dict[str, str]]]:
        response = self.client.get(reverse("assessments:report-csv", args=[self.assessment.pk]))
        return response.content, list(
            csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
        )

    def pdf_text(self) -> tuple[PdfReader, str]:
        response = self.client.get(reverse("assessments:report-pdf", args=[self.assessment.pk]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = PdfReader(io.BytesIO(response.content))
        # Lines wrap where the page ends them: compare the words, one space apart.
        return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(self) -> None:
        content, rows = self.csv_rows()
        self.assertTrue(content.startswith(b"\xef\xbb\xbf"))
        self.assertIn("Hương Nguyễn", {row["member"] for row in rows})
        self.assertIn("area_number", rows[0])

    def test_the_csv_never_lets_a_cell_start_a_formula(self) -> None:
        _content, rows = self.csv_rows()
        evidence = {
            row["member"]: row["evidence_of_success"] for row in rows if row["area_number"] == "4"
        }
        self.assertEqual(evidence["Hương Nguyễn"], "'=1+2")
        self.assertEqual(evidence["Alice Avery"], "'-5 points, sadly")
        self.assertEqual(evidence["Paula Price"], "'@everyone plans")
        # Figures stay numbers: a negative change is not text that could run.
        change = next(row["change_since_previous"] for row in rows if row["area_number"] == "4")
        self.assertEqual(float(change), -0.33)

    def test_the_csv_carries_the_discussion_outcome_and_the_change(self) -> None:
        _content, rows = self.csv_rows()
        area4 = [row for row in rows if row["area_number"] == "4"]
        self.assertEqual(len(area4), 3)
        first = area4[0]
        self.assertEqual(first["agreed_rating"], "1")
        self.assertEqual(first["agreed_rating_label"], "Not yet meeting")
        self.assertEqual(first["agreed_position"], "Time is the bottleneck.")
        self.assertEqual(first["team_next_steps"], "Run a time audit — Hương Nguyễn, by 2027-01-15")
        self.assertEqual(first["previous_assessment"], "Spring review")
        self.assertEqual(first["previous_mean"], "2.0")
        other = next(row for row in rows if row["area_number"] == "1")
        self.assertEqual((other["agreed_position"], other["team_next_steps"]), ("", ""))

    def test_the_pdf_has_every_section_of_the_report(self) -> None:
        _reader, text = self.pdf_text()
        for heading in (
            "The whole picture",
            "Mean rating by focus area and role",
            "Ratings per focus area",
            "Where perceptions differ most",
            "Ratings by role",
            "Evidence of success",
            "Opportunities for growth",
            "What the instrument recommends, by role",
            "Micro-credential:",
            "The team’s discussion",
            "The team’s next steps",
        ):
            self.assertIn(heading, text)
        self.assertIn("Changes are shown against “Spring review”", text)
        self.assertIn("Paula Price: Exceeds", text)
        self.assertIn("Alice Avery: Not yet meeting", text)
        self.assertIn("Team agreed: Time is the bottleneck.", text)
        self.assertIn("Agreed rating: Not yet meeting", text)
        self.assertIn("Run a time audit", text)
        self.assertIn("Jan. 15, 2027", text)
        self.assertIn("previously 2.0 · change -0.33", text)

    def test_the_pdf_table_of_areas_by_role_gives_each_role_s_mean(self) -> None:
        _reader, text = self.pdf_text()
        table = text.split("Mean rating by focus area and role", 1)[1].split(
            "Ratings per focus area"
        )[0]
        self.assertRegex(table, r"Focus area\s+Teachers\s+Administrators\s+Whole team")
        # Area 4 first: teachers 1.0 from two ratings, the principal 3.0, the team 1.67.
        self.assertRegex(
            table,
            r"4\. Enabling work structures: time\s+1\.0\s+2 ratings\s+3\.0\s+1 rating"
            r"\s+1\.67\s+3 ratings",
        )

    def test_the_pdf_prints_names_beyond_latin1_in_an_embedded_font(self) -> None:
        reader, text = self.pdf_text()
        self.assertIn("Hương Nguyễn", text)
        fonts = {
            font.get_object()["/BaseFont"]: font.get_object()
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        self.assertTrue(fonts)
        for name, font in fonts.items():
            self.assertIn("DejaVuSans", name)
            descriptor = font["/FontDescriptor"] if "/FontDescriptor" in font else None
            if descriptor is not None:
                self.assertIn("/FontFile2", descriptor)  # the TrueType glyphs are in the file

    def test_the_pdf_chart_wraps_long_area_names_instead_of_cutting_them(self) -> None:
        report = build_team_report(self.assessment)
        names = role_chart(report, {"teacher": "Teachers"}, {1: "Not yet meeting"}).contents[0]
        labels = names.categoryAxis.categoryNames
        central = next(label for label in labels if label.startswith("11."))
        self.assertIn("\n", central)
        self.assertEqual(
            central.replace("\n", " "), "11. Central office capacity for teacher leadership"
        )
        self.assertTrue(all(len(line) <= 30 for label in labels for line in label.split("\n")))

    def test_the_pdf_says_when_one_member_s_answers_stand_alone(self) -> None:
        lone = start(self.st_paul, self.rubric, self.paula, [(self.alice, Role.TEACHER)])
        answer_all(seat(lone, self.alice), {1: Rating.EXCEEDS, 9: Rating.BELOW})
        self.client.force_login(self.alice)
        response = self.client.get(reverse("assessments:report-pdf", args=[lone.pk]))
        pages = PdfReader(io.BytesIO(response.content)).pages
        text = " ".join(" ".join(page.extract_text() for page in pages).split())
        self.assertIn("Only one member has submitted", text)
        self.assertIn("Strengths in the one submitted member’s view", text)
        self.assertNotIn("Shared strength", text)
