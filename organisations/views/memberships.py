"""Change a person's role in an organisation, or remove them from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lib.http import AuthenticatedHttpRequest

from .. import actions
from ..access import (
    can_lead,
    can_see,
    forget_memberships,
    get_led_organisation_for_user,
    get_membership_for_user,
)
from ..forms import RoleChangeForm
from ..models import Membership, Organisation


def after_membership_change(
    request: AuthenticatedHttpRequest, organisation: Organisation
) -> HttpResponse:
    """Go back to the people page, or as near as the leader's remaining roles allow."""
    # The leader may just have changed their own role: forget the memberships read earlier.
    forget_memberships(request.user)
    if can_lead(request.user, organisation):
        return redirect("organisations:people", organisation.pk)
    if can_see(request.user, organisation):
        return redirect("organisations:detail", organisation.pk)
    return redirect("home")


def refuse_last_leader(request: HttpRequest, membership: Membership) -> HttpResponse:
    messages.error(
        request,
        _(
            "%(org)s would have no administrator or policymaker left to lead it, so "
            "%(person)s keeps the role of %(role)s there. Make someone else an administrator "
            "or policymaker first."
        )
        % {
            "org": membership.organisation.name,
            "person": membership.person.full_name,
            "role": membership.get_role_display().lower(),
        },
    )
    return redirect("organisations:people", membership.organisation_id)


@login_required
def membership_role(
    request: AuthenticatedHttpRequest, organisation_id: int, membership_id: int
) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    membership = get_membership_for_user(request.user, organisation, membership_id)
    form = RoleChangeForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        before = membership.get_role_display().lower()
        try:
            actions.change_role(membership, form.cleaned_data["role"])
        except actions.LastLeader:
            return refuse_last_leader(request, membership)
        membership.refresh_from_db(fields=["role"])
        names = {
            "person": membership.person.full_name,
            "org": membership.organisation.name,
            "role": membership.get_role_display().lower(),
            "before": before,
        }
        if names["role"] == before:
            messages.info(request, _("%(person)s is already %(role)s at %(org)s.") % names)
        else:
            messages.success(
                request,
                _("%(person)s is now %(role)s at %(org)s instead of %(before)s.") % names,
            )
        return after_membership_change(request, organisation)
    return render(
        request,
        "organisations/membership_role.html",
        {"organisation": organisation, "membership": membership, "form": form},
    )


@login_required
def membership_remove(
    request: AuthenticatedHttpRequest, organisation_id: int, membership_id: int
) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    membership = get_membership_for_user(request.user, organisation, membership_id)
    if request.method == "POST":
        try:
            actions.remove_member(membership)
        except actions.LastLeader:
            return refuse_last_leader(request, membership)
        messages.success(
            request,
            _(
                "%(person)s no longer belongs to %(org)s. Their account, assessment answers "
                "and credentials are kept."
            )
            % {"person": membership.person.full_name, "org": membership.organisation.name},
        )
        return after_membership_change(request, organisation)
    return render(
        request,
        "organisations/membership_remove.html",
        {"organisation": organisation, "membership": membership},
    )
