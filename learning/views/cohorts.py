"""Cohorts: mine, creating one, its shared space of posts and files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from credentials.models import MicroCredential
from lib.errors import ActionError, attach_to_form
from organisations.access import can_lead, get_led_organisation_for_user, led_organisations

from .. import actions
from ..access import (
    cohorts_for_user,
    get_cohort_for_user,
    get_cohort_to_manage,
    get_post_for_user,
)
from ..forms import CohortForm, PostForm, organisation_choices
from ..people import cohort_candidates, community_of, labels_within
from ..pursuits import plan_template_choices, plan_template_title


@login_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    cohorts = list(
        cohorts_for_user(request.user)
        .select_related("organisation", "facilitator", "micro_credential")
        .order_by("name")
    )
    return render(
        request,
        "learning/cohorts.html",
        {"cohorts": cohorts, "leads": bool(led_organisations(request.user))},
    )


def _form(organisation, data=None, initial=None) -> tuple[CohortForm, list]:
    """Return the cohort form for the organisation, and the micro-credentials it offers."""
    credentials = list(
        MicroCredential.objects.filter(status=MicroCredential.Status.PUBLISHED).order_by("title")
    )
    form = CohortForm(
        data,
        initial=initial,
        people=cohort_candidates(organisation),
        describe=labels_within(community_of(organisation)),
        micro_credentials=credentials,
        plan_templates=plan_template_choices(),
    )
    return form, credentials


def _arguments(form: CohortForm, credentials: list) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "facilitator": data["facilitator"],
        "members": list(data["members"]),
        "description": data["description"],
        "micro_credential": next(
            (m for m in credentials if m.pk == data["micro_credential"]), None
        ),
        "plan_template_slug": data.get("plan_template") or "",
    }


@login_required
def cohort_create(request: HttpRequest) -> HttpResponse:
    led = led_organisations(request.user)
    if not led:
        raise Http404("You lead no organisation.")
    chosen = request.POST.get("organisation") or request.GET.get("organisation")
    try:
        organisation = (
            get_led_organisation_for_user(request.user, int(chosen)) if chosen else led[0]
        )
    except ValueError:
        raise Http404("No such organisation.") from None
    form, credentials = _form(organisation, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = actions.create_cohort(
                organisation, created_by=request.user, **_arguments(form, credentials)
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Cohort created. Its members can now post in it."))
            return redirect("learning:cohort", cohort.pk)
    return render(
        request,
        "learning/cohort_form.html",
        {
            "form": form,
            "organisation": organisation,
            "community": community_of(organisation),
            "organisations": organisation_choices(led),
        },
    )


@login_required
def cohort_edit(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = get_cohort_to_manage(request.user, cohort_id)
    initial = {
        "name": cohort.name,
        "description": cohort.description,
        "facilitator": cohort.facilitator_id,
        "members": list(cohort.memberships.values_list("person_id", flat=True)),
        "micro_credential": cohort.micro_credential_id,
        "plan_template": cohort.plan_template_slug,
    }
    form, credentials = _form(cohort.organisation, request.POST or None, initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_cohort(cohort, **_arguments(form, credentials))
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            if not cohorts_for_user(request.user).filter(pk=cohort.pk).exists():
                # A facilitator who handed the cohort over no longer reads its space.
                messages.success(
                    request, _("Cohort saved. You are no longer its facilitator or a member.")
                )
                return redirect("learning:cohorts")
            messages.success(request, _("Cohort saved."))
            return redirect("learning:cohort", cohort.pk)
    return render(
        request,
        "learning/cohort_form.html",
        {"form": form, "cohort": cohort, "community": community_of(cohort.organisation)},
    )


@login_required
def cohort_detail(request: HttpRequest, cohort_id: int, form: PostForm | None = None):
    cohort = get_cohort_for_user(request.user, cohort_id)
    return render(
        request,
        "learning/cohort.html",
        {
            "cohort": cohort,
            "can_manage": cohort.facilitator_id == request.user.pk
            or can_lead(request.user, cohort.organisation),
            "plan_template": plan_template_title(cohort.plan_template_slug),
            "members": list(cohort.memberships.select_related("person")),
            "posts": list(cohort.posts.select_related("author")),
            "playlists": list(
                cohort.shared_playlists.select_related("owner").order_by("title", "pk")
            ),
            "form": form or PostForm(),
        },
    )


@login_required
@require_POST
def post(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = get_cohort_for_user(request.user, cohort_id)
    form = PostForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_post(
                cohort, request.user, form.cleaned_data["text"], form.cleaned_data["file"]
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Posted."))
            return redirect("learning:cohort", cohort.pk)
    response = cohort_detail(request, cohort.pk, form)
    response.status_code = 400
    return response


@login_required
def post_file(request: HttpRequest, post_id: int) -> HttpResponse:
    """Send a post's file as a download that the browser never runs as a page of this site."""
    found = get_post_for_user(request.user, post_id)
    if not found.file:
        raise Http404("This post has no file.")
    response = FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.original_name or "file",
        content_type=found.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
