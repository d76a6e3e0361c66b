"""An issuer's awards: search, revoke with a reason, and award a whole cohort in the background."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lib.errors import ActionError, attach_to_form
from lib.http import AuthenticatedHttpRequest
from organisations.access import can_lead, people_by_email, people_in, visible_organisations
from organisations.models import Organisation, Person

from ... import actions
from ...access import get_award_for_issuer_member, get_issuer_for_manager, get_managed_batch
from ...actions.awarding import holders_of
from ...forms.manage import BulkAwardForm
from ...models import Award, Issuer, MicroCredential
from .common import refuse

STATES = ("active", "revoked", "expired")


@login_required
@require_GET
def awards(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_issuer_for_manager(request.user, issuer_slug)
    query = request.GET.get("q", "").strip()
    state = request.GET.get("status", "")
    found = Award.objects.filter(issuer=issuer).select_related("micro_credential", "earner")
    if query:
        words = Q()
        for word in query.split():
            words &= (
                Q(earner__given_name__icontains=word)
                | Q(earner__family_name__icontains=word)
                | Q(earner__email__icontains=word)
                | Q(micro_credential__title__icontains=word)
            )
        found = found.filter(words)
    now = timezone.now()
    if state == "revoked":
        found = found.filter(revoked_at__isnull=False)
    elif state == "expired":
        found = found.filter(revoked_at__isnull=True, valid_until__lt=now)
    elif state == "active":
        found = found.filter(revoked_at__isnull=True).exclude(valid_until__lt=now)
    page = Paginator(found.order_by("-awarded_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "credentials/manage/awards.html",
        {"issuer": issuer, "page": page, "query": query, "state": state, "states": STATES},
    )


def _refusal(award: Award) -> str:
    return _("Only people who manage %(issuer)s can revoke its credentials.") % {
        "issuer": award.issuer.name
    }


@login_required
def revoke(request: AuthenticatedHttpRequest, award_id: UUID) -> HttpResponse:
    award = get_award_for_issuer_member(request.user, award_id)
    reason, errors = "", {}
    if request.method == "POST":
        reason = request.POST.get("reason", "")
        try:
            actions.revoke_credential(award, request.user, reason)
        except ActionError as failure:
            if failure.field != "reason":
                return refuse(request, failure.message)
            errors["reason"] = failure.message
        else:
            messages.success(
                request,
                _("Revoked. Verifiers now see “%(t)s” of %(name)s as revoked.")
                % {"t": award.micro_credential.title, "name": award.earner.full_name},
            )
            return redirect("credentials:manage-awards", award.issuer.slug)
    elif not can_lead(request.user, award.issuer.organisation):
        return refuse(
            request,
            _("Only people who manage %(issuer)s can revoke its credentials.")
            % {"issuer": award.issuer.name},
        )
    return render(
        request,
        "credentials/manage/revoke.html",
        {"issuer": award.issuer, "award": award, "reason": reason, "errors": errors},
        status=400 if errors else 200,
    )


def _cohort(form: BulkAwardForm, organisations: dict[str, Organisation], user: Person):
    """Return (people, unknown emails) for the emails and organisation chosen.

    Only people the user may see are found; anyone else's email is unknown, as if it had no
    account, so the preview names nobody from another district.
    """
    emails = form.cleaned_data["emails"]
    found = people_by_email(user, emails)
    people = {p.pk: p for p in found.values()}
    chosen = organisations.get(form.cleaned_data.get("organisation") or "")
    if chosen is not None:
        people.update({p.pk: p for p in people_in(chosen)})
    unknown = [email for email in emails if email not in found]
    return sorted(people.values(), key=lambda p: (p.family_name, p.given_name, p.email)), unknown


def _awardable(issuer: Issuer):
    return issuer.micro_credentials.filter(status=MicroCredential.Status.PUBLISHED).order_by(
        "title"
    )


@login_required
def bulk_award(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_issuer_for_manager(request.user, issuer_slug)
    organisations = {
        str(o.pk): o
        for o in visible_organisations(request.user)
        .filter(kind__in=[Organisation.Kind.SCHOOL, Organisation.Kind.DISTRICT])
        .order_by("path")
    }
    form = BulkAwardForm(
        request.POST or None,
        micro_credentials=_awardable(issuer),
        organisations=organisations.values(),
    )
    context = {"issuer": issuer, "form": form}
    if request.method == "POST" and form.is_valid():
        people, unknown = _cohort(form, organisations, request.user)
        micro_credential = form.cleaned_data["micro_credential"]
        if unknown:
            form.add_error(
                "emails",
                _(
                    "Nobody in your organisations has these emails: %(e)s. Check the spelling "
                    "or remove them, or invite those people to your school or district first."
                )
                % {"e": ", ".join(unknown[:20])},
            )
        elif not people:
            form.add_error("organisation", _("Nobody belongs there yet; choose another."))
        elif request.POST.get("confirm") == "yes":
            try:
                batch = actions.start_bulk_award(
                    micro_credential,
                    people,
                    request.user,
                    valid_until=form.cleaned_data["valid_until"],
                )
            except ActionError as failure:
                attach_to_form(form, failure)
            else:
                return redirect("credentials:manage-batch", batch.pk)
        else:
            held = holders_of(micro_credential)
            context.update(
                confirming=True,
                people=people,
                already=sum(1 for p in people if p.pk in held),
                micro_credential=micro_credential,
            )
            return render(request, "credentials/manage/bulk_confirm.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "credentials/manage/bulk_award.html", context, status=status)


@login_required
@require_GET
def batch(request: AuthenticatedHttpRequest, batch_id: int) -> HttpResponse:
    found = get_managed_batch(request.user, batch_id)
    finished = found.status in (found.Status.DONE, found.Status.FAILED)
    context = {
        "batch": found,
        "issuer": found.issuer,
        "finished": finished,
        "failed": (
            found.total - found.done - found.skipped if found.status == found.Status.FAILED else 0
        ),
        "percent": round(100 * (found.done + found.skipped) / found.total) if found.total else 100,
    }
    if request.htmx:
        return render(request, "credentials/manage/_batch_progress.html", context)
    return render(request, "credentials/manage/batch.html", context)
