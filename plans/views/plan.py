"""My plans and each plan's page: its goals, target competencies, items and suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form

from .. import actions
from ..access import get_own_item, get_own_plan, get_own_suggestion, get_plan_for_user, plans_of
from ..errors import ErrorLink, error_links
from ..forms import GoalForm, ItemForm, ItemUpdateForm, StartForm, TargetForm
from ..models import LearningPlan, PlanItem
from ..summary import STALLED_AFTER, plan_page


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return redirect("plans:mine")


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    plans = list(plans_of(request.user))
    if len(plans) == 1:
        return redirect("plans:detail", plans[0].pk)
    return render(request, "plans/mine.html", {"plans": plans, "form": StartForm(request.user)})


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    form = StartForm(request.user, request.POST)
    if form.is_valid():
        try:
            plan = actions.start_plan(request.user, form.cleaned_data["organisation"])
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            return redirect("plans:detail", plan.pk)
    plans = list(plans_of(request.user))
    return render(request, "plans/mine.html", {"plans": plans, "form": form}, status=400)


def render_plan(
    request: HttpRequest,
    plan: LearningPlan,
    status: int = 200,
    failed_item: tuple[PlanItem, ItemUpdateForm] | None = None,
    failure: str = "",
    **forms,
) -> HttpResponse:
    """Render the plan page; a refused form comes back open, its errors summed up at the top."""
    owner = plan.owner_id == request.user.pk
    page = plan_page(plan, for_owner=owner)
    context = {
        "page": page,
        "plan": plan,
        "is_owner": owner,
        "statuses": PlanItem.Status.choices,
        "stalled_days": STALLED_AFTER.days,
        "goal_form": forms.get("goal_form") or GoalForm(),
    }
    if owner:
        context["target_form"] = forms.get("target_form") or TargetForm(
            request.user, plan, framework_id=request.GET.get("framework")
        )
        context["item_form"] = forms.get("item_form") or ItemForm(request.user)
    summary = error_links(context["goal_form"], "add-goal")
    summary += error_links(context.get("target_form"), "add-target")
    summary += error_links(context.get("item_form"), "add-item")
    if failed_item:
        item, form = failed_item
        for shown in page.items:
            if shown.pk == item.pk:
                shown.failed_form = form
        summary += error_links(form, f"item-{item.pk}", about=item.title)
    if failure:
        summary.append(ErrorLink(failure, "#suggestions"))
    context["error_summary"] = summary
    return render(request, "plans/detail.html", context, status=status)


@login_required
def detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    return render_plan(request, get_plan_for_user(request.user, plan_id))


@login_required
@require_POST
def add_goal(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_id)
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            actions.add_goal(plan, form.cleaned_data["text"], request.user)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Goal added."))
            return redirect(_plan_url(plan.pk) + "#goals")
    return render_plan(request, plan, 400, goal_form=form)


@login_required
@require_POST
def add_target(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_own_plan(request.user, plan_id)
    form = TargetForm(request.user, plan, request.POST)
    if form.is_valid():
        try:
            target = actions.add_target_competency(
                plan, form.cleaned_data["competency"], form.cleaned_data["level"], request.user
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(
                request, _("“%(c)s” is now a target competency.") % {"c": target.competency.name}
            )
            return redirect(_plan_url(plan.pk) + "#targets")
    return render_plan(request, plan, 400, target_form=form)


@login_required
@require_POST
def add_item(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_own_plan(request.user, plan_id)
    form = ItemForm(request.user, request.POST)
    if form.is_valid():
        try:
            item = actions.add_item(plan, request.user, **form.cleaned_data)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("“%(t)s” added to your plan.") % {"t": item.title[:80]})
            return redirect(f"{_plan_url(plan.pk)}#item-{item.pk}")
    return render_plan(request, plan, 400, item_form=form)


@login_required
@require_POST
def update_item(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_own_item(request.user, item_id)
    form = ItemUpdateForm(item, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        note = data["note"] if "note" in request.POST else None
        try:
            actions.update_item(
                item, request.user, data["status"], data["start_on"], data["due_on"], note
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("“%(t)s” saved.") % {"t": item.title})
            return redirect(f"{_plan_url(item.plan_id)}#item-{item.pk}")
    return render_plan(request, item.plan, 400, failed_item=(item, form))


def _plan_url(plan_id: int) -> str:
    return reverse("plans:detail", args=[plan_id])


@login_required
@require_POST
def find_suggestions(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_own_plan(request.user, plan_id)
    try:
        count = actions.suggest_for_targets(plan, request.user)
    except ActionError as failure:
        return render_plan(request, plan, 400, failure=failure.message)
    else:
        if count:
            messages.success(
                request,
                ngettext("%(n)s new suggestion below.", "%(n)s new suggestions below.", count)
                % {"n": count},
            )
        else:
            messages.info(request, _("Nothing new to suggest for your target competencies."))
    return redirect(_plan_url(plan.pk) + "#suggestions")


@login_required
@require_POST
def decide_suggestion(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    suggestion = get_own_suggestion(request.user, suggestion_id)
    decision = request.POST.get("decision")
    try:
        if decision == "accept":
            _item, added = actions.accept_suggestion(suggestion, request.user)
            title = {"t": suggestion.title[:80]}
            if added:
                messages.success(request, _("“%(t)s” added to your plan.") % title)
            else:
                messages.info(
                    request, _("“%(t)s” is already in your plan; nothing was added.") % title
                )
        elif decision == "dismiss":
            actions.dismiss_suggestion(suggestion, request.user)
            messages.info(request, _("Suggestion dismissed; it will not come back."))
        else:
            raise ActionError(_("Choose to accept or dismiss the suggestion."))
    except ActionError as failure:
        return render_plan(request, suggestion.plan, 400, failure=failure.message)
    return redirect(_plan_url(suggestion.plan_id) + "#suggestions")
