"""The team report as a PDF: the whole picture by role, then every area as the page shows it."""

import io
from xml.sax.saxutils import escape

from django.conf import settings
from django.template.defaultfilters import date as format_date
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..models import Rating
from ..report import ROLES, AreaReport, RoleSummary, TeamReport, role_plurals
from ..templatetags.assessment_tags import slug_title
from .pdf_style import BOLD, REGULAR, heat_colour, role_chart, styles

CATEGORY_LABELS = {
    "differ": gettext_lazy("Perceptions differ"),
    "strength": gettext_lazy("Shared strength"),
    "growth": gettext_lazy("Shared growth area"),
    "unrated": gettext_lazy("Not rated"),
}
SECTIONS = [
    ("differ", gettext_lazy("Where perceptions differ most")),
    ("strength", gettext_lazy("Shared strengths")),
    ("growth", gettext_lazy("Shared growth areas")),
    ("unrated", gettext_lazy("Not rated yet")),
]
# With one member submitted nothing is shared yet: the headings say whose view it is.
ONE_MEMBER_SECTIONS = {
    "strength": gettext_lazy("Strengths in the one submitted member’s view"),
    "growth": gettext_lazy("Growth areas in the one submitted member’s view"),
}
HEADER_ROW = [
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b5f8a")),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def _text(value: str) -> str:
    """Escape text for a reportlab paragraph, keeping its line breaks."""
    return escape(value).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    return ("+" if signed and value > 0 else "") + str(localize(value))


def _standing(area: AreaReport) -> str:
    if area.one_voice and area.category in ("strength", "growth"):
        return _("One person’s rating")
    return str(CATEGORY_LABELS[area.category])


def _table(rows: list[list], widths: list[float], extra: list | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(HEADER_ROW + (extra or [])))
    return table


def report_pdf(report: TeamReport) -> bytes:
    """Return the report as a PDF: the picture by role, the summary, then each area in full."""
    sheet = styles()
    assessment = report.assessment
    story: list[Flowable] = [
        Paragraph(_text(assessment.title), sheet["Title"]),
        Paragraph(
            _text(f"{assessment.organisation.name} · {assessment.instrument}"), sheet["Normal"]
        ),
        Paragraph(
            _("%(s)s of %(n)s members submitted.")
            % {"s": report.submitted_count, "n": len(report.members)},
            sheet["Normal"],
        ),
    ]
    if report.previous:
        story.append(
            Paragraph(
                _text(
                    _("Changes are shown against “%(title)s”, closed %(when)s.")
                    % {
                        "title": report.previous.title,
                        "when": format_date(report.previous.closed_at, "DATE_FORMAT"),
                    }
                ),
                sheet["Normal"],
            )
        )
    if report.submitted_count == 1:
        story.append(
            Paragraph(
                _(
                    "Only one member has submitted, so every figure here is one person’s view. "
                    "Nothing is shared or disputed until others submit too."
                ),
                sheet["Italic"],
            )
        )
    story += _whole_picture(report, sheet)
    for key, heading in SECTIONS:
        areas = report.section(key)
        if not areas:
            continue
        if report.submitted_count == 1:
            heading = ONE_MEMBER_SECTIONS.get(key, heading)
        story += [Spacer(1, 12), Paragraph(_text(str(heading)), sheet["Heading1"])]
        for area in areas:
            story += _area(report, area, sheet)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=assessment.title,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        initialFontName=REGULAR,  # else every page also carries an unused Helvetica
    )
    document.build(story)
    return buffer.getvalue()


def _whole_picture(report: TeamReport, sheet: StyleSheet1) -> list[Flowable]:
    roles = role_plurals(report.roles_present)
    scale = {value: str(label) for value, label in Rating.choices if value}
    parts: list[Flowable] = [
        Paragraph(_("The whole picture"), sheet["Heading1"]),
        Paragraph(
            _(
                "How each role rated each focus area, from 1 (not yet meeting) to 3 (exceeds), "
                "with the widest differences in perception first. “Don’t know” answers are "
                "counted but left out of the means."
            ),
            sheet["BodyText"],
        ),
        role_chart(report, roles, scale),
        Spacer(1, 8),
    ]
    # The same figures as the chart, with the number of ratings behind each mean.
    rows: list[list] = [[_("Focus area"), *roles.values(), _("Whole team")]]
    shading = []
    for y, a in enumerate(report.ordered, start=1):
        summaries = [a.by_role[role] for role in roles]
        summaries.append(
            RoleSummary(
                a.mean,
                len(a.ratings),
                a.counts[Rating.DONT_KNOW],
                sum(len(answers) for answers in a.answers.values()),
            )
        )
        cells = []
        for x, summary in enumerate(summaries, start=1):
            cells.append(
                Paragraph(
                    f"<b>{_number(summary.mean)}</b><br/>{_text(summary.describe())}",
                    sheet["Small"],
                )
            )
            shading.append(("BACKGROUND", (x, y), (x, y), heat_colour(summary.mean)))
        rows.append([Paragraph(_text(f"{a.area.number}. {a.area.title}"), sheet["Small"]), *cells])
    other = (17 * cm - 6 * cm) / (len(roles) + 1)
    parts += [
        Paragraph(_("Mean rating by focus area and role"), sheet["Heading3"]),
        _table(rows, [6 * cm] + [other] * (len(roles) + 1), shading),
        Spacer(1, 8),
    ]
    counts_header = [_("Focus area"), *(str(label) for _v, label in Rating.choices)]
    counts_header += [_("Mean (1–3)"), _("Divergence")]
    if report.previous:
        counts_header.append(_("Change"))
    counts_header.append(_("Where it stands"))
    rows = [[Paragraph(_text(h), sheet["Head"]) for h in counts_header]]
    for a in report.ordered:
        row = [Paragraph(_text(f"{a.area.number}. {a.area.title}"), sheet["Small"])]
        row += [str(a.counts[value]) for value in Rating.values]
        row += [_number(a.mean), _number(a.divergence)]
        if report.previous:
            row.append(_number(a.change, signed=True))
        row.append(Paragraph(_text(_standing(a)), sheet["Small"]))
        rows.append(row)
    # Each figure's column as wide as its header's longest word, so none breaks inside a word;
    # the area's name takes the rest.
    figures = [
        max(stringWidth(word, BOLD, 7) for word in str(h).split()) + 14 for h in counts_header[1:-1]
    ]
    standing = 2.3 * cm
    widths = [17 * cm - sum(figures) - standing, *figures, standing]
    parts += [
        Paragraph(_("Ratings per focus area"), sheet["Heading3"]),
        _table(rows, widths),
    ]
    return parts


