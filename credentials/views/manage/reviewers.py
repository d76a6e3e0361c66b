"""Approve and remove an issuer's reviewers; see how well they agree and how fast they are."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lib.errors import ActionError, attach_to_form
from lib.http import AuthenticatedHttpRequest
from organisations.access import people_by_email
from organisations.models import Person

from ... import actions
from ...access import get_issuer_for_manager, get_managed_reviewer
from ...calibration import ReviewRecord, calibrate, describe_duration
from ...forms.manage import ReviewerForm
from ...models import Review, Reviewer


@login_required
def reviewers(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_issuer_for_manager(request.user, issuer_slug)
    form = ReviewerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        # The pool is the people the manager may see; anyone else reads as no account at all.
        person = people_by_email(request.user, [email]).get(email)
        if person is None:
            form.add_error(
                "email",
                _(
                    "Nobody in your organisations has that email. Check the spelling, or "
                    "invite the person to your school or district first."
                ),
            )
        else:
            try:
                actions.approve_reviewer(issuer, person, form.cleaned_data["kind"], request.user)
            except ActionError as failure:
                attach_to_form(form, failure)
            else:
                messages.success(
                    request, _("%(name)s can now review.") % {"name": person.full_name}
                )
                return redirect("credentials:manage-reviewers", issuer.slug)
    seats = (
        Reviewer.objects.filter(issuer=issuer)
        .select_related("person")
        .annotate(
            open_reviews=Count(
                "person__reviews",
                filter=Q(
                    person__reviews__completed_at__isnull=True,
                    person__reviews__submission__micro_credential__issuer=issuer,
                ),
            )
        )
        .order_by("-active", "person__family_name", "person__given_name")
    )
    return render(
        request,
        "credentials/manage/reviewers.html",
        {"issuer": issuer, "seats": seats, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def remove_reviewer(request: AuthenticatedHttpRequest, reviewer_id: int) -> HttpResponse:
    seat = get_managed_reviewer(request.user, reviewer_id)
    try:
        actions.remove_reviewer(seat, request.user)
    except ActionError as failure:
        messages.error(request, failure.message)
    else:
        messages.success(
            request,
            _("%(name)s gets no new submissions; reviews already assigned stay with them.")
            % {"name": seat.person.full_name},
        )
    return redirect("credentials:manage-reviewers", seat.issuer.slug)


@login_required
@require_GET
def calibration(request: AuthenticatedHttpRequest, issuer_slug: str) -> HttpResponse:
    issuer = get_issuer_for_manager(request.user, issuer_slug)
    records = [
        ReviewRecord(submission, round_, reviewer, decision, assigned_at, completed_at, tiebreak)
        for submission, round_, reviewer, decision, assigned_at, completed_at, tiebreak in (
            Review.objects.filter(
                submission__micro_credential__issuer=issuer,
                completed_at__isnull=False,
                decision__in=[Review.Decision.EARNED, Review.Decision.NOT_YET],
            ).values_list(
                "submission_id",
                "round",
                "reviewer_id",
                "decision",
                "assigned_at",
                "completed_at",
                "is_tiebreak",
            )
        )
        if completed_at is not None  # the filter ensures it; mypy cannot read filters
    ]
    rows = calibrate(records)
    people = Person.objects.in_bulk([row.reviewer_id for row in rows])
    return render(
        request,
        "credentials/manage/calibration.html",
        {
            "issuer": issuer,
            "rows": [
                {
                    "person": people.get(row.reviewer_id),
                    "row": row,
                    "agreement": (
                        None if row.percent_agreement is None else row.percent_agreement * 100
                    ),
                    "turnaround": describe_duration(row.median_turnaround),
                }
                for row in rows
            ],
        },
    )
