"""Small template helpers for reports."""

from functools import lru_cache
from html import escape

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import Rating

register = template.Library()


@register.filter
def slug_title(slug: str) -> str:
    """Turn a micro-credential slug into a readable title."""
    small = {"a", "an", "and", "of", "the", "to", "with", "for", "in", "is"}
    words = slug.split("-")
    return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None


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


# The tags below render the long repeated parts of the report and the district overview in
# one step each: a template loop, or format_html, costs far more per item than plain string
# building, and a 169-school overview has two thousand cells. Every text is escaped here.


@lru_cache(maxsize=4096)
def _localized_mean(mean: float, language: str | None) -> str:
    return escape(str(localize(mean)))


@register.simple_tag
def heat_cells(means: list[float | None]) -> str:
    """Render a row of mean-rating cells, shaded by the mean and blank where there is none."""
    language = get_language()
    return mark_safe(
        "".join(
            f'<td class="heat {heat(mean)}">'
            f"{'' if mean is None else _localized_mean(mean, language)}</td>"
            for mean in means
        )
    )


@register.simple_tag
def member_ratings(answers: list) -> str:
    """Render each member's rating for one criterion as list items."""
    if not answers:
        return format_html('<li class="muted">{}</li>', _("No answers from this role."))
    ratings = {
        value: f'<span class="rating-{value}">{escape(str(label))}</span>'
        for value, label in Rating.choices
    }
    ratings[None] = f'<span class="muted">{escape(_("no rating"))}</span>'
    return mark_safe(
        "".join(
            f"<li>{escape(answer.member.person.full_name)}: {ratings[answer.rating]}</li>"
            for answer in answers
        )
    )


@register.simple_tag
def note_items(notes: list) -> str:
    """Render the evidence or growth notes of an area, with who wrote each."""
    if not notes:
        return format_html('<li class="muted">{}</li>', _("None written."))
    return mark_safe(
        "".join(
            f"<li><strong>{escape(member.person.full_name)}:</strong> {linebreaksbr(text)}</li>"
            for member, text in notes
        )
    )


@register.simple_tag
def option_tags(choices: list) -> str:
    """Render the options of a select from (value, label) pairs."""
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}">{escape(str(label))}</option>'
            for value, label in choices
        )
    )
