"""Accept an invitation: choose a password, or join with the account one already has."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import actions
from ..forms import AcceptInvitationForm
from ..models import Invitation, Membership, Person


def say_joined(request: HttpRequest, membership: Membership, outcome: str) -> None:
    """Tell the person where they now belong and whether their role changed."""
    names = {
        "org": membership.organisation.name,
        "role": membership.get_role_display().lower(),
    }
    if outcome == "kept":
        text = _("You already belong to %(org)s as %(role)s; your role there stays the same.")
    elif outcome == "raised":
        text = _("Welcome to %(org)s. Your role there is now %(role)s, as the invitation says.")
    else:
        text = _("Welcome to %(org)s.")
    messages.success(request, text % names)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation", "invited_by"), token=token
    )
    if not invitation.is_pending or invitation.is_expired:
        return unusable_invitation(request, invitation)
    account = Person.objects.filter(email=invitation.email).first()
    if account is not None and (account.has_usable_password() or not account.is_active):
        return join_with_account(request, invitation, account)
    initial = (
        {"given_name": account.given_name, "family_name": account.family_name} if account else {}
    )
    form = AcceptInvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person, membership, outcome = actions.accept_invitation(
                invitation,
                form.cleaned_data["given_name"],
                form.cleaned_data["family_name"],
                form.cleaned_data["password"],
            )
        except actions.InvitationUnusable:
            return redirect("invitation-accept", token)
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        say_joined(request, membership, outcome)
        return redirect("home")
    return render(
        request,
        "organisations/accept_invitation.html",
        {"invitation": invitation, "form": form, "state": "choose-password"},
    )


def join_with_account(
    request: HttpRequest, invitation: Invitation, account: Person
) -> HttpResponse:
    """Let the owner of an existing account join by signing in; never change their password."""
    if not account.is_active:
        state = "inactive"
    elif request.user.is_authenticated and request.user.pk == account.pk:
        state = "join"
        if request.method == "POST":
            try:
                membership, outcome = actions.join_by_invitation(invitation, request.user)
            except actions.InvitationUnusable:
                return redirect("invitation-accept", invitation.token)
            say_joined(request, membership, outcome)
            return redirect("organisations:detail", membership.organisation_id)
    elif request.user.is_authenticated:
        state = "other-account"
    else:
        state = "sign-in"
    return render(
        request,
        "organisations/accept_invitation.html",
        {"invitation": invitation, "state": state, "here": request.path},
    )


def unusable_invitation(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Explain why the link no longer works and offer the way forward."""
    if invitation.accepted_at:
        state = "accepted"
    elif invitation.revoked_at:
        state = "revoked"
    else:
        state = "expired"
        if request.method == "POST" and request.POST.get("renew"):
            if actions.request_new_invitation(invitation):
                messages.success(
                    request,
                    _(
                        "We asked the people who lead %(org)s to send you a new invitation; it "
                        "will come to %(email)s."
                    )
                    % {"org": invitation.organisation.name, "email": invitation.email},
                )
            else:
                messages.error(
                    request,
                    _(
                        "Nobody at %(org)s can send invitations on Trellis yet; ask your school "
                        "or district office to invite you again."
                    )
                    % {"org": invitation.organisation.name},
                )
            return redirect("invitation-accept", invitation.token)
    return render(
        request,
        "organisations/invitation_unusable.html",
        {"invitation": invitation, "state": state},
        status=410,
    )
