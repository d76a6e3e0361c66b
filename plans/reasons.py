"""Why a suggestion was made, written in the reader's language when it is shown.

A suggestion is saved once, by whoever asks for suggestions, but read by the plan's owner, who
may read another language. So it keeps the facts behind its reason (`Suggestion.reason_args`)
and the sentence is built here, each time, in the language active for the reader.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Role

ROLE_NAMES = {
    Role.TEACHER: gettext_lazy("teachers"),
    Role.ADMINISTRATOR: gettext_lazy("administrators"),
    Role.POLICYMAKER: gettext_lazy("policymakers"),
}
GROWTH, DIFFER, ALIGNED = "growth", "differ", "aligned"


def area_args(category: str, area_title: str, role: str) -> dict[str, str]:
    """Return the facts of a reason that comes from an area of a team report."""
    return {"code": GROWTH if category == GROWTH else DIFFER, "area": area_title, "role": role}


def aligned_args(competency_name: str) -> dict[str, str]:
    """Return the facts of a reason that comes from a target competency."""
    return {"code": ALIGNED, "competency": competency_name}


def reason_text(args: dict[str, str]) -> str:
    """Return the sentence for the facts, in the active language."""
    if args["code"] == ALIGNED:
        return _("Aligned to “%(c)s”, a target competency in your plan.") % {
            "c": args["competency"]
        }
    if args["code"] == GROWTH:
        sentence = _(
            "Your team rated area “%(a)s” below the criterion; this is recommended for %(r)s."
        )
    else:
        sentence = _(
            "Your team's views on area “%(a)s” differ widely; this is recommended for %(r)s."
        )
    return sentence % {"a": args["area"], "r": ROLE_NAMES.get(args["role"], args["role"])}
