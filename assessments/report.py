"""Build the team report: each focus area's ratings, notes and divergence, widest first."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from math import sqrt
from statistics import fmean
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Avg
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.models import Role

from .models import (
    AreaAgreement,
    Assessment,
    Criterion,
    FocusArea,
    Instrument,
    NextStep,
    Rating,
    Recommendation,
    Response,
    TeamMember,
)

# Below this spread the team broadly agrees; one rating a full step from the others crosses it.
DIFFERENCE_THRESHOLD = 0.5
ROLES = [Role.TEACHER, Role.ADMINISTRATOR, Role.POLICYMAKER]


class GivenAnswer(NamedTuple):
    """What a member answered for one criterion: read as plain values, as a report only reads."""

    rating: int | None
    evidence: str
    growth: str


class MemberAnswer(NamedTuple):
    member: TeamMember
    response: GivenAnswer | None
    rating: int | None


class RoleSummary(NamedTuple):
    """How one role rated one area: the mean of its ratings and how many stand behind it."""

    mean: float | None
    rated: int
    dont_know: int
    answered: int

    def describe(self) -> str:
        """Say how many ratings stand behind the mean, and how many said they don't know."""
        if not self.answered:
            return _("no answers yet")
        text = ngettext("%(n)s rating", "%(n)s ratings", self.rated) % {"n": self.rated}
        if self.dont_know:
            text += ", " + ngettext("%(n)s don’t know", "%(n)s don’t know", self.dont_know) % {
                "n": self.dont_know
            }
        return text


def role_plurals(roles: list[str]) -> dict[str, str]:
    """Return the plural name of each role (teachers, administrators…), in the order given."""
    names = {Role.TEACHER: _("Teachers"), Role.ADMINISTRATOR: _("Administrators")}
    return {role: names.get(role, _("Policymakers")) for role in roles}


@dataclass
class AreaReport:
    """One focus area of the report; its figures are computed once, as the answers are final."""

    area: FocusArea
    criteria: dict[str, Criterion]
    answers: dict[str, list[MemberAnswer]]
    recommendations: dict[str, list[Recommendation]]
    agreement: AreaAgreement | None = None
    next_steps: list[NextStep] = field(default_factory=list)
    previous_mean: float | None = None

    @cached_property
    def ratings(self) -> list[int]:
        """Return the numeric ratings given, leaving out "don't know" and blanks."""
        return [a.rating for answers in self.answers.values() for a in answers if a.rating]

    @cached_property
    def mean(self) -> float | None:
        return round(fmean(self.ratings), 2) if self.ratings else None

    @cached_property
    def divergence(self) -> float:
        """Return the spread of ratings (population standard deviation), 0 when unanimous."""
        if len(self.ratings) < 2:
            return 0.0
        # Plain floats: statistics.pstdev works in exact fractions, slow on a 60-person team.
        mean = fmean(self.ratings)
        return round(sqrt(fmean([(r - mean) ** 2 for r in self.ratings])), 2)

    @cached_property
    def role_means(self) -> dict[str, float | None]:
        return {role: summary.mean for role, summary in self.by_role.items()}

    @cached_property
    def by_role(self) -> dict[str, RoleSummary]:
        """Return each role's mean rating with the number of ratings and "don't know" answers."""
        result = {}
        for role, answers in self.answers.items():
            values = [a.rating for a in answers if a.rating]
            result[role] = RoleSummary(
                mean=round(fmean(values), 2) if values else None,
                rated=len(values),
                dont_know=sum(1 for a in answers if a.rating == Rating.DONT_KNOW),
                answered=len(answers),
            )
        return result

    @property
    def one_voice(self) -> bool:
        """Return whether a single rating stands behind the figures, so nothing is shared yet."""
        return len(self.ratings) == 1

    @cached_property
    def counts(self) -> dict[int, int]:
        tally = {value: 0 for value in Rating.values}
        for answers in self.answers.values():
            for answer in answers:
                if answer.rating is not None:
                    tally[answer.rating] += 1
        return tally

    @property
    def change(self) -> float | None:
        if self.previous_mean is None or self.mean is None:
            return None
        return round(self.mean - self.previous_mean, 2)

    @cached_property
    def category(self) -> str:
        if not self.ratings:
            return "unrated"
        if self.divergence >= DIFFERENCE_THRESHOLD:
            return "differ"
        return "strength" if (self.mean or 0) >= Rating.MEETS else "growth"

    @cached_property
    def evidence_notes(self) -> list[tuple[TeamMember, str]]:
        return self.notes("evidence")

    @cached_property
    def growth_notes(self) -> list[tuple[TeamMember, str]]:
        return self.notes("growth")

    def notes(self, kind: str) -> list[tuple[TeamMember, str]]:
        """Return the evidence or growth notes written for this area, by member."""
        return [
            (a.member, getattr(a.response, kind))
            for answers in self.answers.values()
            for a in answers
            if a.response and getattr(a.response, kind)
        ]


@dataclass
class TeamReport:
    assessment: Assessment
    members: list[TeamMember]
    areas: list[AreaReport]
    previous: Assessment | None

    def section(self, category: str) -> list[AreaReport]:
        chosen = [a for a in self.areas if a.category == category]
        if category == "differ":
            return sorted(chosen, key=lambda a: (-a.divergence, a.area.number))
        if category == "strength":
            return sorted(chosen, key=lambda a: (-(a.mean or 0), a.area.number))
        return sorted(chosen, key=lambda a: ((a.mean or 0), a.area.number))

    @cached_property
    def ordered(self) -> list[AreaReport]:
        """Return areas with differing perceptions first, then strengths, then growth areas."""
        return [a for c in ("differ", "strength", "growth", "unrated") for a in self.section(c)]

    @property
    def submitted_count(self) -> int:
        return sum(1 for m in self.members if m.submitted_at)

    @property
    def roles_present(self) -> list[str]:
        present = {m.role for m in self.members}
        return [r for r in ROLES if r in present]


