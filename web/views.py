"""The site shell: home dashboard and a health check."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.i18n import JavaScriptCatalog

from assessments.access import assessments_for_user
from assessments.models import TeamMember
from credentials.models import Award, Review, Submission
from organisations.access import led_organisations, memberships_of


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer that the server is up; also the baseline the benchmarks compare pages with."""
    return JsonResponse({"ok": True})


# The page asks for it with its language in the address, so a browser that cached one
# language's texts never shows them after the person switches.
javascript_catalog = cache_control(max_age=3600)(JavaScriptCatalog.as_view())


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    assessments = list(
        assessments_for_user(user)
        .select_related("organisation", "instrument")
        .order_by("-created_at")[:8]
    )
    seats = {
        seat.assessment_id: seat
        for seat in TeamMember.objects.filter(person=user, assessment__in=assessments)
    }
    for assessment in assessments:
        assessment.my_seat = seats.get(assessment.pk)
    return render(
        request,
        "web/home.html",
        {
            "assessments": assessments,
            "led": led_organisations(user),
            "memberships": memberships_of(user),
            "in_progress": Submission.objects.filter(earner=user)
            .exclude(status=Submission.Status.EARNED)
            .select_related("micro_credential")[:5],
            "badges": Award.objects.filter(earner=user, revoked_at__isnull=True).select_related(
                "micro_credential"
            )[:6],
            "reviews_waiting": Review.objects.filter(
                reviewer=user, completed_at__isnull=True
            ).count(),
        },
    )
