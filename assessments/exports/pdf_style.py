"""The PDF's fonts, paragraph styles and chart."""

import textwrap
from functools import cache
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..models import Rating
from ..report import TeamReport

# Vendored rather than read from the system: a server without fonts-dejavu-core (or a
# developer's Mac) must print the same names. The standard PDF fonts stop at Latin-1.
FONTS = Path(__file__).resolve().parent.parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"

RATING_COLOURS = {
    Rating.DONT_KNOW: colors.HexColor("#9aa0a6"),
    Rating.BELOW: colors.HexColor("#b4432f"),
    Rating.MEETS: colors.HexColor("#3f7d4f"),
    Rating.EXCEEDS: colors.HexColor("#1f5fa8"),
}
# The same hues as the page's chart (Okabe–Ito, readable with colour blindness).
ROLE_COLOURS = {
    "teacher": colors.HexColor("#0072b2"),
    "administrator": colors.HexColor("#e69f00"),
    "policymaker": colors.HexColor("#6a3d9a"),
}
# The page's heat-map shades for a mean rating, lowest first (see the heat filter).
HEAT = [(1.5, "#f6d5cd"), (2.0, "#fbecc8"), (2.5, "#dcefdc"), (99.0, "#c3e0f5")]


def heat_colour(mean: float | None) -> colors.Color:
    if mean is None:
        return colors.white
    return colors.HexColor(next(shade for limit, shade in HEAT if mean < limit))


@cache
def register_fonts() -> None:
    """Register DejaVu Sans with reportlab once, so <b> in a paragraph picks its bold face."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


def styles() -> StyleSheet1:
    """Return reportlab's sample styles, set in DejaVu Sans."""
    register_fonts()
    sheet = getSampleStyleSheet()
    for name in ("Title", "Heading1", "Heading2", "Heading3", "Heading4"):
        sheet[name].fontName = BOLD
        sheet[name].keepWithNext = 1
    for name in ("Normal", "BodyText", "Italic"):
        sheet[name].fontName = REGULAR
        sheet[name].bulletFontName = REGULAR
    sheet.add(ParagraphStyle("Small", parent=sheet["BodyText"], fontSize=8, leading=10))
    sheet.add(
        ParagraphStyle(
            "Head",
            parent=sheet["Small"],
            fontName=BOLD,
            fontSize=7,
            leading=9,
            textColor=colors.white,
        )
    )
    sheet.add(ParagraphStyle("Item", parent=sheet["BodyText"], leftIndent=12, bulletIndent=2))
    return sheet


def role_chart(report: TeamReport, roles: dict[str, str], scale: dict[int, str]) -> Drawing:
    """Return a bar chart of each role's mean rating per area, whole area names wrapped."""
    register_fonts()
    ordered = list(reversed(report.ordered))  # the chart draws its first category lowest
    names = ["\n".join(textwrap.wrap(f"{a.area.number}. {a.area.title}", 30)) for a in ordered]
    lines = max((name.count("\n") + 1 for name in names), default=1)
    per_area = max(9 * lines + 6, 9 * len(roles) + 8)
    plot_height = per_area * max(len(ordered), 1)
    drawing = Drawing(17 * cm, plot_height + 60)
    drawing.initialFontName = REGULAR  # else the drawing leaves Helvetica set on every page
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 5.2 * cm, 30, 11.3 * cm, plot_height
    # The chart draws each group's first series lowest: reversed, the first role sits on top.
    drawn = list(reversed(roles))
    chart.data = [[a.by_role[role].mean for a in ordered] for role in drawn] or [[0] * len(ordered)]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.leading = 8
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 3, 1
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda value: scale.get(round(value), "")
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.barSpacing, chart.groupSpacing = 0.5, 4
    for index, role in enumerate(drawn):
        chart.bars[index].fillColor = ROLE_COLOURS[role]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 5.2 * cm, plot_height + 52
    legend.alignment, legend.columnMaximum = "right", 1
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.deltax, legend.dx, legend.dy = 90, 8, 8
    legend.colorNamePairs = [(ROLE_COLOURS[role], name) for role, name in roles.items()]
    drawing.add(legend)
    return drawing
