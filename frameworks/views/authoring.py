"""Write an organisation's own framework and its competencies; adopt or copy another one."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lib.errors import ActionError, attach_to_form
from lib.http import AuthenticatedHttpRequest
from organisations.access import get_led_organisation_for_user, led_organisations

from .. import actions
from ..access import (
    get_competency_for_user,
    get_editable_framework_for_user,
    get_framework_for_user,
)
from ..forms import AdoptForm, CompetencyForm, CopyForm, FrameworkForm, NewFrameworkForm
from ..models import (
    Competency,
    Framework,
    FrameworkAdoption,
    LevelDescriptor,
    SpecialtyVariation,
)


@login_required
def framework_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = led_organisations(request.user)
    if not organisations:
        raise Http404("You lead no organisation.")
    form = NewFrameworkForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = get_led_organisation_for_user(request.user, data["organisation"])
        try:
            framework = actions.create_framework(
                organisation, data["title"], data["description"], data["specialties"], request.user
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Framework created. Now add its competencies."))
            return redirect("frameworks:detail", framework.pk)
    return render(request, "frameworks/framework_form.html", {"form": form})


@login_required
def framework_edit(request: AuthenticatedHttpRequest, framework_id: int) -> HttpResponse:
    framework = get_editable_framework_for_user(request.user, framework_id)
    current = [{"key": s.key, "title": s.title} for s in framework.specialties.all()]
    form = FrameworkForm(
        request.POST or None,
        current_specialties=current,
        initial={
            "title": framework.title,
            "description": framework.description,
            "specialties": [s["key"] for s in current],
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changed = actions.edit_framework(
                framework, data["title"], data["description"], data["specialties"], request.user
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            _saved(request, changed, framework)
            return redirect("frameworks:detail", framework.pk)
    return render(request, "frameworks/framework_form.html", {"form": form, "framework": framework})


def _saved(request: HttpRequest, changed: bool, framework: Framework) -> None:
    if changed:
        framework.refresh_from_db(fields=["version"])
        messages.success(
            request, _("Saved as version %(version)s.") % {"version": framework.version}
        )
    else:
        messages.info(request, _("Nothing changed, so nothing was saved."))


def _competency_form(
    request: HttpRequest, framework: Framework, competency: Competency | None = None
) -> CompetencyForm:
    levels = list(framework.levels.all())
    specialties = list(framework.specialties.all())
    parents = None
    initial: dict[str, Any] = {}
    if competency is None:
        parents = list(
            Competency.objects.filter(framework=framework, retired_at__isnull=True)
            .only("pk", "code", "title", "statement", "depth")
            .order_by("tree_order")
        )
        initial["parent"] = request.GET.get("parent")
    else:
        initial = {
            "code": competency.code,
            "title": competency.title,
            "statement": competency.statement,
            "notes": competency.notes,
        }
        by_level = {level.pk: level.key for level in levels}
        for row in LevelDescriptor.objects.filter(competency=competency):
            initial[f"level_{by_level[row.level_id]}"] = row.description
        by_specialty = {s.pk: s.key for s in specialties}
        for variation in SpecialtyVariation.objects.filter(competency=competency):
            initial[f"specialty_{by_specialty[variation.specialty_id]}"] = variation.description
    return CompetencyForm(
        request.POST or None,
        initial=initial,
        levels=levels,
        specialties=specialties,
        parents=parents,
    )


@login_required
def competency_create(request: AuthenticatedHttpRequest, framework_id: int) -> HttpResponse:
    framework = get_editable_framework_for_user(request.user, framework_id)
    form = _competency_form(request, framework)
    if request.method == "POST" and form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = get_competency_for_user(
                request.user, framework.pk, form.cleaned_data["parent"]
            )
        try:
            competency = actions.add_competency(framework, parent, form.text(), request.user)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Competency added."))
            return redirect("frameworks:competency", framework.pk, competency.pk)
    return render(
        request, "frameworks/competency_form.html", {"form": form, "framework": framework}
    )


@login_required
def competency_edit(
    request: AuthenticatedHttpRequest, framework_id: int, competency_id: int
) -> HttpResponse:
    framework = get_editable_framework_for_user(request.user, framework_id)
    competency = get_competency_for_user(request.user, framework.pk, competency_id)
    form = _competency_form(request, framework, competency)
    if request.method == "POST" and form.is_valid():
        try:
            changed = actions.edit_competency(competency, form.text(), request.user)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            _saved(request, changed, framework)
            return redirect("frameworks:competency", framework.pk, competency.pk)
    return render(
        request,
        "frameworks/competency_form.html",
        {"form": form, "framework": framework, "competency": competency},
    )


@login_required
def adopt(request: AuthenticatedHttpRequest, framework_id: int) -> HttpResponse:
    framework = get_framework_for_user(request.user, framework_id)
    organisations = led_organisations(request.user)
    if not framework.is_shared or not organisations:
        raise Http404("Only leaders can adopt shared frameworks.")
    adopted = set(
        FrameworkAdoption.objects.filter(
            framework=framework, organisation__in=organisations
        ).values_list("organisation_id", flat=True)
    )
    form = AdoptForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = get_led_organisation_for_user(
            request.user, form.cleaned_data["organisation"]
        )
        if request.POST.get("stop") == "yes":
            actions.stop_using_framework(framework, organisation)
            messages.success(
                request,
                _("%(org)s no longer uses “%(title)s”.")
                % {"org": organisation.name, "title": framework.title},
            )
        else:
            actions.adopt_framework(framework, organisation, request.user)
            messages.success(
                request,
                _("%(org)s now uses “%(title)s”.")
                % {"org": organisation.name, "title": framework.title},
            )
        return redirect("frameworks:detail", framework.pk)
    return render(
        request,
        "frameworks/adopt.html",
        {
            "framework": framework,
            "form": form,
            "adopted": [o for o in organisations if o.pk in adopted],
        },
    )


@login_required
def copy(request: AuthenticatedHttpRequest, framework_id: int) -> HttpResponse:
    """Copy a framework the user can see into an organisation they lead, to adapt it."""
    framework = get_framework_for_user(request.user, framework_id)
    organisations = led_organisations(request.user)
    if not organisations:
        raise Http404("Only leaders can copy frameworks.")
    form = CopyForm(
        request.POST or None,
        organisations=organisations,
        initial={
            "organisation": framework.organisation_id,
            "title": _("%(title)s (adapted)") % {"title": framework.title},
        },
    )
    if request.method == "POST" and form.is_valid():
        organisation = get_led_organisation_for_user(
            request.user, form.cleaned_data["organisation"]
        )
        try:
            adapted = actions.copy_framework(
                framework, organisation, form.cleaned_data["title"], request.user
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(
                request,
                _(
                    "Copied “%(title)s” for %(org)s. This copy is yours to change; the "
                    "original still follows its source."
                )
                % {"title": framework.title, "org": organisation.name},
            )
            return redirect("frameworks:detail", adapted.pk)
    return render(request, "frameworks/copy.html", {"framework": framework, "form": form})
