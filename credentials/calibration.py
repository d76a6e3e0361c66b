"""Reviewer calibration: agreement with other reviewers and turnaround, from plain review records.

Agreement is measured over double-reviewed rounds: the first two reviews of a round (never the
third, tie-breaking one, which by design sides with one of them) form a pair, and each reviewer's
decisions are compared with their partners'. Cohen's kappa corrects percent agreement for the
agreement two reviewers would reach by chance given how often each says "earned".
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

EARNED = "earned"
NOT_YET = "not_yet"


@dataclass(frozen=True)
class ReviewRecord:
    """One completed review: which round of which submission, who, what and when."""

    submission_id: int
    round: int
    reviewer_id: int
    decision: str
    assigned_at: datetime
    completed_at: datetime
    is_tiebreak: bool = False


@dataclass(frozen=True)
class Kappa:
    value: float | None
    # Why there is no value, in words an issuer understands; empty when there is one. It is
    # kept in English and translated where it is shown ({% translate %} in the template).
    reason: str = ""


@dataclass(frozen=True)
class ReviewerCalibration:
    reviewer_id: int
    reviews: int
    pairs: int
    percent_agreement: float | None
    kappa: Kappa
    median_turnaround: timedelta | None


NO_PAIRS = gettext_noop("No double-reviewed submissions shared with another reviewer yet.")
NO_VARIATION = gettext_noop(
    "Both sides of every pair gave the same single result, so agreement by chance is already "
    "100% and kappa cannot be computed."
)


def agreement_pairs(records: list[ReviewRecord]) -> dict[int, list[tuple[str, str]]]:
    """Return, per reviewer, (their decision, the other reviewer's decision) for each pair."""
    rounds: dict[tuple[int, int], list[ReviewRecord]] = defaultdict(list)
    for record in records:
        if not record.is_tiebreak:
            rounds[(record.submission_id, record.round)].append(record)
    pairs: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for reviews in rounds.values():
        if len(reviews) < 2:
            continue
        first, second = sorted(reviews, key=lambda r: (r.assigned_at, r.reviewer_id))[:2]
        pairs[first.reviewer_id].append((first.decision, second.decision))
        pairs[second.reviewer_id].append((second.decision, first.decision))
    return dict(pairs)


def percent_agreement(pairs: list[tuple[str, str]]) -> float | None:
    """Return the share of pairs with the same decision, or None without pairs."""
    if not pairs:
        return None
    return sum(1 for mine, other in pairs if mine == other) / len(pairs)


def cohens_kappa(pairs: list[tuple[str, str]]) -> Kappa:
    """Return Cohen's kappa for two raters over earned / not yet decisions."""
    if not pairs:
        return Kappa(None, NO_PAIRS)
    total = len(pairs)
    observed = sum(1 for mine, other in pairs if mine == other) / total
    expected = 0.0
    for category in (EARNED, NOT_YET):
        mine = sum(1 for decision, _other in pairs if decision == category) / total
        other = sum(1 for _mine, decision in pairs if decision == category) / total
        expected += mine * other
    if abs(1 - expected) < 1e-12:
        return Kappa(None, NO_VARIATION)
    return Kappa((observed - expected) / (1 - expected))


def median_turnaround(records: list[ReviewRecord]) -> timedelta | None:
    """Return the median time from assignment (or claim) to completion."""
    seconds = [(r.completed_at - r.assigned_at).total_seconds() for r in records]
    if not seconds:
        return None
    return timedelta(seconds=median(seconds))


def calibrate(records: list[ReviewRecord]) -> list[ReviewerCalibration]:
    """Return one row per reviewer, most reviews first."""
    pairs = agreement_pairs(records)
    by_reviewer: dict[int, list[ReviewRecord]] = defaultdict(list)
    for record in records:
        by_reviewer[record.reviewer_id].append(record)
    rows = [
        ReviewerCalibration(
            reviewer_id=reviewer_id,
            reviews=len(own),
            pairs=len(pairs.get(reviewer_id, [])),
            percent_agreement=percent_agreement(pairs.get(reviewer_id, [])),
            kappa=cohens_kappa(pairs.get(reviewer_id, [])),
            median_turnaround=median_turnaround(own),
        )
        for reviewer_id, own in by_reviewer.items()
    ]
    return sorted(rows, key=lambda row: (-row.reviews, row.reviewer_id))


def describe_duration(duration: timedelta | None) -> str:
    """Return a duration rounded for people: minutes, hours or days."""
    if duration is None:
        return ""
    hours = duration.total_seconds() / 3600
    if hours < 1:
        return _("%(n)s min") % {"n": max(1, round(hours * 60))}
    if hours < 48:
        return _("%(n)s hours") % {"n": number_format(hours, 1)}
    return _("%(n)s days") % {"n": number_format(hours / 24, 1)}
