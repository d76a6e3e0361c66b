"""Thin views over organisations, people, invitations and staff imports."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import actions
from .access import (
    can_lead,
    can_see,
    forget_memberships,
    get_led_organisation_for_user,
    get_membership_for_user,
    get_organisation_for_user,
    get_pending_invitation_for_user,
    pending_invitations_below,
)
from .forms import (
    AcceptInvitationForm,
    InvitationForm,
    RoleChangeForm,
    StaffFileForm,
)
from .links import offered_links
from .models import Invitation, Membership, Organisation, Person, StaffImport
from .staff_import import decode_upload, parse_staff_csv


def people_below_children(organisation: Organisation) -> dict[int, int]:
    """Count the people in each child organisation and everything below it, in one query.

    People are counted once per organisation they belong to, so someone who teaches at two
    schools of a district counts twice in it: the price of not scanning every membership.
    """
    depth = len(organisation.path.strip("/").split("/"))
    counts: dict[int, int] = {}
    for path, n in (
        Membership.objects.filter(organisation__path__startswith=organisation.path)
        .exclude(organisation=organisation)
        .values_list("organisation__path")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    ):
        child_id = int(path.strip("/").split("/")[depth])
        counts[child_id] = counts.get(child_id, 0) + n
    return counts


@login_required
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, organisation_id)
    children = list(Organisation.objects.filter(parent=organisation))
    people = people_below_children(organisation)
    for child in children:
        child.people = people.get(child.pk, 0)
    role_counts = dict(
        Membership.objects.filter(organisation__path__startswith=organisation.path)
        .values_list("role")
        .annotate(n=Count("id"))
    )
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "children": children,
            "role_counts": role_counts,
            "leads": can_lead(request.user, organisation),
            "offered_links": offered_links(organisation, request.user),
        },
    )


@login_required
def people_list(request: HttpRequest, organisation_id: int) -> HttpResponse:
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
def invite(request: HttpRequest, organisation_id: int) -> HttpResponse:
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
    request: HttpRequest, organisation_id: int, invitation_id: int
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
    request: HttpRequest, organisation_id: int, invitation_id: int
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


def after_membership_change(request: HttpRequest, organisation: Organisation) -> HttpResponse:
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
def membership_role(request: HttpRequest, organisation_id: int, membership_id: int) -> HttpResponse:
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
    request: HttpRequest, organisation_id: int, membership_id: int
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


@login_required
def staff_import_upload(request: HttpRequest, organisation_id: int) -> HttpResponse:
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
    request: HttpRequest, organisation_id: int, import_id: int
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
                "Import finished: %(new_people)s new people invited, %(joined)s people already "
                "on Trellis added here, %(unchanged)s already here, %(rows_with_errors)s rows "
                "skipped because of errors."
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
