"""The team report, its exports, and the discussion recorded against it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError

from .. import actions
from ..access import can_see_team_answers, get_assessment_for_user, seat_of
from ..exports import report_csv, report_pdf
from ..forms import AgreementForm, NextStepForm
from ..models import Assessment, FocusArea, NextStep, Rating
from ..report import TeamReport, build_team_report


def _visible_report(
    request: HttpRequest, assessment_id: int
) -> tuple[Assessment, TeamReport | None]:
    assessment = get_assessment_for_user(request.user, assessment_id)
    if not can_see_team_answers(request.user, assessment):
        return assessment, None
    return assessment, build_team_report(assessment)


@login_required
def report(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment, team_report = _visible_report(request, assessment_id)
    if team_report is None:
        return render(
            request,
            "assessments/report_locked.html",
            {"assessment": assessment, "is_member": seat_of(request.user, assessment) is not None},
            status=403,
        )
    people = [m.person for m in team_report.members]
    return render(
        request,
        "assessments/report.html",
        {
            "assessment": assessment,
            "report": team_report,
            "sections": [
                ("differ", _("Where perceptions differ most"), team_report.section("differ")),
                ("strength", _("Shared strengths"), team_report.section("strength")),
                ("growth", _("Shared growth areas"), team_report.section("growth")),
                ("unrated", _("Not rated yet"), team_report.section("unrated")),
            ],
            "rating_choices": Rating.choices,
            "agreement_form": AgreementForm(),
            "step_form": NextStepForm(people=people),
            "can_discuss": assessment.status != Assessment.Status.CLOSED,
        },
    )


def _export_name(assessment: Assessment, extension: str) -> str:
    return f"{slugify(assessment.organisation.name)}-{slugify(assessment.title)}.{extension}"


@login_required
def report_csv_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment, team_report = _visible_report(request, assessment_id)
    if team_report is None:
        raise Http404("No report yet.")
    response = HttpResponse(report_csv(team_report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(assessment, "csv")}"'
    return response


@login_required
def report_pdf_view(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment, team_report = _visible_report(request, assessment_id)
    if team_report is None:
        raise Http404("No report yet.")
    response = HttpResponse(report_pdf(team_report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(assessment, "pdf")}"'
    return response


def _discussion_area(request: HttpRequest, assessment_id: int, area_id: int):
    assessment = get_assessment_for_user(request.user, assessment_id)
    if not can_see_team_answers(request.user, assessment):
        raise Http404("No report yet.")
    area = FocusArea.objects.filter(pk=area_id, instrument_id=assessment.instrument_id).first()
    if area is None:
        raise Http404("No such focus area.")
    return assessment, area


def _back_to_area(assessment: Assessment, area: FocusArea) -> HttpResponse:
    return redirect(f"/assessments/{assessment.pk}/report/#area-{area.pk}")


@login_required
@require_POST
def record_agreement(request: HttpRequest, assessment_id: int, area_id: int) -> HttpResponse:
    assessment, area = _discussion_area(request, assessment_id, area_id)
    form = AgreementForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return _back_to_area(assessment, area)
    try:
        actions.record_agreement(
            assessment,
            area,
            form.cleaned_data["rating"],
            form.cleaned_data["position"],
            request.user,
        )
    except ActionError as failure:
        messages.error(request, failure.message)
    else:
        messages.success(
            request, _("Saved the team’s position on %(area)s.") % {"area": area.title}
        )
    return _back_to_area(assessment, area)


@login_required
@require_POST
def add_next_step(request: HttpRequest, assessment_id: int, area_id: int) -> HttpResponse:
    assessment, area = _discussion_area(request, assessment_id, area_id)
    people = {m.person_id: m.person for m in assessment.members.select_related("person")}
    form = NextStepForm(request.POST, people=people.values())
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return _back_to_area(assessment, area)
    try:
        actions.add_next_step(
            assessment,
            area,
            form.cleaned_data["description"],
            people.get(form.cleaned_data["owner"]),
            form.cleaned_data["due_on"],
        )
    except ActionError as failure:
        messages.error(request, failure.message)
    else:
        messages.success(request, _("Added the next step."))
    return _back_to_area(assessment, area)


@login_required
@require_POST
def toggle_next_step(request: HttpRequest, assessment_id: int, step_id: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_id)
    step = NextStep.objects.filter(pk=step_id, assessment=assessment).select_related("area").first()
    if step is None or not can_see_team_answers(request.user, assessment):
        raise Http404("No such step.")
    actions.set_next_step_done(step, request.POST.get("done") == "yes")
    return _back_to_area(assessment, step.area)
