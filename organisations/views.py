"""Thin views over organisations, people, invitations and staff imports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lib.throttle import Key, over_limit

from . import actions
from .access import can_lead, get_led_organisation_for_user, get_organisation_for_user
from .forms import AcceptInvitationForm, InvitationForm, SignInForm, StaffFileForm
from .models import Invitation, Membership, Organisation, StaffImport
from .staff_import import decode_upload, parse_staff_csv


def sign_in_limits() -> list[tuple[Key, str]]:
    """Failed sign-ins are limited per client address and per account name."""
    return [
        ("ip", settings.SIGN_IN_RATE),
        (
            lambda _group, request: request.POST.get("username", "").strip().lower(),
            settings.SIGN_IN_ACCOUNT_RATE,
        ),
    ]


class SignInView(LoginView):
    """Sign in; after too many failures from one address or for one account, pause."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True
    form_class = SignInForm
    throttled = False

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.throttled = over_limit(request, "sign-in", sign_in_limits(), count=False)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "throttled": self.throttled}

    def form_invalid(self, form: SignInForm) -> HttpResponse:
        if not self.throttled:
            over_limit(self.request, "sign-in", sign_in_limits(), count=True)
        response = super().form_invalid(form)
        response.status_code = 429 if self.throttled else 200
        return response


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
        },
    )


@login_required
def people_list(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    query = request.GET.get("q", "").strip()
    memberships = Membership.objects.filter(
        organisation__path__startswith=organisation.path
    ).select_related("person", "organisation")
    if query:
        memberships = memberships.filter(
            Q(person__given_name__icontains=query)
            | Q(person__family_name__icontains=query)
            | Q(person__email__icontains=query)
        )
    page = Paginator(
        memberships.order_by("person__family_name", "person__given_name", "pk"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/people.html",
        {"organisation": organisation, "page": page, "query": query},
    )


@login_required
def invite(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_led_organisation_for_user(request.user, organisation_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.invite_person(
            organisation, form.cleaned_data["email"], form.cleaned_data["role"], request.user
        )
        messages.success(
            request,
            _("We emailed an invitation to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("organisations:people", organisation.pk)
    return render(
        request, "organisations/invite.html", {"organisation": organisation, "form": form}
    )


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation"), token=token, accepted_at__isnull=True
    )
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = actions.accept_invitation(
            invitation,
            form.cleaned_data["given_name"],
            form.cleaned_data["family_name"],
            form.cleaned_data["password"],
        )
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to %(org)s.") % {"org": invitation.organisation.name})
        return redirect("home")
    return render(
        request, "organisations/accept_invitation.html", {"invitation": invitation, "form": form}
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
        summary = actions.apply_staff_import(pending)
        messages.success(
            request,
            _(
                "Import finished: %(people_created)s people added, %(memberships_created)s "
                "memberships added, %(unchanged)s already here, %(rows_with_errors)s rows "
                "skipped because of errors."
            )
            % summary,
        )
        return redirect("organisations:import-preview", organisation.pk, pending.pk)
    parsed = parse_staff_csv(pending.content, set(actions.schools_by_name(organisation)))
    return render(
        request,
        "organisations/import_preview.html",
        {"organisation": organisation, "pending": pending, "parsed": parsed},
    )
