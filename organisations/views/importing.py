"""Invite a school's or district's staff from a spreadsheet: upload, preview, apply."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib.http import AuthenticatedHttpRequest

from .. import actions
from ..access import get_led_organisation_for_user
from ..forms import StaffFileForm
from ..models import StaffImport
from ..staff_import import decode_upload, parse_staff_csv


@login_required
def staff_import_upload(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    form = StaffFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = decode_upload(upload.read())
        except ValueError as error:
            form.add_error("file", str(error))
        else:
            pending, _parsed = actions.preview_staff_import(
                organisation, request.user, upload.name, text
            )
            return redirect("organisations:import-preview", organisation.pk, pending.pk)
    return render(
        request, "organisations/import_upload.html", {"organisation": organisation, "form": form}
    )


@login_required
def staff_import_preview(
    request: AuthenticatedHttpRequest, organisation_id: int, import_id: int
) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    pending = StaffImport.objects.filter(pk=import_id, organisation=organisation).first()
    if pending is None:
        raise Http404("No such import.")
    if request.method == "POST" and pending.applied_at is None:
        summary = actions.apply_staff_import(pending, request.user)
        messages.success(
            request,
            _(
                "Import finished. New people invited: %(new_people)s. People already on "
                "Trellis added here: %(joined)s. Already here: %(unchanged)s. Rows skipped "
                "because of errors: %(rows_with_errors)s."
            )
            % summary,
        )
        messages.info(request, invitations_sent_text(summary["invitations_sent"]))
        return redirect("organisations:import-preview", organisation.pk, pending.pk)
    parsed = parse_staff_csv(pending.content, set(actions.schools_by_name(organisation)))
    plan = (
        None
        if pending.applied_at
        else actions.plan_staff_import(organisation, parsed, request.user)
    )
    return render(
        request,
        "organisations/import_preview.html",
        {
            "organisation": organisation,
            "pending": pending,
            "parsed": parsed,
            "plan": plan,
            "invitations_sent": invitations_sent_text(pending.summary.get("invitations_sent", 0)),
        },
    )


def invitations_sent_text(count: int) -> str:
    if not count:
        return _(
            "No invitations were needed: everyone in the file can already sign in or has one "
            "waiting."
        )
    return ngettext(
        "%(n)s invitation was emailed so that person can choose a password and sign in.",
        "%(n)s invitations were emailed so those people can choose a password and sign in.",
        count,
    ) % {"n": count}
