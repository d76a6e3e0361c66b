"""An organisation's own leadership experiences: offering one, changing it, retiring it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form
from organisations.access import get_led_organisation_for_user, led_organisations

from .. import actions
from ..access import get_experience_to_manage
from ..forms import ExperienceForm, NewExperienceForm
from .resources import competency_options


def _chosen(competencies, data) -> list:
    wanted = set(data["competencies"])
    return [c for c in competencies if c.pk in wanted]


@login_required
def experience_create(request: HttpRequest) -> HttpResponse:
    led = led_organisations(request.user)
    if not led:
        raise Http404("You lead no organisation.")
    competencies = competency_options(request.user)
    form = NewExperienceForm(request.POST or None, organisations=led, competencies=competencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = get_led_organisation_for_user(request.user, data["organisation"])
        try:
            experience = actions.offer_experience(
                organisation, data, _chosen(competencies, data), request.user
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(
                request,
                _("Offered. People in %(org)s now find it in the catalogue.")
                % {"org": organisation.name},
            )
            return redirect("learning:experience", experience.pk)
    return render(request, "learning/experience_form.html", {"form": form})


@login_required
def experience_edit(request: HttpRequest, experience_id: int) -> HttpResponse:
    experience = get_experience_to_manage(request.user, experience_id)
    competencies = competency_options(request.user)
    initial = {
        "title": experience.title,
        "summary": experience.summary,
        "what_you_do": "\n".join(experience.what_you_do),
        "duration_weeks": experience.duration_weeks,
        "reflection_prompt": experience.reflection_prompt,
        "expects_mentor_sign_off": experience.expects_mentor_sign_off,
        "competencies": list(experience.competencies.values_list("pk", flat=True)),
    }
    form = ExperienceForm(request.POST or None, initial=initial, competencies=competencies)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_experience(
                experience, form.cleaned_data, _chosen(competencies, form.cleaned_data)
            )
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            messages.success(request, _("Saved."))
            return redirect("learning:experience", experience.pk)
    return render(
        request, "learning/experience_form.html", {"form": form, "experience": experience}
    )


@login_required
@require_POST
def experience_retire(request: HttpRequest, experience_id: int) -> HttpResponse:
    experience = get_experience_to_manage(request.user, experience_id)
    offer = request.POST.get("offer") == "again"
    try:
        (actions.offer_again if offer else actions.retire_experience)(experience)
    except ActionError as failure:
        messages.error(request, failure.message)
    else:
        if offer:
            messages.success(request, _("Offered again: it is back in the catalogue."))
        else:
            messages.success(
                request,
                _(
                    "Retired: it has left the catalogue. People who already took it on can "
                    "still complete it."
                ),
            )
    return redirect("learning:experience", experience.pk)
