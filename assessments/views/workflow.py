"""Start an assessment, seat the team, answer individually, submit, move the stages on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lib.errors import ActionError
from organisations.access import can_lead, roles_in
from organisations.models import Membership, Organisation, Person, Role

from .. import actions
from ..access import (
    assessments_for_user,
    can_see_team_answers,
    get_assessment_for_user,
    get_managed_assessment_for_user,
    instruments_for_user,
    organisations_to_assess,
    seat_of,
)
from ..forms import AnswerForm, StartAssessmentForm
from ..models import Assessment, Criterion, Response, TeamMember


@login_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    assessments = (
        assessments_for_user(request.user)
        .select_related("organisation", "instrument")
        .annotate(
            team_size=Count("members", distinct=True),
            submitted=Count(
                "members", filter=Q(members__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("-created_at")
    )
    page = Paginator(assessments, 25).get_page(request.GET.get("page"))
    return render(request, "assessments/list.html", {"page": page})


def _organisations_user_can_assess(user: Person) -> list[Organisation]:
    return sorted(organisations_to_assess(user), key=lambda o: o.path)


@login_required
def start(request: HttpRequest) -> HttpResponse:
    organisations = _organisations_user_can_assess(request.user)
    if not organisations:
        raise Http404("No organisation to assess.")
    instruments = list(instruments_for_user(request.user).filter(is_current=True))
    initial = {"organisation": request.GET.get("organisation")}
    form = StartAssessmentForm(
        request.POST or None,
        initial=initial,
        organisations=organisations,
        instruments=instruments,
    )
    if request.method == "POST" and form.is_valid():
        organisation = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        instrument = next(i for i in instruments if i.pk == form.cleaned_data["instrument"])
        role = next(iter(sorted(roles_in(request.user, organisation))), Role.ADMINISTRATOR)
        assessment = actions.start_assessment(
            organisation,
            instrument,
            form.cleaned_data["title"],
            request.user,
            [(request.user, role)],
        )
        messages.success(request, _("Assessment started. Now choose who is on the team."))
        return redirect("assessments:team", assessment.pk)
    return render(request, "assessments/start.html", {"form": form})


@login_required
def detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_id)
    seat = seat_of(request.user, assessment)
    members = list(assessment.members.select_related("person"))
    my_total = my_answered = 0
    if seat:
        my_total = Criterion.objects.filter(
            area__instrument_id=assessment.instrument_id, role=seat.role
        ).count()
        my_answered = Response.objects.filter(member=seat, rating__isnull=False).count()
    return render(
        request,
        "assessments/detail.html",
        {
            "assessment": assessment,
            "seat": seat,
            "members": members,
            "submitted": sum(1 for m in members if m.submitted_at),
            "my_total": my_total,
            "my_answered": my_answered,
            "can_manage": can_lead(request.user, assessment.organisation),
            "can_see_report": can_see_team_answers(request.user, assessment),
        },
    )


@login_required
def team(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = get_managed_assessment_for_user(request.user, assessment_id)
    organisation = assessment.organisation
    seated = set(assessment.members.values_list("person_id", flat=True))
    query = request.GET.get("q", "").strip()
    # Everyone in the organisation, plus policymakers above it who may join a school's team.
    candidates = Membership.objects.filter(
        Q(organisation__path__startswith=organisation.path)
        | Q(organisation_id__in=organisation.ancestor_ids(), role=Role.POLICYMAKER)
    ).select_related("person", "organisation")
    if query:
        candidates = candidates.filter(
            Q(person__given_name__icontains=query) | Q(person__family_name__icontains=query)
        )
    candidates = candidates.exclude(person_id__in=seated).order_by(
        "role", "person__family_name", "person__given_name"
    )
    if request.method == "POST":
        chosen = {int(pk) for pk in request.POST.getlist("membership") if pk.isdigit()}
        picked = [(m.person, m.role) for m in candidates.filter(pk__in=chosen)]
        added = actions.add_team_members(assessment, picked)
        messages.success(
            request,
            ngettext(
                "%(n)s person added to the team and emailed.",
                "%(n)s people added to the team and emailed.",
                added,
            )
            % {"n": added},
        )
        return redirect("assessments:team", assessment.pk)
    return render(
        request,
        "assessments/team.html",
        {
            "assessment": assessment,
            "members": assessment.members.select_related("person"),
            "candidates": candidates[:300],
            "query": query,
        },
    )


def _my_seat(request: HttpRequest, assessment: Assessment) -> TeamMember:
    seat = seat_of(request.user, assessment)
    if seat is None:
        raise Http404("You are not on this team.")
    return seat


@login_required
def answer(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_id)
    seat = _my_seat(request, assessment)
    criteria = list(
        Criterion.objects.filter(area__instrument_id=assessment.instrument_id, role=seat.role)
        .select_related("area__group")
        .order_by("area__number")
    )
    responses = {r.criterion_id: r for r in Response.objects.filter(member=seat)}
    items = []
    for criterion in criteria:
        response = responses.get(criterion.pk)
        initial = (
            {"rating": response.rating, "evidence": response.evidence, "growth": response.growth}
            if response
            else {}
        )
        items.append(
            {
                "criterion": criterion,
                "response": response,
                "form": AnswerForm(initial=initial, prefix=f"c{criterion.pk}"),
            }
        )
    return render(
        request,
        "assessments/answer.html",
        {
            "assessment": assessment,
            "seat": seat,
            "items": items,
            "answered": sum(1 for r in responses.values() if r.rating is not None),
            "total": len(criteria),
            "locked": bool(seat.submitted_at) or not assessment.accepts_answers,
        },
    )


def _progress(seat: TeamMember) -> dict[str, int]:
    total = Criterion.objects.filter(
        area__instrument_id=seat.assessment.instrument_id, role=seat.role
    ).count()
    answered = Response.objects.filter(member=seat, rating__isnull=False).count()
    return {"answered": answered, "total": total}


@login_required
@require_POST
def save_answer(request: HttpRequest, assessment_id: int, criterion_id: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_id)
    seat = _my_seat(request, assessment)
    criterion = Criterion.objects.select_related("area").filter(pk=criterion_id).first()
    if criterion is None:
        raise Http404("No such criterion.")
    form = AnswerForm(request.POST, prefix=f"c{criterion.pk}")
    form.is_valid()
    error = " ".join(e for errors in form.errors.values() for e in errors)
    response = None
    # One text over its limit must not cost the rating and the other text: save what is
    # valid, keep the last saved version of the rest, and say which text was not saved.
    if "rating" not in form.errors:
        kept = Response.objects.filter(member=seat, criterion=criterion).first()
        texts = {
            name: form.cleaned_data[name] if name in form.cleaned_data else getattr(kept, name, "")
            for name in ("evidence", "growth")
        }
        try:
            response = actions.save_answer(
                seat, criterion, form.cleaned_data["rating"], texts["evidence"], texts["growth"]
            )
        except ActionError as failure:
            error = failure.message
        else:
            if error:
                error += " " + _("Everything else in this answer is saved.")
    # Autosave asks through htmx; the flush when the page is left marks itself instead,
    # because a beacon cannot send headers.
    if request.htmx or request.POST.get("autosave") == "1":
        context = {"error": error, "response": response, **_progress(seat)}
        return render(
            request, "assessments/_save_status.html", context, status=400 if error else 200
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Saved your answer to %(code)s.") % {"code": criterion.code})
    return redirect(f"{_answer_url(assessment)}#criterion-{criterion.pk}")


def _answer_url(assessment: Assessment) -> str:
    return reverse("assessments:answer", args=[assessment.pk])


@login_required
def submit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_id)
    seat = _my_seat(request, assessment)
    missing = actions.unanswered_criteria(seat)
    if request.method == "POST":
        try:
            actions.submit_answers(
                seat, allow_incomplete=request.POST.get("confirm_incomplete") == "yes"
            )
        except ActionError as failure:
            messages.error(request, failure.message)
        else:
            messages.success(
                request, _("Your answers are submitted. You can now see your team’s answers.")
            )
            return redirect("assessments:report", assessment.pk)
    return render(
        request,
        "assessments/submit.html",
        {"assessment": assessment, "seat": seat, "missing": missing},
    )


STAGE_CHANGES = {Assessment.Status.DISCUSSING, Assessment.Status.CLOSED}


@login_required
def change_status(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Ask the leader to confirm a stage change, naming who has not submitted, then make it."""
    assessment = get_managed_assessment_for_user(request.user, assessment_id)
    status = request.POST.get("status") or request.GET.get("to", "")
    if (
        status not in STAGE_CHANGES
        or status == assessment.status
        or assessment.status == Assessment.Status.CLOSED
    ):
        messages.error(request, _("Choose the next stage from the assessment page."))
        return redirect("assessments:detail", assessment.pk)
    members = list(assessment.members.select_related("person"))
    waiting = [m for m in members if not m.submitted_at]
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            try:
                actions.set_assessment_status(assessment, status)
            except ActionError as failure:
                messages.error(request, failure.message)
            else:
                messages.success(
                    request,
                    _("The assessment is now: %(s)s.") % {"s": assessment.get_status_display()},
                )
            return redirect("assessments:detail", assessment.pk)
        error = _("Tick the box to confirm, or go back to the assessment.")
    return render(
        request,
        "assessments/change_status.html",
        {
            "assessment": assessment,
            "status": status,
            "closing": status == Assessment.Status.CLOSED,
            "members": members,
            "waiting": waiting,
            "error": error,
        },
        status=400 if error else 200,
    )
