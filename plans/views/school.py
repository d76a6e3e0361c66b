"""A school's plans: its leaders' summary, assigning templates, proposing from assessments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from assessments.access import get_managed_assessment_for_user
from lib.errors import ActionError, attach_to_form

from .. import actions
from ..access import get_led_organisation
from ..errors import error_links
from ..forms import AssignForm, RecommendForm
from ..models import PlanTemplate
from ..summary import STALLED_AFTER, school_summary


def render_school(
    request: HttpRequest, organisation, recommend_form: RecommendForm | None = None, status=200
) -> HttpResponse:
    form = recommend_form or RecommendForm(organisation)
    return render(
        request,
        "plans/school.html",
        {
            "summary": school_summary(organisation, request.GET.get("page")),
            "organisation": organisation,
            "stalled_days": STALLED_AFTER.days,
            "recommend_form": form,
            "error_summary": error_links(form, "recommend"),
        },
        status=status,
    )


@login_required
def school(request: HttpRequest, organisation_id: int) -> HttpResponse:
    return render_school(request, get_led_organisation(request.user, organisation_id))


@login_required
def assign(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation(request.user, organisation_id)
    form = AssignForm(organisation, request.POST or None)
    status = 200
    if request.method == "POST" and not form.searching:
        status = 400
        if form.is_valid():
            try:
                result = actions.assign_template(
                    form.cleaned_data["template"],
                    organisation,
                    list(form.cleaned_data["people"]),
                    request.user,
                )
            except ActionError as failure:
                attach_to_form(form, failure)
            else:
                people, items = result["people"], result["items_added"]
                assigned = ngettext(
                    "Template assigned to %(n)s person.",
                    "Template assigned to %(n)s people.",
                    people,
                ) % {"n": people}
                added = ngettext(
                    "%(n)s item added to their plans.", "%(n)s items added to their plans.", items
                ) % {"n": items}
                messages.success(request, f"{assigned} {added}")
                return redirect("plans:school", organisation.pk)
    templates = PlanTemplate.objects.all()
    return render(
        request,
        "plans/assign.html",
        {
            "form": form,
            "organisation": organisation,
            "templates": templates,
            "error_summary": error_links(form, "assign") if form.is_bound else [],
        },
        status=status,
    )


@login_required
@require_POST
def recommend(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation(request.user, organisation_id)
    form = RecommendForm(organisation, request.POST)
    if not form.is_valid():
        return render_school(request, organisation, form, status=400)
    assessment = get_managed_assessment_for_user(request.user, form.cleaned_data["assessment"].pk)
    try:
        count = actions.suggest_from_assessment(assessment, request.user)
    except ActionError as failure:
        attach_to_form(form, failure)
        return render_school(request, organisation, form, status=400)
    if count:
        messages.success(
            request,
            ngettext(
                "%(n)s suggestion proposed to the team's plans from “%(a)s”.",
                "%(n)s suggestions proposed to the team's plans from “%(a)s”.",
                count,
            )
            % {"n": count, "a": assessment.title},
        )
    else:
        messages.info(
            request,
            _(
                "Nothing new to propose from “%(a)s”: the team's plans already have every "
                "suggestion it leads to (accepted, dismissed or waiting)."
            )
            % {"a": assessment.title},
        )
    return redirect("plans:school", organisation.pk)
