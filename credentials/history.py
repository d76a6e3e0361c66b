"""Earlier rounds of a submission: what was sent, and what each round's reviewers said."""

from dataclasses import dataclass, field

from .models import Artifact, Requirement, Review, Submission, SubmissionRound


@dataclass
class RoundPart:
    requirement: Requirement
    text: str = ""
    artifacts: list[Artifact] = field(default_factory=list)


@dataclass
class PastRound:
    number: int
    submitted_at: object = None
    kept: bool = False  # False for rounds submitted before Trellis kept snapshots
    parts: list[RoundPart] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)

    @property
    def decision(self) -> str:
        """Return the round's result: the tie-break's if there was one, else the agreed one."""
        done = [r for r in self.reviews if r.completed_at]
        tiebreaks = [r for r in done if r.is_tiebreak]
        deciding = tiebreaks or done
        return deciding[0].get_decision_display() if deciding else ""


def past_rounds(
    submission: Submission, before: int, requirements: list[Requirement], with_reviews_of: int
) -> list[PastRound]:
    """Return rounds numbered below `before`, oldest first, in four queries.

    Reviews are attached to rounds numbered below `with_reviews_of`, so a page that already
    shows one round's feedback does not repeat it.
    """
    rounds: dict[int, PastRound] = {}
    snapshots = SubmissionRound.objects.filter(
        submission=submission, number__lt=before
    ).prefetch_related("artifacts")
    for snapshot in snapshots:
        texts = {item["requirement"]: item["text"] for item in snapshot.answers}
        files: dict[int, list[Artifact]] = {}
        for artifact in snapshot.artifacts.all():
            files.setdefault(artifact.requirement_id, []).append(artifact)
        rounds[snapshot.number] = PastRound(
            number=snapshot.number,
            submitted_at=snapshot.submitted_at,
            kept=True,
            parts=[
                RoundPart(r, texts.get(r.pk, ""), files.get(r.pk, []))
                for r in requirements
                if texts.get(r.pk) or files.get(r.pk)
            ],
        )
    reviews = (
        Review.objects.filter(
            submission=submission,
            round__lt=min(before, with_reviews_of),
            completed_at__isnull=False,
        )
        .prefetch_related("scores__requirement")
        .order_by("round", "is_tiebreak", "completed_at")
    )
    for review in reviews:
        rounds.setdefault(review.round, PastRound(number=review.round)).reviews.append(review)
    return [rounds[n] for n in sorted(rounds)]
