"""The site shell: home dashboard and a health check."""

from typing import TYPE_CHECKING, TypedDict

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.i18n import JavaScriptCatalog

from assessments.access import assessments_for_user, organisations_to_assess
from assessments.models import TeamMember
from credentials.models import Award, Review, Submission
from learning.models import ExperienceEnrolment
from lib.http import AuthenticatedHttpRequest
from organisations.access import led_organisations, memberships_of
from organisations.models import Person
from plans.models import LearningPlan, PlanItem
from plans.summary import stalled_q

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer that the server is up; also the baseline the benchmarks compare pages with."""
    return JsonResponse({"ok": True})


# The page asks for it with its language in the address, so a browser that cached one
# language's texts never shows them after the person switches.
javascript_catalog = cache_control(max_age=3600)(JavaScriptCatalog.as_view())


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
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
    led = led_organisations(user)
    return render(
        request,
        "web/home.html",
        {
            # Each assessment with the person's seat on its team, if they have one.
            "assessments": [(a, seats.get(a.pk)) for a in assessments],
            "led": led,
            # Leading a nonprofit or a union is no school or district to assess.
            "may_start_assessment": bool(led) and organisations_to_assess(user).exists(),
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
            "plans": plans_at_a_glance(user),
            "sign_offs_waiting": ExperienceEnrolment.objects.filter(
                mentor=user,
                status=ExperienceEnrolment.Status.COMPLETED,
                mentor_signed_off_at__isnull=True,
            ).count(),
        },
    )


class PlanCounts(TypedDict):
    """A plan's items: done, not dropped, and stalled."""

    done: int
    active: int
    stalled: int


def plans_at_a_glance(
    user: Person,
) -> list[tuple["WithAnnotations[LearningPlan, PlanCounts]", int]]:
    """Return the person's plans, each with its item counts and the percent done."""
    items = "items__"
    plans = (
        LearningPlan.objects.filter(owner=user)
        .select_related("organisation")
        .annotate(
            done=Count("items", filter=Q(items__status=PlanItem.Status.DONE)),
            active=Count("items", filter=~Q(items__status=PlanItem.Status.DROPPED)),
            stalled=Count("items", filter=stalled_q(items)),
        )
        .order_by("organisation__name")
    )
    return [(plan, round(100 * plan.done / plan.active) if plan.active else 0) for plan in plans]
