"""Becoming an issuer, and rotating an issuer's signing key."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError, attach_to_form
from lib.http import AuthenticatedHttpRequest

from ... import actions, keystore
from ...access import get_issuer_for_manager
from ...forms.issuers import IssuerForm
from .common import refuse
from .dashboard import organisations_to_offer, render_dashboard


@login_required
@require_POST
def become_issuer(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = IssuerForm(request.POST, auto_id=f"org{request.POST.get('organisation', '')}-%s")
    offered = {o.pk: o for o in organisations_to_offer(request.user)}
    if not offered:
        return refuse(
            request,
            _(
                "Only the administrators and policymakers of an organisation that does not "
                "publish micro-credentials yet can make it an issuer."
            ),
        )
    if form.is_valid():
        organisation = offered.get(form.cleaned_data["organisation"])
        if organisation is None:
            form.add_error(None, _("Choose one of the organisations you lead that is listed."))
        else:
            try:
                issuer = actions.become_issuer(
                    organisation,
                    request.user,
                    form.cleaned_data["did_method"],
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                    website=form.cleaned_data["website"],
                )
            except ActionError as failure:
                attach_to_form(form, failure)
            else:
                messages.success(
                    request,
                    _("%(name)s is now an issuer. Start with its first micro-credential.")
                    % {"name": issuer.name},
                )
                return redirect("credentials:manage-issuer", issuer.slug)
    return render_dashboard(request, bound=form, status=400)


@login_required
def signing_key(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    """Show the issuer's keys; on a confirmed POST, rotate to a new one."""
    issuer = get_issuer_for_manager(request.user, issuer_slug)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            error = _("Tick the box to confirm that you want a new signing key.")
        else:
            actions.rotate_issuer_key(issuer, request.user)
            messages.success(
                request,
                _(
                    "%(issuer)s now signs with a new key. Credentials signed with the old key "
                    "still verify."
                )
                % {"issuer": issuer.name},
            )
            return redirect("credentials:manage-key", issuer.slug)
    keys = list(issuer.keys.order_by("-created_at"))
    current = next((k for k in keys if k.retired_at is None), None)
    return render(
        request,
        "credentials/manage/signing_key.html",
        {
            "issuer": issuer,
            # Each key with the identifier it signs as.
            "keys": [(key, keystore.issuer_did(issuer, key)) for key in keys],
            "current": current,
            "did": keystore.issuer_did(issuer, current),
            "error": error,
            "is_did_key": issuer.did_method == issuer.DidMethod.KEY,
        },
        status=400 if error else 200,
    )
