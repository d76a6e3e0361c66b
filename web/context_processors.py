"""Navigation by role, built from the user's memberships (one cached query)."""

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from organisations.access import LEADER_ROLES, memberships_of
from organisations.models import Organisation, Role


def navigation(request: HttpRequest) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": []}
    memberships = memberships_of(user)
    items = [
        (_("Home"), reverse("home")),
        (_("Assessments"), reverse("assessments:list")),
        (_("Micro-credentials"), reverse("credentials:catalogue")),
    ]
    items += extra_navigation(memberships)
    leads = [m for m in memberships if m.role in LEADER_ROLES]
    if leads:
        top = min(leads, key=lambda m: m.organisation.depth).organisation
        items.append((_("People"), reverse("organisations:detail", args=[top.pk])))
    overview = [
        m.organisation
        for m in memberships
        if m.role == Role.POLICYMAKER and m.organisation.kind != Organisation.Kind.SCHOOL
    ]
    if overview:
        items.append(
            (_("District overview"), reverse("assessments:overview", args=[overview[0].pk]))
        )
    path = request.path
    return {
        "nav_items": [
            {
                "label": label,
                "url": url,
                "current": path == url or (url != "/" and path.startswith(url)),
            }
            for label, url in items
        ],
        "user_memberships": memberships,
    }


def extra_navigation(memberships) -> list[tuple[str, str]]:
    """Return the links apps add to the menu (each AppConfig may define `navigation`)."""
    items = []
    for config in apps.get_app_configs():
        hook = getattr(config, "navigation", None)
        if hook:
            items += hook(memberships)
    return items
