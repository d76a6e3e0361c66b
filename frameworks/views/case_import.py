"""Import a CASE package from an uploaded file or a web address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lib.http import AuthenticatedHttpRequest
from organisations.access import get_led_organisation_for_user, led_organisations

from .. import actions
from ..fetch import FetchError, fetch_case_package
from ..forms import CaseImportForm


@login_required
def import_case(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = led_organisations(request.user)
    form = CaseImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    problems: list[str] = []
    pending = None
    if request.method == "POST" and form.is_valid():
        organisation = get_led_organisation_for_user(
            request.user, form.cleaned_data["organisation"]
        )
        upload, url = form.cleaned_data["file"], form.cleaned_data["url"]
        try:
            data = upload.read() if upload else fetch_case_package(url)
            result = actions.import_case_data(
                data,
                organisation,
                request.user,
                source=upload.name if upload else url,
                confirm=form.cleaned_data["confirm"],
            )
        except FetchError as failure:
            form.add_error("url", failure.message)
        except actions.ImportFailed as failure:
            problems = failure.messages
        except actions.ImportNeedsConfirmation as question:
            pending = question
            form.ask_to_confirm()
        else:
            _report(request, result)
            return redirect("frameworks:detail", result.framework.pk)
    return render(
        request,
        "frameworks/import.html",
        {
            "form": form,
            "problems": problems,
            "pending": pending,
            "organisations": organisations,
        },
        status=400 if problems else 200,
    )


def _report(request: HttpRequest, result: actions.ImportResult) -> None:
    summary = result.summary
    rubrics = actions.rubric_parts(summary)
    if result.created:
        text = _("Imported “%(title)s” with %(n)s competencies.") % {
            "title": result.framework.title,
            "n": summary.created,
        }
        if rubrics:
            text += " " + _("Rubrics: %(parts)s.") % {"parts": ", ".join(rubrics)}
        messages.success(request, text)
    elif summary.changed:
        text = _(
            "Updated “%(title)s” to version %(version)s: %(created)s competencies added, "
            "%(updated)s changed, %(retired)s removed."
        ) % {
            "title": result.framework.title,
            "version": result.framework.version,
            "created": summary.created,
            "updated": summary.updated,
            "retired": summary.retired,
        }
        if rubrics:
            text += " " + _("Rubrics: %(parts)s.") % {"parts": ", ".join(rubrics)}
        if summary.retired_names:
            text += " " + _("Retired, because the package no longer has them: %(names)s.") % {
                "names": actions.listed(summary.retired_names)
            }
        messages.success(request, text)
    else:
        messages.info(request, _("This package is already imported; nothing has changed."))
    if result.kept:
        messages.info(
            request,
            ngettext(
                "Kept %(n)s competency written in Trellis that the package does not have: "
                "%(names)s.",
                "Kept %(n)s competencies written in Trellis that the package does not have: "
                "%(names)s.",
                len(result.kept),
            )
            % {"n": len(result.kept), "names": actions.listed(result.kept)},
        )
    if summary.detached:
        messages.warning(
            request,
            ngettext(
                "%(n)s competency is placed under a parent outside the package, so it is "
                "shown at the top of the framework: %(details)s",
                "%(n)s competencies are placed under a parent outside the package, so they "
                "are shown at the top of the framework: %(details)s",
                len(summary.detached),
            )
            % {"n": len(summary.detached), "details": " ".join(summary.detached[:5])},
        )
    if result.warnings:
        messages.warning(
            request,
            ngettext(
                "Trellis repaired %(n)s thing while reading the file; it is listed under "
                "“CASE details” below.",
                "Trellis repaired %(n)s things while reading the file; they are listed under "
                "“CASE details” below.",
                len(result.warnings),
            )
            % {"n": len(result.warnings)},
        )
