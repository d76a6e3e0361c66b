"""Approved reviewers score each requirement; one, two or three reviews decide the result."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.errors import ActionError
from organisations.models import Membership, Person

from ..models import Award, RequirementScore, Review, Reviewer, Submission, SubmissionEvent
from .awarding import award_credential


def eligible_reviewers(submission: Submission, exclude: set[int]) -> list[Person]:
    """Return the issuer's reviewers who may assess this submission, least busy first."""
    micro_credential = submission.micro_credential
    reviewers = Reviewer.objects.filter(issuer_id=micro_credential.issuer_id, active=True).exclude(
        person_id__in=exclude | {submission.earner_id}
    )
    if micro_credential.exclude_colleagues:
        colleagues = Membership.objects.filter(organisation_id=submission.organisation_id).values(
            "person_id"
        )
        reviewers = reviewers.exclude(person_id__in=colleagues)
    holders = Award.objects.filter(
        issuer_id=micro_credential.issuer_id,
        micro_credential__slug=micro_credential.slug,
        revoked_at__isnull=True,
    ).values("earner_id")
    # Peers review only what they have earned themselves; experts review anything.
    reviewers = reviewers.filter(Q(kind=Reviewer.Kind.EXPERT) | Q(person_id__in=holders))
    ranked = reviewers.annotate(
        open_reviews=Count("person__reviews", filter=Q(person__reviews__completed_at__isnull=True))
    ).order_by("open_reviews", "pk")
    return [r.person for r in ranked.select_related("person")]


def _notify_reviewers(reviews: list[Review]) -> None:
    def send() -> None:
        for review in reviews:
            link = settings.SITE_URL + reverse("credentials:review", args=[review.pk])
            send_mail(
                _("A submission is waiting for your review"),
                _("“%(t)s” is ready for you to review:\n%(link)s\n")
                % {"t": review.submission.micro_credential.title, "link": link},
                None,
                [review.reviewer.email],
                fail_silently=True,
            )

    transaction.on_commit(send)


@transaction.atomic
def assign_reviewers(submission: Submission, tiebreak: bool = False) -> list[Review]:
    """Give the current round the reviewers it still needs; none eligible leaves it queued."""
    current = list(submission.reviews.filter(round=submission.round))
    needed = 1 if tiebreak else (2 if submission.micro_credential.double_review else 1)
    needed -= sum(1 for r in current if r.is_tiebreak == tiebreak)
    if needed <= 0:
        return []
    taken = {r.reviewer_id for r in current}
    chosen = eligible_reviewers(submission, taken)[:needed]
    reviews = [
        Review.objects.create(
            submission=submission, round=submission.round, reviewer=person, is_tiebreak=tiebreak
        )
        for person in chosen
    ]
    _notify_reviewers(reviews)
    return reviews


@transaction.atomic
def claim_review(submission: Submission, person: Person) -> Review:
    """Let an eligible reviewer take a queued submission that still needs a reviewer."""
    # Claims take turns on the submission's row, so each counts the reviews before it.
    submission.refresh_from_db(from_queryset=Submission.objects.select_for_update())
    if submission.status != Submission.Status.SUBMITTED:
        raise ActionError(_("This submission is not waiting for review."))
    current = list(submission.reviews.filter(round=submission.round))
    if any(r.reviewer_id == person.pk for r in current):
        return next(r for r in current if r.reviewer_id == person.pk)
    if person.pk not in {p.pk for p in eligible_reviewers(submission, set())}:
        raise ActionError(_("You are not an approved reviewer for this submission."))
    wanted = 2 if submission.micro_credential.double_review else 1
    first_reviews = [r for r in current if not r.is_tiebreak]
    needs_tiebreak = (
        len(first_reviews) == 2
        and _disagree(first_reviews)
        and not any(r.is_tiebreak for r in current)
    )
    if len(first_reviews) >= wanted and not needs_tiebreak:
        raise ActionError(_("This submission already has its reviewers."))
    return Review.objects.create(
        submission=submission, round=submission.round, reviewer=person, is_tiebreak=needs_tiebreak
    )


