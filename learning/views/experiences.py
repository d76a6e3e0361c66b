"""Leadership experiences: the catalogue, one experience, taking it on, completing, signing off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form
from organisations.access import can_lead, led_organisations, memberships_of

from .. import actions
from ..access import experiences_for_user, get_enrolment_for_user, get_experience_for_user
from ..forms import CompleteForm, SignOffForm
from ..models import ExperienceEnrolment, LeadershipExperience
from ..people import community_of, labels_within, mentor_candidates


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    experiences = list(
        experiences_for_user(request.user)
        .filter(status=LeadershipExperience.Status.OFFERED)
        .select_related("organisation")
        .order_by("title")
    )
    taken = dict(
        ExperienceEnrolment.objects.filter(person=request.user).values_list(
            "experience_id", "status"
        )
    )
    for experience in experiences:
        experience.my_status = taken.get(experience.pk, "")
    led = led_organisations(request.user)
    retired = []
    if led:
        in_led = Q(pk__in=[])
        for organisation in led:
            in_led |= Q(organisation__path__startswith=organisation.path)
        retired = list(
            LeadershipExperience.objects.filter(in_led, status=LeadershipExperience.Status.RETIRED)
            .select_related("organisation")
            .order_by("title")
        )
    return render(
        request,
        "learning/experiences.html",
        {"experiences": experiences, "leads": bool(led), "retired": retired},
    )


@login_required
def experience_detail(request: HttpRequest, experience_id: int) -> HttpResponse:
    experience = get_experience_for_user(request.user, experience_id)
    return render(
        request,
        "learning/experience.html",
        {
            "experience": experience,
            "can_manage": experience.organisation is not None
            and can_lead(request.user, experience.organisation),
            "competencies": list(
                experience.competencies.select_related("framework").order_by("tree_order")
            ),
            "mine": list(
                ExperienceEnrolment.objects.filter(person=request.user, experience=experience)
            ),
        },
    )


def _workplace(user):
    """Return the organisation where the user does the work: their most specific membership."""
    memberships = memberships_of(user)
    if not memberships:
        raise Http404("You belong to no organisation.")
    return max((m.organisation for m in memberships), key=lambda o: (o.depth, -o.pk))


@login_required
@require_POST
def take(request: HttpRequest, experience_id: int) -> HttpResponse:
    experience = get_experience_for_user(request.user, experience_id)
    try:
        enrolment = actions.take_experience(request.user, experience, _workplace(request.user))
    except ActionError as failure:
        messages.error(request, failure.message)
        return redirect("learning:experience", experience.pk)
    messages.success(
        request, _("You have taken this on. Come back here to complete it with a reflection.")
    )
    return redirect("learning:enrolment", enrolment.pk)


def _complete_form(enrolment, data=None) -> CompleteForm:
    mentors = mentor_candidates(enrolment.organisation).exclude(pk=enrolment.person_id)
    return CompleteForm(
        data,
        # A mentor who answered "not yet" is asked again by default.
        initial={"mentor": enrolment.mentor_id, "reflection": enrolment.reflection},
        mentors=mentors,
        describe=labels_within(community_of(enrolment.organisation)),
        prompt=enrolment.experience.reflection_prompt,
    )


@login_required
def enrolment_detail(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, enrolment_id)
    return _enrolment_page(request, enrolment)


def _enrolment_page(
    request, enrolment, complete_form=None, sign_off_form=None, status=200
) -> HttpResponse:
    is_person = enrolment.person_id == request.user.pk
    is_mentor = enrolment.mentor_id == request.user.pk
    if is_person and not enrolment.is_completed and complete_form is None:
        complete_form = _complete_form(enrolment)
    if is_mentor and enrolment.awaits_sign_off and sign_off_form is None:
        sign_off_form = SignOffForm()
    return render(
        request,
        "learning/enrolment.html",
        {
            "enrolment": enrolment,
            "experience": enrolment.experience,
            "is_person": is_person,
            "is_mentor": is_mentor,
            # Leaders follow progress; the reflection is for the person and their mentor.
            "shows_reflection": is_person or is_mentor,
            "complete_form": complete_form if is_person else None,
            "sign_off_form": sign_off_form if is_mentor and enrolment.awaits_sign_off else None,
        },
        status=status,
    )


@login_required
@require_POST
def complete(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = get_enrolment_for_user(request.user, enrolment_id)
    if enrolment.person_id != request.user.pk:
        raise Http404("No such leadership experience.")
    form = _complete_form(enrolment, request.POST)
    if form.is_valid():
        mentor = form.cleaned_data["mentor"]
        try:
            actions.complete_experience(enrolment, form.cleaned_data["reflection"], mentor)
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            if mentor:
                text = _("Completed. %(name)s has been asked to sign it off.") % {
                    "name": mentor.full_name
                }
            else:
                text = _("Completed. Well done.")
            messages.success(request, text)
            return redirect("learning:enrolment", enrolment.pk)
    return _enrolment_page(request, enrolment, form)


@login_required
@require_POST
def sign_off(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    """Sign off the experience, or, with `decision=not-yet`, send it back with the note."""
    enrolment = get_enrolment_for_user(request.user, enrolment_id)
    if enrolment.mentor_id != request.user.pk:
        raise Http404("No such leadership experience.")
    form = SignOffForm(request.POST)
    not_yet = request.POST.get("decision") == "not-yet"
    if form.is_valid():
        try:
            if not_yet:
                actions.send_back_experience(enrolment, request.user, form.cleaned_data["note"])
            else:
                actions.sign_off_experience(enrolment, request.user, form.cleaned_data["note"])
        except ActionError as failure:
            if failure.field:
                attach_to_form(form, failure)
                return _enrolment_page(request, enrolment, sign_off_form=form, status=400)
            messages.error(request, failure.message)
        else:
            if not_yet:
                messages.success(
                    request,
                    _("Sent back with your note. %(name)s can rework it and complete it again.")
                    % {"name": enrolment.person.full_name},
                )
            else:
                messages.success(request, _("Signed off. Thank you for mentoring."))
    return redirect("learning:enrolment", enrolment.pk)
