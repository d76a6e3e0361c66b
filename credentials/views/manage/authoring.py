"""Write and change drafts with their requirements; publish, retire and version them; stacks."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form
from lib.http import AuthenticatedHttpRequest

from ... import actions
from ...access import (
    competencies_for_issuer,
    get_issuer_for_manager,
    get_managed_micro_credential,
    get_managed_stack,
)
from ...actions.publishing import publishing_problems
from ...forms.manage import MicroCredentialForm, RequirementForm, RequirementFormSet, StackForm
from ...models import Issuer, MicroCredential, Stack


def _forms(request: HttpRequest, issuer: Issuer, micro_credential: MicroCredential | None):
    competencies = competencies_for_issuer(issuer)
    if request.method == "POST":
        return (
            MicroCredentialForm(request.POST, competencies=competencies),
            RequirementFormSet(request.POST, prefix="requirements"),
        )
    if micro_credential is None:
        return (
            MicroCredentialForm(competencies=competencies, initial={"exclude_colleagues": True}),
            RequirementFormSet(prefix="requirements"),
        )
    return (
        MicroCredentialForm(
            competencies=competencies, initial=MicroCredentialForm.initial_for(micro_credential)
        ),
        RequirementFormSet(
            prefix="requirements",
            initial=[RequirementForm.initial_for(r) for r in micro_credential.requirements.all()],
        ),
    )


def _requirements(formset) -> list[dict]:
    """Return the kept requirements in order: every existing one, and new ones filled in."""
    existing = formset.initial_form_count()
    return [
        form.to_data()
        for index, form in enumerate(formset.forms)
        if (index < existing or form.has_changed()) and not form.cleaned_data.get("DELETE")
    ]


def _render(request, issuer, micro_credential, form, formset, status=200):
    return render(
        request,
        "credentials/manage/edit.html",
        {
            "issuer": issuer,
            "mc": micro_credential,
            "form": form,
            "formset": formset,
            "problems": publishing_problems(micro_credential) if micro_credential else [],
        },
        status=status,
    )


@login_required
def create(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_issuer_for_manager(request.user, issuer_slug)
    form, formset = _forms(request, issuer, None)
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            data = {**form.to_data(), "requirements": _requirements(formset)}
            try:
                created = actions.create_draft(issuer, data, request.user)
            except ActionError as failure:
                attach_to_form(form, failure)
                return _render(request, issuer, None, form, formset, status=400)
            messages.success(request, _("Draft saved. Publish it when it is complete."))
            return redirect("credentials:manage-edit", created.pk)
        return _render(request, issuer, None, form, formset, status=400)
    return _render(request, issuer, None, form, formset)


@login_required
def edit(request: AuthenticatedHttpRequest, micro_credential_id: int) -> HttpResponse:
    micro_credential = get_managed_micro_credential(request.user, micro_credential_id)
    issuer = micro_credential.issuer
    if micro_credential.status != MicroCredential.Status.DRAFT:
        return _overview(request, micro_credential)
    form, formset = _forms(request, issuer, micro_credential)
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            data = {**form.to_data(), "requirements": _requirements(formset)}
            try:
                actions.update_micro_credential(micro_credential, data)
            except ActionError as failure:
                micro_credential.refresh_from_db()
                attach_to_form(form, failure)
                return _render(request, issuer, micro_credential, form, formset, status=400)
            messages.success(request, _("Draft saved."))
            return redirect("credentials:manage-edit", micro_credential.pk)
        return _render(request, issuer, micro_credential, form, formset, status=400)
    return _render(request, issuer, micro_credential, form, formset)


def _overview(request: HttpRequest, micro_credential: MicroCredential) -> HttpResponse:
    siblings = MicroCredential.objects.filter(
        issuer_id=micro_credential.issuer_id, slug=micro_credential.slug
    )
    return render(
        request,
        "credentials/manage/overview.html",
        {
            "issuer": micro_credential.issuer,
            "mc": micro_credential,
            "requirements": micro_credential.requirements.all(),
            "competencies": micro_credential.competencies.select_related("framework"),
            "versions": siblings.order_by("-version"),
            "has_draft": siblings.filter(status=MicroCredential.Status.DRAFT).exists(),
            "latest": siblings.aggregate(v=Max("version"))["v"],
        },
    )


def _state_change(
    request: AuthenticatedHttpRequest,
    micro_credential_id: int,
    action: Callable[[MicroCredential], MicroCredential],
    done: str,
) -> HttpResponse:
    micro_credential = get_managed_micro_credential(request.user, micro_credential_id)
    try:
        result = action(micro_credential)
    except ActionError as failure:
        messages.error(request, failure.message)
        return redirect("credentials:manage-edit", micro_credential.pk)
    messages.success(request, done)
    return redirect("credentials:manage-edit", result.pk)


@login_required
@require_POST
def publish(request: AuthenticatedHttpRequest, micro_credential_id: int) -> HttpResponse:
    return _state_change(
        request,
        micro_credential_id,
        actions.publish,
        _("Published. Educators can start it now; any earlier version was retired."),
    )


@login_required
@require_POST
def retire(request: AuthenticatedHttpRequest, micro_credential_id: int) -> HttpResponse:
    return _state_change(
        request,
        micro_credential_id,
        actions.retire,
        _("Retired. Nobody new can start it; work already started can still be finished."),
    )


@login_required
@require_POST
def new_version(request: AuthenticatedHttpRequest, micro_credential_id: int) -> HttpResponse:
    return _state_change(
        request,
        micro_credential_id,
        actions.new_version,
        _("A new draft version was made from this one. Change it, then publish it."),
    )


def _stack_choices(issuer: Issuer, stack: Stack | None) -> list[tuple[str, str]]:
    """Offer the published micro-credentials, and any other the stack already holds (to drop)."""
    kept = set(stack.micro_credential_slugs) if stack else set()
    titles: dict[str, str] = {}
    for slug, title, status in issuer.micro_credentials.filter(
        Q(status=MicroCredential.Status.PUBLISHED) | Q(slug__in=kept)
    ).values_list("slug", "title", "status"):
        if status == MicroCredential.Status.PUBLISHED:
            titles[slug] = title
        else:
            titles.setdefault(slug, _("%(t)s (not published)") % {"t": title})
    return sorted(titles.items(), key=lambda item: item[1])


def _stack_page(
    request: AuthenticatedHttpRequest, issuer: Issuer, stack: Stack | None
) -> HttpResponse:
    initial = (
        {
            "title": stack.title,
            "description": stack.description,
            "micro_credential_slugs": stack.micro_credential_slugs,
        }
        if stack
        else None
    )
    choices = _stack_choices(issuer, stack)
    form = StackForm(request.POST or None, initial=initial, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            if stack:
                actions.update_stack(stack, form.cleaned_data, request.user)
            else:
                actions.create_stack(issuer, form.cleaned_data, request.user)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Stack saved."))
            return redirect("credentials:manage-issuer", issuer.slug)
    return render(
        request,
        "credentials/manage/stack.html",
        {"issuer": issuer, "stack": stack, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def stack_create(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    return _stack_page(request, get_issuer_for_manager(request.user, issuer_slug), None)


@login_required
def stack_edit(request: AuthenticatedHttpRequest, stack_id: int) -> HttpResponse:
    stack = get_managed_stack(request.user, stack_id)
    return _stack_page(request, stack.issuer, stack)