def _disagree(reviews: list[Review]) -> bool:
    return all(r.completed_at for r in reviews) and len({r.decision for r in reviews}) > 1


@transaction.atomic
def record_review(
    review: Review, by: Person, scores: dict[int, tuple[bool, str]], feedback: str
) -> Review:
    """Score every requirement; all met means earned. Then settle the submission if it can be."""
    if review.reviewer_id != by.pk:
        raise ActionError(_("This submission is not assigned to you, so you cannot review it."))
    # Lock the submission, then the review, and read both afresh: a second post of the same
    # form finds the review completed, and the last of two reviewers sees the first's decision.
    submission = Submission.objects.select_for_update().get(pk=review.submission_id)
    review.refresh_from_db(from_queryset=Review.objects.select_for_update())
    review.submission = submission
    if review.completed_at:
        raise ActionError(_("You have already completed this review."))
    if submission.status != Submission.Status.SUBMITTED or review.round != submission.round:
        raise ActionError(_("This round of the submission is already decided."))
    requirements = list(submission.micro_credential.requirements.all())
    unscored = [r.title for r in requirements if r.pk not in scores]
    if unscored:
        raise ActionError(
            _("Score every requirement before finishing; missing: %(parts)s.")
            % {"parts": "; ".join(unscored)},
            field="scores",
        )
    if not feedback.strip():
        raise ActionError(
            _("Write feedback for the educator: what shows the competency, what to strengthen."),
            field="feedback",
        )
    RequirementScore.objects.bulk_create(
        RequirementScore(review=review, requirement=r, met=scores[r.pk][0], comment=scores[r.pk][1])
        for r in requirements
    )
    review.decision = (
        Review.Decision.EARNED
        if all(scores[r.pk][0] for r in requirements)
        else Review.Decision.NOT_YET
    )
    review.feedback = feedback.strip()
    review.completed_at = timezone.now()
    review.save(update_fields=["decision", "feedback", "completed_at"])
    SubmissionEvent.objects.create(
        submission=submission, round=submission.round, kind="reviewed", actor=by
    )
    _settle(submission)
    return review


def _settle(submission: Submission) -> None:
    reviews = list(submission.reviews.filter(round=submission.round))
    tiebreaks = [r for r in reviews if r.is_tiebreak]
    firsts = [r for r in reviews if not r.is_tiebreak]
    if tiebreaks:
        if tiebreaks[0].completed_at:
            _decide(submission, tiebreaks[0].decision, tiebreaks[0].reviewer)
        return
    wanted = 2 if submission.micro_credential.double_review else 1
    done = [r for r in firsts if r.completed_at]
    if len(done) < wanted:
        return
    if len({r.decision for r in done}) == 1:
        _decide(submission, done[0].decision, done[-1].reviewer)
    else:
        assign_reviewers(submission, tiebreak=True)


def _decide(submission: Submission, decision: str, by: Person) -> None:
    submission.status = (
        Submission.Status.EARNED
        if decision == Review.Decision.EARNED
        else Submission.Status.NOT_YET
    )
    submission.decided_at = timezone.now()
    submission.save(update_fields=["status", "decided_at"])
    SubmissionEvent.objects.create(
        submission=submission, round=submission.round, kind=submission.status, actor=by
    )
    if submission.status == Submission.Status.EARNED:
        award_credential(submission)
    link = settings.SITE_URL + reverse("credentials:submission", args=[submission.pk])
    subject = (
        _("You earned “%(t)s”")
        if submission.status == Submission.Status.EARNED
        else _("Feedback on “%(t)s”: not yet")
    ) % {"t": submission.micro_credential.title}
    email = submission.earner.email
    transaction.on_commit(
        lambda: send_mail(
            subject,
            _("The reviewers’ feedback is on your submission page:\n%(link)s\n") % {"link": link},
            None,
            [email],
            fail_silently=True,
        )
    )
