"""An error summary for pages with several forms: each refused field, linked from the top."""

from dataclasses import dataclass

from django.forms import Form
from django.utils.translation import gettext as _


@dataclass
class ErrorLink:
    text: str
    # Where the error is: the field's id, or the form's section when no field holds it.
    href: str


def error_links(form: Form | None, section: str, about: str = "") -> list[ErrorLink]:
    """Return one link per error of a refused form, to its field (or its section)."""
    if form is None or not form.is_bound:
        return []
    links = []
    for name, errors in form.errors.items():
        field = form[name] if name in form.fields else None
        label = field.label if field else ""
        if about:
            label = _("“%(t)s” — %(f)s") % {"t": about[:80], "f": label} if label else about
        # A group of checkboxes has no one input to label; its fieldset carries the auto id.
        target = field and (field.id_for_label or field.auto_id)
        href = f"#{target}" if target else f"#{section}"
        for error in errors:
            links.append(ErrorLink(f"{label}: {error}" if label else str(error), href))
    return links
