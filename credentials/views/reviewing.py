"""The reviewer's side: a queue, and scoring each requirement against its guide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lib.errors import ActionError
from lib.http import AuthenticatedHttpRequest

from .. import actions
from ..access import claimable_submissions, get_review_for_reviewer
from ..actions.reviewing import claim_review
from ..history import past_rounds
from ..models import Answer, Artifact, Review, Reviewer, Submission


@login_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    mine = Review.objects.filter(reviewer=request.user).select_related(
        "submission__micro_credential"
    )
    return render(
        request,
        "credentials/reviews.html",
        {
            "open": [r for r in mine if not r.completed_at],
            "done": [r for r in mine if r.completed_at][:50],
            "unassigned": claimable_submissions(request.user)[:50],
        },
    )


@login_required
@require_POST
def claim(request: AuthenticatedHttpRequest, submission_id: int) -> HttpResponse:
    issuers = Reviewer.objects.filter(person=request.user, active=True).values("issuer_id")
    submission = Submission.objects.filter(
        pk=submission_id, micro_credential__issuer_id__in=issuers
    ).first()
    if submission is None:
        raise Http404("No such submission.")
    try:
        review = claim_review(submission, request.user)
    except ActionError as failure:
        messages.error(request, failure.message)
        return redirect("credentials:reviews")
    return redirect("credentials:review", review.pk)


def _not_yours(request: HttpRequest) -> HttpResponse:
    """Say why, the same way whether the review exists or not, so nothing is revealed."""
    return render(
        request,
        "credentials/review_not_yours.html",
        {"message": _("This submission is not assigned to you, so you cannot review it.")},
        status=404,
    )


@login_required
def review(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    try:
        found = get_review_for_reviewer(request.user, review_id)
    except Http404:
        return _not_yours(request)
    submission = found.submission
    requirements = list(submission.micro_credential.requirements.all())
    errors = {}
    if request.method == "POST":
        scores = {}
        for requirement in requirements:
            value = request.POST.get(f"met-{requirement.pk}")
            if value in ("yes", "no"):
                scores[requirement.pk] = (
                    value == "yes",
                    request.POST.get(f"comment-{requirement.pk}", "").strip(),
                )
        try:
            actions.record_review(found, request.user, scores, request.POST.get("feedback", ""))
        except ActionError as failure:
            messages.error(request, failure.message)
            errors[failure.field or "form"] = failure.message
        else:
            messages.success(request, _("Review recorded. Thank you."))
            return redirect("credentials:reviews")
    answers = {a.requirement_id: a for a in Answer.objects.filter(submission=submission)}
    artifacts: dict[int, list[Artifact]] = {}
    for artifact in Artifact.objects.filter(submission=submission, detached_at__isnull=True):
        artifacts.setdefault(artifact.requirement_id, []).append(artifact)
    return render(
        request,
        "credentials/review.html",
        {
            "review": found,
            "submission": submission,
            "blind": submission.micro_credential.blind_review,
            "parts": [
                {
                    "requirement": r,
                    "answer": answers.get(r.pk),
                    "artifacts": artifacts.get(r.pk, []),
                    "met": request.POST.get(f"met-{r.pk}", ""),
                    "comment": request.POST.get(f"comment-{r.pk}", ""),
                }
                for r in requirements
            ],
            "feedback": request.POST.get("feedback", ""),
            "errors": errors,
            "earlier": past_rounds(
                submission, found.round, requirements, with_reviews_of=found.round
            ),
        },
    )