def build_team_report(assessment: Assessment) -> TeamReport:
    """Gather everything the report shows in a fixed number of queries."""
    areas, criteria, recommendations = instrument_content(assessment.instrument)
    members = team_of(assessment)
    shown = [m for m in members if m.submitted_at]
    responses = submitted_answers(assessment, shown)
    agreements = {a.area_id: a for a in AreaAgreement.objects.filter(assessment=assessment)}
    steps = defaultdict(list)
    for step in NextStep.objects.filter(assessment=assessment).select_related("owner"):
        steps[step.area_id].append(step)
    previous = previous_assessment(assessment)
    previous_means = closed_area_means(previous) if previous else {}

    criteria_by_area: dict[int, dict[str, Criterion]] = defaultdict(dict)
    for criterion in criteria:
        criteria_by_area[criterion.area_id][criterion.role] = criterion
    recs_by_area: dict[int, dict[str, list[Recommendation]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for rec in recommendations:
        recs_by_area[rec.area_id][rec.role].append(rec)

    reports = []
    for area in areas:
        answers: dict[str, list[MemberAnswer]] = {role: [] for role in ROLES}
        for member in shown:
            criterion = criteria_by_area[area.id].get(member.role)
            if criterion:
                given = responses.get((member.id, criterion.id))
                answers[member.role].append(
                    MemberAnswer(member, given, given.rating if given else None)
                )
        reports.append(
            AreaReport(
                area=area,
                criteria=criteria_by_area[area.pk],
                answers=answers,
                recommendations=dict(recs_by_area[area.pk]),
                agreement=agreements.get(area.pk),
                next_steps=steps[area.pk],
                previous_mean=previous_means.get(area.key),
            )
        )
    return TeamReport(assessment=assessment, members=members, areas=reports, previous=previous)


def previous_assessment(assessment: Assessment) -> Assessment | None:
    """Return the same organisation's last closed assessment on the same instrument."""
    return (
        Assessment.objects.filter(
            organisation_id=assessment.organisation_id,
            instrument__slug=assessment.instrument.slug,
            status=Assessment.Status.CLOSED,
            created_at__lt=assessment.created_at,
        )
        .order_by("-created_at")
        .first()
    )


def team_of(assessment: Assessment) -> list[TeamMember]:
    """Return the assessment's team, each member with their person."""
    return list(assessment.members.select_related("person"))


def submitted_answers(
    assessment: Assessment, submitted: list[TeamMember]
) -> dict[tuple[int, int], GivenAnswer]:
    """Return the answers of the members who submitted, by (member id, criterion id).

    Cached: submitted answers never change and a submission is never withdrawn, so the answers
    are the same as long as the same members have submitted at the same times.
    """
    seats = ",".join(f"{m.id}@{m.submitted_at.isoformat()}" for m in submitted if m.submitted_at)
    digest = hashlib.sha256(seats.encode()).hexdigest()
    key = f"assessments:submitted-answers:{assessment.pk}:{digest}"
    answers = cache.get(key)
    if answers is None:
        # Hundreds of answers in a large team: plain tuples cost a fraction of model instances.
        answers = {
            (member_id, criterion_id): GivenAnswer(rating, evidence, growth)
            for member_id, criterion_id, rating, evidence, growth in Response.objects.filter(
                member__in=[m.id for m in submitted]
            ).values_list("member_id", "criterion_id", "rating", "evidence", "growth")
        }
        cache.set(key, answers, CACHE_TTL)
    return answers


# Cached content never goes stale (see each function); this only frees the memory.
CACHE_TTL = 24 * 60 * 60


def instrument_content(
    instrument: Instrument,
) -> tuple[list[FocusArea], list[Criterion], list[Recommendation]]:
    """Return the instrument's focus areas (with their groups), criteria and recommendations.

    Cached: an instrument in use never changes (editing one makes a new version), and a
    report's instrument is in use. The key holds the creation time as well as the id, so an
    id used again after a rolled-back transaction cannot return another instrument's content.
    """
    key = f"assessments:instrument-content:{instrument.pk}:{instrument.created_at.isoformat()}"
    content = cache.get(key)
    if content is None:
        content = (
            list(FocusArea.objects.filter(instrument=instrument).select_related("group")),
            list(Criterion.objects.filter(area__instrument=instrument)),
            list(Recommendation.objects.filter(area__instrument=instrument)),
        )
        cache.set(key, content, CACHE_TTL)
    return content


def closed_area_means(assessment: Assessment) -> dict[str, float]:
    """Return area_means() of a closed assessment, cached: once closed, its answers are final."""
    key = f"assessments:closed-area-means:{assessment.pk}:{assessment.created_at.isoformat()}"
    means = cache.get(key)
    if means is None:
        means = area_means(assessment)
        if assessment.status == Assessment.Status.CLOSED:
            cache.set(key, means, CACHE_TTL)
    return means


def area_means(assessment: Assessment) -> dict[str, float]:
    """Return each area's mean rating from submitted answers, keyed by area key."""
    rows = (
        Response.objects.filter(
            member__assessment=assessment, member__submitted_at__isnull=False, rating__gte=1
        )
        .values("criterion__area__key")
        .annotate(mean=Avg("rating"))
    )
    return {row["criterion__area__key"]: round(row["mean"], 2) for row in rows}
