"""Read the frameworks: the list, one framework's tree, a competency, the CASE download."""

import json

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify

from lib.http import AuthenticatedHttpRequest
from organisations.access import led_organisations, visible_organisations

from ..access import can_edit, frameworks_for_user, get_competency_for_user, get_framework_for_user
from ..exporting import export_framework
from ..models import (
    Association,
    Competency,
    FrameworkAdoption,
    LevelDescriptor,
    SpecialtyVariation,
)
from ..tree import nested


@login_required
def framework_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    frameworks = list(
        frameworks_for_user(request.user)
        .select_related("organisation")
        .annotate(size=Count("competencies", filter=Q(competencies__retired_at__isnull=True)))
        .order_by("title")
    )
    adoptions: dict[int, list[str]] = {}
    for adoption in FrameworkAdoption.objects.filter(
        organisation__in=visible_organisations(request.user)
    ).select_related("organisation"):
        adoptions.setdefault(adoption.framework_id, []).append(adoption.organisation.name)
    # Each framework with the names of the visible organisations that adopted it.
    rows = [(framework, adoptions.get(framework.pk, [])) for framework in frameworks]
    return render(
        request,
        "frameworks/list.html",
        {
            "shared": [(f, by) for f, by in rows if f.organisation_id is None],
            # An organisation's own, and the shared ones it adopted, marked as such.
            "own": [(f, by) for f, by in rows if f.organisation_id is not None or by],
            "leads": bool(led_organisations(request.user)),
        },
    )


@login_required
def framework_detail(request: AuthenticatedHttpRequest, framework_id: int) -> HttpResponse:
    framework = get_framework_for_user(request.user, framework_id)
    competencies = list(
        Competency.objects.filter(framework=framework, retired_at__isnull=True)
        .only("pk", "framework_id", "code", "title", "statement", "item_type", "depth")
        .order_by("tree_order")
    )
    nodes, closing = nested(competencies)
    adopted_by = [
        adoption.organisation
        for adoption in FrameworkAdoption.objects.filter(
            framework=framework, organisation__in=visible_organisations(request.user)
        ).select_related("organisation")
    ]
    return render(
        request,
        "frameworks/detail.html",
        {
            "framework": framework,
            "levels": list(framework.levels.all()),
            "specialties": list(framework.specialties.all()),
            "nodes": nodes,
            # One reverse() for the page, not one per competency: big trees have thousands.
            "competency_url": reverse("frameworks:competency", args=[framework.pk, 0])[:-2],
            "closing": closing,
            "count": len(competencies),
            "adopted_by": adopted_by,
            "versions": list(framework.versions.select_related("changed_by")[:10]),
            "can_edit": can_edit(request.user, framework),
            "can_adopt": framework.is_shared and bool(led_organisations(request.user)),
            "can_copy": bool(led_organisations(request.user)),
        },
    )


@login_required
def competency_detail(
    request: AuthenticatedHttpRequest, framework_id: int, competency_id: int
) -> HttpResponse:
    competency = get_competency_for_user(request.user, framework_id, competency_id)
    return render(request, "frameworks/competency.html", competency_context(request, competency))


def competency_context(request: HttpRequest, competency: Competency) -> dict:
    """Gather one competency's place, levels, specialties and links in a fixed number of queries."""
    framework = competency.framework
    ancestors = {c.pk: c for c in Competency.objects.filter(pk__in=competency.ancestor_ids())}
    levels = list(framework.levels.all())
    specialties = list(framework.specialties.all())
    descriptors = {
        d.level_id: d.description for d in LevelDescriptor.objects.filter(competency=competency)
    }
    variations = {
        v.specialty_id: v.description
        for v in SpecialtyVariation.objects.filter(competency=competency)
    }
    related = list(
        Association.objects.filter(
            Q(origin=competency) | Q(destination=competency), framework=framework
        )
        .exclude(association_type="isChildOf")
        .select_related("origin", "destination")
    )
    return {
        "framework": framework,
        "competency": competency,
        "ancestors": [ancestors[pk] for pk in competency.ancestor_ids() if pk in ancestors],
        "children": list(
            competency.children.filter(retired_at__isnull=True).order_by("tree_order")
        ),
        "levels": [(level, descriptors.get(level.pk, "")) for level in levels],
        "specialties": specialties,
        "variations": [(s, variations[s.pk]) for s in specialties if s.pk in variations],
        "related": related,
        "can_edit": request.user.is_authenticated and can_edit(request.user, framework),
    }


def competency_by_key(request: HttpRequest, key: str) -> HttpResponse:
    """Show a shared competency by its stable key: the address badges align to, open to anyone."""
    competency = (
        Competency.objects.filter(
            key=key, framework__organisation__isnull=True, retired_at__isnull=True
        )
        .select_related("framework", "parent")
        .first()
    )
    if competency is None:
        raise Http404("No such competency.")
    if request.user.is_authenticated:
        return redirect("frameworks:competency", competency.framework_id, competency.pk)
    context = competency_context(request, competency)
    return render(request, "frameworks/competency.html", {**context, "public": True})


@login_required
def export(request: AuthenticatedHttpRequest, framework_id: int) -> HttpResponse:
    framework = get_framework_for_user(request.user, framework_id)
    body = json.dumps(export_framework(framework), ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode(), content_type="application/json")
    name = f"{slugify(framework.title)[:60] or 'framework'}-{framework.case_identifier}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
