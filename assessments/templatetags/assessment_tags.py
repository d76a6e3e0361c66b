"""Small template helpers for instruments and the district overview."""

from functools import lru_cache
from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import Assessment
from ..overview import SchoolRow

register = template.Library()

# Any id: reversing with it once gives the text around every id in a list of links.
ID_PLACEHOLDER = 918273645


def url_pattern(name: str, *args: int) -> tuple[str, str]:
    """Return the escaped text before and after the last id of the URL, reversed once."""
    before, after = reverse(name, args=[*args, ID_PLACEHOLDER]).rsplit(str(ID_PLACEHOLDER), 1)
    return escape(before), escape(after)


@register.filter
def slug_title(slug: str) -> str:
    """Turn a micro-credential slug into a readable title."""
    small = {"a", "an", "and", "of", "the", "to", "with", "for", "in", "is"}
    words = slug.split("-")
    return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))


@register.filter
def heat(value: float | None) -> str:
    """Return the CSS class for a mean rating cell."""
    if value is None:
        return ""
    if value < 1.5:
        return "heat-1"
    if value < 2:
        return "heat-2"
    if value < 2.5:
        return "heat-3"
    return "heat-4"


@lru_cache(maxsize=1024)
def localized_number(value: float, language: str | None) -> str:
    """Return a figure as a template shows it in the language (2,5 in Spanish), escaped."""
    return escape(str(localize(value)))


# The overview's school table has a row per school and a cell per focus area: two thousand
# cells in Jefferson County. Built here as plain strings it costs a tenth of a template loop.


@register.simple_tag
def school_rows(rows: list[SchoolRow]) -> SafeString:
    """Render the overview's table rows: school, stage, answers submitted and area means."""
    language = get_language()
    before, after = url_pattern("assessments:detail")
    stages = {value: escape(str(label)) for value, label in Assessment.Status.choices}
    earlier_word = _("earlier")
    not_started = f'<span class="muted">{escape(_("not started"))}</span>'
    html = []
    for row in rows:
        name = escape(row.name)
        latest = row.assessment
        if latest:
            school = f'<a href="{before}{latest.id}{after}">{name}</a>'
            stage = f'<span class="badge {escape(latest.status)}">{stages[latest.status]}</span>'
            submitted = f"{latest.submitted} / {latest.team_size}"
            if row.results_from:
                earlier = (
                    f'<a href="{before}{row.results_from.id}{after}">{escape(earlier_word)}</a>'
                )
                stage += " " + _("(results from the %(earlier)s assessment)") % {"earlier": earlier}
        else:
            school, stage, submitted = name, not_started, ""
        cells = "".join(
            f'<td class="heat {heat(mean)}">'
            f"{'' if mean is None else localized_number(mean, language)}</td>"
            for mean in row.means
        )
        html.append(
            f'<tr><th scope="row">{school}</th><td>{stage}</td><td>{submitted}</td>{cells}</tr>'
        )
    return mark_safe("\n".join(html))
