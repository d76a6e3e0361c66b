"""The people of an organisation and below it, and the invitations its leaders send."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.http import AuthenticatedHttpRequest

from .. import actions
from ..access import (
    get_led_organisation_for_user,
    get_pending_invitation_for_user,
    pending_invitations_below,
)
from ..forms import InvitationForm
from ..models import Membership


@login_required
def people_list(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    query = request.GET.get("q", "").strip()
    memberships = Membership.objects.filter(
        organisation__path__startswith=organisation.path
    ).select_related("person", "organisation")
    invitations = pending_invitations_below(organisation).select_related(
        "organisation", "invited_by"
    )
    if query:
        memberships = memberships.filter(
            Q(person__given_name__icontains=query)
            | Q(person__family_name__icontains=query)
            | Q(person__email__icontains=query)
        )
        invitations = invitations.filter(email__icontains=query)
    page = Paginator(
        memberships.order_by("person__family_name", "person__given_name", "pk"), 50
    ).get_page(request.GET.get("page"))
    invitation_page = Paginator(invitations.order_by("-sent_at", "-pk"), 50).get_page(
        request.GET.get("invitations")
    )
    return render(
        request,
        "organisations/people.html",
        {
            "organisation": organisation,
            "page": page,
            "query": query,
            "invitation_page": invitation_page,
            "now": timezone.now(),
        },
    )


@login_required
def invite(request: AuthenticatedHttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        member = (
            Membership.objects.filter(organisation=organisation, person__email=email)
            .select_related("person")
            .first()
        )
        if member is not None:
            form.add_error(
                "email",
                _(
                    "%(email)s already belongs to %(organisation)s as %(role)s; there is nobody "
                    "to invite."
                )
                % {
                    "email": email,
                    "organisation": organisation.name,
                    "role": member.get_role_display().lower(),
                },
            )
        else:
            resending = actions.pending_invitation(organisation, email) is not None
            invitation = actions.invite_person(
                organisation, email, form.cleaned_data["role"], request.user
            )
            if resending:
                text = _(
                    "%(email)s was already invited; we emailed the same invitation again, and "
                    "it now works until %(date)s."
                )
            else:
                text = _("We emailed an invitation to %(email)s.")
            messages.success(
                request,
                text % {"email": email, "date": date_format(localtime(invitation.expires_at))},
            )
            return redirect("organisations:people", organisation.pk)
    return render(
        request, "organisations/invite.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_POST
def invitation_resend(
    request: AuthenticatedHttpRequest, organisation_id: int, invitation_id: int
) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    invitation = get_pending_invitation_for_user(request.user, organisation, invitation_id)
    actions.resend_invitation(invitation)
    messages.success(
        request,
        _("We emailed the invitation to %(email)s again; it now works until %(date)s.")
        % {"email": invitation.email, "date": date_format(localtime(invitation.expires_at))},
    )
    return redirect("organisations:people", organisation.pk)


@login_required
@require_POST
def invitation_revoke(
    request: AuthenticatedHttpRequest, organisation_id: int, invitation_id: int
) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    invitation = get_pending_invitation_for_user(request.user, organisation, invitation_id)
    actions.revoke_invitation(invitation)
    messages.success(
        request,
        _("The invitation to %(email)s is withdrawn; its link no longer works.")
        % {"email": invitation.email},
    )
    return redirect("organisations:people", organisation.pk)
