"""Small template helpers for reports."""

from django import template

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
