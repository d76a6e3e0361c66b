"""Coverage of a framework: what recognises and teaches each competency, and the gaps."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from frameworks.access import get_framework_for_user

from ..coverage import framework_coverage


@login_required
def coverage(request: HttpRequest, framework_id: int) -> HttpResponse:
    framework = get_framework_for_user(request.user, framework_id)
    rows = framework_coverage(framework, request.user)
    # One reverse() for the page, not one per row: 2,000 of them took half the render time.
    placeholder = 987654321
    link = reverse("frameworks:competency", args=[framework.pk, placeholder])
    for row in rows:
        row.url = link.replace(str(placeholder), str(row.competency.pk))
    gaps = sum(1 for row in rows if row.is_gap)
    uncredentialed = sum(1 for row in rows if row.cannot_be_credentialed)
    show = request.GET.get("show", "")
    if show == "gaps":
        shown = [row for row in rows if row.is_gap]
    elif show == "no-credential":
        shown = [row for row in rows if row.cannot_be_credentialed]
    else:
        show, shown = "", rows
    return render(
        request,
        "learning/coverage.html",
        {
            "framework": framework,
            "rows": shown,
            "total": len(rows),
            "gaps": gaps,
            "uncredentialed": uncredentialed,
            "covered": len(rows) - gaps,
            "show": show,
            "only_gaps": show == "gaps",
        },
    )
