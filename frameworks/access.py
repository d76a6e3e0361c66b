"""The one permission-checked way to reach frameworks and competencies.

Shared frameworks (no owner) are open to every signed-in person. An organisation's own
framework is visible to its members, to members of the organisations below it (a district's
framework reaches its schools), and to those above it (a state sees its districts'); only
the leaders of its organisation, or above, may change it, and only if it was written in
Trellis: an imported framework mirrors its CASE source (leaders copy it to adapt it).
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from organisations.access import can_lead, memberships_of
from organisations.models import Person

from .models import Competency, Framework


def frameworks_for_user(user: Person) -> QuerySet[Framework]:
    """Return shared frameworks and those of organisations the user belongs to, below or above."""
    if not user.is_authenticated:
        return Framework.objects.none()
    owned = Q(pk__in=[])
    for membership in memberships_of(user):
        owned |= Q(organisation__path__startswith=membership.organisation.path)
        owned |= Q(organisation_id__in=membership.organisation.ancestor_ids())
    return Framework.objects.filter(Q(organisation__isnull=True) | owned)


def get_framework_for_user(user: Person, framework_id: int) -> Framework:
    """Return the framework, or "not found" alike for missing and forbidden ones."""
    framework = (
        frameworks_for_user(user).select_related("organisation").filter(pk=framework_id).first()
    )
    if framework is None:
        raise Http404("No such framework.")
    return framework


def can_edit(user: Person, framework: Framework) -> bool:
    """Say whether the user leads the organisation that owns a framework written in Trellis."""
    if framework.organisation is None or framework.origin == Framework.Origin.IMPORTED:
        return False
    return can_lead(user, framework.organisation)


def get_editable_framework_for_user(user: Person, framework_id: int) -> Framework:
    """Return an organisation's framework that the user may change; others are "not found"."""
    framework = get_framework_for_user(user, framework_id)
    if not can_edit(user, framework):
        raise Http404("No such framework.")
    return framework


def get_competency_for_user(user: Person, framework_id: int, competency_id: int) -> Competency:
    """Return a current competency of a framework the user may see."""
    framework = get_framework_for_user(user, framework_id)
    competency = (
        Competency.objects.filter(pk=competency_id, framework=framework, retired_at__isnull=True)
        .select_related("parent")
        .first()
    )
    if competency is None:
        raise Http404("No such competency.")
    competency.framework = framework
    return competency


def shared_competencies_by_key(keys: list[str]) -> dict[str, Competency]:
    """Return current competencies of shared frameworks by their stable keys (one query)."""
    return {
        competency.key: competency
        for competency in Competency.objects.filter(
            framework__organisation__isnull=True, key__in=keys, retired_at__isnull=True
        ).select_related("framework")
    }
