"""Export a team report as CSV (one row per answer) and as a printable PDF."""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import Rating
from .report import TeamReport

RATING_COLOURS = {
    Rating.DONT_KNOW: colors.HexColor("#9aa0a6"),
    Rating.BELOW: colors.HexColor("#b4432f"),
    Rating.MEETS: colors.HexColor("#3f7d4f"),
    Rating.EXCEEDS: colors.HexColor("#1f5fa8"),
}

# The PDF names each area's category in the reader's language; the CSV keeps the stable codes.
CATEGORY_LABELS = {
    "differ": gettext_lazy("Perceptions differ"),
    "strength": gettext_lazy("Shared strength"),
    "growth": gettext_lazy("Shared growth area"),
    "unrated": gettext_lazy("Not rated"),
}


def report_csv(report: TeamReport) -> str:
    """Return every submitted answer with its area's mean and divergence, report order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "area_number",
            "area",
            "category",
            "area_mean",
            "divergence",
            "criterion",
            "member",
            "role",
            "rating",
            "rating_label",
            "evidence_of_success",
            "opportunities_for_growth",
            "agreed_position",
        ]
    )
    labels = dict(Rating.choices)
    for area in report.ordered:
        agreed = area.agreement.position if area.agreement else ""
        for role, answers in area.answers.items():
            for answer in answers:
                response = answer.response
                writer.writerow(
                    [
                        area.area.number,
                        area.area.title,
                        area.category,
                        area.mean,
                        area.divergence,
                        area.criteria[role].code,
                        answer.member.person.full_name,
                        role,
                        "" if answer.rating is None else answer.rating,
                        labels.get(answer.rating, ""),
                        response.evidence if response else "",
                        response.growth if response else "",
                        agreed,
                    ]
                )
    return buffer.getvalue()


def _chart(report: TeamReport) -> Drawing:
    ordered = report.ordered
    height = 40 + 18 * len(ordered)
    drawing = Drawing(17 * cm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 6 * cm, 20, 10.5 * cm, height - 30
    chart.data = [[a.counts[value] for a in reversed(ordered)] for value in Rating.values]
    chart.categoryAxis.categoryNames = [
        f"{a.area.number}. {a.area.title[:32]}" for a in reversed(ordered)
    ]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    for index, value in enumerate(Rating.values):
        chart.bars[index].fillColor = RATING_COLOURS[value]
    drawing.add(chart)
    return drawing


def report_pdf(report: TeamReport) -> bytes:
    """Return the report as a PDF: summary table, chart, and each area's notes."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    assessment = report.assessment
    story = [
        Paragraph(assessment.title, styles["Title"]),
        Paragraph(f"{assessment.organisation.name} · {assessment.instrument}", styles["Normal"]),
        Paragraph(
            _("%(s)s of %(n)s members submitted.")
            % {"s": report.submitted_count, "n": len(report.members)},
            styles["Normal"],
        ),
        Spacer(1, 12),
        _chart(report),
        Paragraph(
            _("Bars: don’t know (grey), not yet meeting (red), meets (green), exceeds (blue)."),
            styles["Italic"],
        ),
        Spacer(1, 12),
    ]
    rows = [[_("Area"), _("Category"), _("Mean"), _("Divergence")]]
    rows += [
        [
            Paragraph(f"{a.area.number}. {a.area.title}", styles["BodyText"]),
            str(CATEGORY_LABELS.get(a.category, a.category)),
            "" if a.mean is None else f"{a.mean:.2f}",
            f"{a.divergence:.2f}",
        ]
        for a in report.ordered
    ]
    table = Table(rows, colWidths=[9 * cm, 3 * cm, 2 * cm, 2.5 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b5f8a")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [table, Spacer(1, 12)]
    for area in report.ordered:
        story.append(Paragraph(f"{area.area.number}. {area.area.title}", styles["Heading3"]))
        for kind, title in (
            ("evidence", _("Evidence of success")),
            ("growth", _("Opportunities for growth")),
        ):
            notes = area.notes(kind)
            if notes:
                story.append(Paragraph(title, styles["Heading4"]))
                for member, text in notes:
                    story.append(
                        Paragraph(
                            f"<b>{_escape(member.person.full_name)}:</b> {_escape(text)}",
                            styles["BodyText"],
                        )
                    )
        if area.agreement and area.agreement.position:
            story.append(
                Paragraph(_("Team agreed: ") + _escape(area.agreement.position), styles["BodyText"])
            )
    SimpleDocTemplate(buffer, pagesize=A4, title=assessment.title).build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