def _area(report: TeamReport, a: AreaReport, sheet: StyleSheet1) -> list[Flowable]:
    mean, divergence = _("mean"), _("divergence")
    figures = f"{mean} {_number(a.mean)} · {divergence} {_number(a.divergence)}"
    if a.previous_mean is not None:
        previously, change = _("previously"), _("change")
        figures += f" · {previously} {_number(a.previous_mean)}"
        figures += f" · {change} {_number(a.change, signed=True)}"
    parts: list[Flowable] = [
        Paragraph(_text(f"{a.area.number}. {a.area.title}"), sheet["Heading2"]),
        Paragraph(_text(f"{figures} · {_standing(a)}"), sheet["Normal"]),
        Paragraph(_("Ratings by role"), sheet["Heading4"]),
    ]
    roles = role_plurals(report.roles_present)
    for role, name in roles.items():
        criterion = a.criteria.get(role)
        if criterion:
            parts.append(
                Paragraph(
                    f"<b>{_text(name)} · {_text(criterion.code)}</b> {_text(criterion.text)}",
                    sheet["BodyText"],
                )
            )
        answers = a.answers.get(role) or []
        if not answers:
            parts.append(Paragraph(_("No answers from this role."), sheet["Item"], bulletText="•"))
        labels = dict(Rating.choices)
        for answer in answers:
            rating = labels.get(answer.rating, _("no rating"))
            parts.append(
                Paragraph(
                    f"{_text(answer.member.person.full_name)}: <b>{_text(str(rating))}</b>",
                    sheet["Item"],
                    bulletText="•",
                )
            )
    for kind, title in (
        ("evidence", _("Evidence of success")),
        ("growth", _("Opportunities for growth")),
    ):
        parts.append(Paragraph(title, sheet["Heading4"]))
        notes = a.notes(kind)
        if not notes:
            parts.append(Paragraph(_("None written."), sheet["Item"]))
        for member, text in notes:
            parts.append(
                Paragraph(
                    f"<b>{_text(member.person.full_name)}:</b> {_text(text)}",
                    sheet["Item"],
                    bulletText="•",
                )
            )
    if a.category != "strength":
        parts += _recommendations(a, roles, sheet)
    parts += _discussion(a, sheet)
    return parts


def _recommendations(a: AreaReport, roles: dict[str, str], sheet: StyleSheet1) -> list[Flowable]:
    parts: list[Flowable] = [
        Paragraph(_("What the instrument recommends, by role"), sheet["Heading4"])
    ]
    if a.area.rationale:
        parts.append(Paragraph(f"<i>{_text(a.area.rationale)}</i>", sheet["BodyText"]))
    for role in ROLES:
        recommendations = a.recommendations.get(role)
        if not recommendations:
            continue
        name = roles.get(role) or role_plurals([role])[role]
        parts.append(Paragraph(f"<b>{_text(name)}</b>", sheet["BodyText"]))
        label = _("Micro-credential:")
        for rec in recommendations:
            links = "".join(
                f' {label} <a href="{settings.SITE_URL}/micro-credentials/'
                f'by-slug/{escape(slug)}/" color="#1f5fa8">{_text(slug_title(slug))}</a>'
                for slug in rec.micro_credentials
            )
            parts.append(Paragraph(_text(rec.text) + links, sheet["Item"], bulletText="•"))
    return parts


def _discussion(a: AreaReport, sheet: StyleSheet1) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(_("The team’s discussion"), sheet["Heading4"])]
    agreement = a.agreement
    if agreement and agreement.rating is not None:
        rating = dict(Rating.choices)[agreement.rating]
        agreed_label = _("Agreed rating:")
        parts.append(Paragraph(f"<b>{agreed_label}</b> {_text(str(rating))}", sheet["BodyText"]))
    if agreement and agreement.position:
        agreed = _("Team agreed:")
        parts.append(Paragraph(f"<b>{agreed}</b> {_text(agreement.position)}", sheet["BodyText"]))
    if not agreement:
        parts.append(Paragraph(_("Nothing agreed yet."), sheet["BodyText"]))
    parts.append(Paragraph(_("The team’s next steps"), sheet["Heading4"]))
    if not a.next_steps:
        parts.append(Paragraph(_("No next steps yet."), sheet["BodyText"]))
        return parts
    rows: list[list] = [[_("What"), _("Who"), _("By when"), _("Done")]]
    for step in a.next_steps:
        rows.append(
            [
                Paragraph(_text(step.description), sheet["Small"]),
                Paragraph(_text(step.owner.full_name if step.owner else "—"), sheet["Small"]),
                format_date(step.due_on, "DATE_FORMAT") if step.due_on else "—",
                _("yes") if step.done else _("no"),
            ]
        )
    parts.append(_table(rows, [8.5 * cm, 4 * cm, 3 * cm, 1.5 * cm]))
    return parts
