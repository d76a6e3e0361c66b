"""The team report as CSV: one row per submitted answer, with its area's outcome beside it."""

import csv
import io

from django.utils.translation import gettext as _

from ..models import NextStep, Rating
from ..report import AreaReport, TeamReport

# A cell starting with one of these is read as a formula by spreadsheet programs (OWASP, "CSV
# Injection"): a member's evidence must never run as one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HEADER = [
    "area_number",
    "area",
    "category",
    "area_mean",
    "divergence",
    "previous_assessment",
    "previous_mean",
    "change_since_previous",
    "criterion",
    "member",
    "role",
    "rating",
    "rating_label",
    "evidence_of_success",
    "opportunities_for_growth",
    "agreed_rating",
    "agreed_rating_label",
    "agreed_position",
    "team_next_steps",
]


def safe_cell(value: object) -> object:
    """Return the value, with a quote before any text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def describe_step(step: NextStep) -> str:
    """Return a next step as one line: what, who, by when, and whether it is done."""
    text = step.description
    if step.owner:
        text += f" — {step.owner.full_name}"
    if step.due_on:
        by = _("by")
        text += f", {by} {step.due_on.isoformat()}"
    if step.done:
        done = _("done")
        text += f" ({done})"
    return text


def _area_outcome(area: AreaReport) -> list[object]:
    agreement = area.agreement
    agreed = agreement.rating if agreement else None
    return [
        "" if agreed is None else agreed,
        str(dict(Rating.choices).get(agreed, "")),
        agreement.position if agreement else "",
        "\n".join(describe_step(step) for step in area.next_steps),
    ]


def report_csv(report: TeamReport) -> str:
    """Return every submitted answer with its area's figures and outcome, in report order.

    It starts with a byte order mark so that Excel reads it as UTF-8, accents and all.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    labels = dict(Rating.choices)
    previous = report.previous.title if report.previous else ""
    for area in report.ordered:
        figures = [
            area.area.number,
            area.area.title,
            area.category,
            area.mean,
            area.divergence,
            previous,
            area.previous_mean,
            area.change,
        ]
        outcome = _area_outcome(area)
        for role, answers in area.answers.items():
            for answer in answers:
                response = answer.response
                row = [
                    *figures,
                    area.criteria[role].code,
                    answer.member.person.full_name,
                    role,
                    "" if answer.rating is None else answer.rating,
                    str(labels.get(answer.rating, "")),
                    response.evidence if response else "",
                    response.growth if response else "",
                    *outcome,
                ]
                writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return buffer.getvalue()
