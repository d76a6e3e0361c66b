"""An organisation's page: its schools and how many people belong below it."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render

from lib.http import AuthenticatedHttpRequest

from ..access import can_lead, get_organisation_for_user
from ..links import offered_links
from ..models import Membership, Organisation


def people_below_children(organisation: Organisation) -> dict[int, int]:
    """Count the people in each child organisation and everything below it, in one query.

    People are counted once per organisation they belong to, so someone who teaches at two
    schools of a district counts twice in it: the price of not scanning every membership.
    """
    depth = len(organisation.path.strip("/").split("/"))
    counts: dict[int, int] = {}
    for path, n in (
        Membership.objects.filter(organisation__path__startswith=organisation.path)
        .exclude(organisation=organisation)
        .values_list("organisation__path")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    ):
        child_id = int(path.strip("/").split("/")[depth])
        counts[child_id] = counts.get(child_id, 0) + n
    return counts


@login_required
def organisation_detail(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, organisation_id)
    people = people_below_children(organisation)
    children = [
        (child, people.get(child.pk, 0))
        for child in Organisation.objects.filter(parent=organisation)
    ]
    role_counts = dict(
        Membership.objects.filter(organisation__path__startswith=organisation.path)
        .values_list("role")
        .annotate(n=Count("id"))
    )
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "children": children,
            "role_counts": role_counts,
            "leads": can_lead(request.user, organisation),
            "offered_links": offered_links(organisation, request.user),
        },
    )
