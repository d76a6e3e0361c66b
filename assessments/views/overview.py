"""The district view for policymakers and the instrument pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form
from organisations.access import get_led_organisation_for_user, led_organisations

from .. import actions
from ..access import get_instrument_for_user, instruments_for_user
from ..forms import CriterionEditForm
from ..models import Criterion, Instrument
from ..overview import district_overview

DEFAULT_INSTRUMENT = "teacher-leadership-rubric"
# Schools listed per page of the overview: a district's fit on one, a state's take several.
SCHOOLS_SHOWN = 200


@login_required
def overview(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    slugs = list(
        Instrument.objects.filter(organisation__isnull=True, is_current=True).values_list(
            "slug", "title"
        )
    )
    slug = request.GET.get("instrument", DEFAULT_INSTRUMENT)
    if slug not in {s for s, _title in slugs}:
        slug = DEFAULT_INSTRUMENT
    data = district_overview(organisation, slug)
    # The counts and weakest areas cover every school; the table shows one page of them.
    page = Paginator(data.schools, SCHOOLS_SHOWN).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/overview.html",
        {
            "organisation": organisation,
            "overview": data,
            "page": page,
            "instruments": slugs,
            "slug": slug,
        },
    )


@login_required
def instrument_list(request: HttpRequest) -> HttpResponse:
    instruments = instruments_for_user(request.user).select_related("organisation")
    return render(
        request,
        "assessments/instrument_list.html",
        {"instruments": instruments, "can_copy": bool(led_organisations(request.user))},
    )


@login_required
def instrument_detail(request: HttpRequest, instrument_id: int) -> HttpResponse:
    instrument = get_instrument_for_user(request.user, instrument_id)
    groups = list(instrument.groups.prefetch_related("areas__criteria", "areas__recommendations"))
    led = led_organisations(request.user)
    editable = instrument.organisation_id is not None and instrument.organisation in led
    return render(
        request,
        "assessments/instrument_detail.html",
        {
            "instrument": instrument,
            "groups": groups,
            "editable": editable,
            # Only leaders have an organisation to copy into; the copy view refuses the rest.
            "can_copy": bool(led),
        },
    )


@login_required
@require_POST
def instrument_copy(request: HttpRequest, instrument_id: int) -> HttpResponse:
    instrument = get_instrument_for_user(request.user, instrument_id)
    led = led_organisations(request.user)
    organisation_id = int(request.POST.get("organisation") or (led[0].pk if led else 0))
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    copy = actions.copy_instrument(
        instrument,
        organisation,
        _("%(title)s — %(org)s") % {"title": instrument.title, "org": organisation.name},
    )
    messages.success(request, _("Copied. You can now adapt the criteria for your organisation."))
    return redirect("assessments:instrument", copy.pk)


@login_required
def criterion_edit(request: HttpRequest, instrument_id: int, criterion_id: int) -> HttpResponse:
    instrument = get_instrument_for_user(request.user, instrument_id)
    if instrument.organisation_id is None:
        messages.error(request, _("Built-in instruments cannot be edited; make a copy first."))
        return redirect("assessments:instrument", instrument.pk)
    get_led_organisation_for_user(request.user, instrument.organisation_id)
    criterion = (
        Criterion.objects.select_related("area")
        .filter(pk=criterion_id, area__instrument=instrument)
        .first()
    )
    if criterion is None:
        raise Http404("No such criterion.")
    form = CriterionEditForm(request.POST or None, initial={"text": criterion.text})
    if request.method == "POST" and form.is_valid():
        try:
            target = actions.edit_criterion(instrument, criterion, form.cleaned_data["text"])
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            if target.pk != instrument.pk:
                messages.info(
                    request,
                    _(
                        "Assessments already use version %(old)s, "
                        "so your change made version %(new)s."
                    )
                    % {"old": instrument.version, "new": target.version},
                )
            return redirect("assessments:instrument", target.pk)
    return render(
        request,
        "assessments/criterion_edit.html",
        {"instrument": instrument, "criterion": criterion, "form": form},
    )
