"""A district's (or state's) picture: every school's assessment status and weakest areas."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Count, Max, Sum

from organisations.models import Organisation

from .models import Assessment, FocusArea, Instrument, Response


class LatestAssessment(NamedTuple):
    """The figures the overview shows of a school's latest assessment."""

    id: int
    status: str
    team_size: int
    submitted: int
    last_submitted_at: datetime | None


# A day: entries never go stale (their key changes instead), this only frees the memory.
TOTALS_TTL = 24 * 60 * 60


@dataclass
class SchoolRow:
    school_id: int
    name: str
    # The school's latest assessment: its stage and submissions.
    assessment: LatestAssessment | None
    # The means in the order of the overview's areas, blank where there is none.
    means: list[float | None]
    # The assessment the means come from, when it is an earlier one (see results_of).
    results_from: LatestAssessment | None = None


@dataclass
class AreaSummary:
    number: int
    title: str
    mean: float
    answers: int


@dataclass
class DistrictRow:
    """One district of a state's overview: its schools' stages and its weakest area."""

    district_id: int
    name: str
    schools: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    # (area number, area title) -> [sum of ratings, number of ratings]
    sums: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    @property
    def assessed(self) -> int:
        return self.schools - self.status_counts.get("none", 0)

    @property
    def weakest(self) -> AreaSummary | None:
        return weakest_areas(self.sums)[0] if self.sums else None


@dataclass
class Overview:
    organisation: Organisation
    instrument: Instrument | None
    areas: list[FocusArea]
    schools: list[SchoolRow]
    weakest: list[AreaSummary]
    # For an organisation above districts (a state): one row per district, else empty.
    districts: list[DistrictRow] = field(default_factory=list)

    @property
    def status_counts(self) -> dict[str, int]:
        counts = {"none": 0, **{status: 0 for status in Assessment.Status.values}}
        for row in self.schools:
            counts[row.assessment.status if row.assessment else "none"] += 1
        return counts


def district_overview(organisation: Organisation, instrument_slug: str) -> Overview:
    """Gather the overview in a fixed number of queries, whatever the number of schools."""
    instrument = (
        Instrument.objects.filter(slug=instrument_slug, organisation__isnull=True)
        .order_by("-version")
        .first()
    )
    # Every version's areas: answers given on an older version count under its number.
    all_areas = {
        area.pk: area for area in FocusArea.objects.filter(instrument__slug=instrument_slug)
    }
    areas = [
        area for area in all_areas.values() if instrument and area.instrument_id == instrument.pk
    ]
    # Plain values rather than model instances: a state has thousands of schools. The
    # districts below come in the same query, for a state's rows by district.
    places = list(
        Organisation.objects.filter(
            path__startswith=organisation.path,
            kind__in=[Organisation.Kind.SCHOOL, Organisation.Kind.DISTRICT],
        )
        .values_list("id", "name", "kind", "parent_id")
        .order_by("name")
    )
    schools = [(pk, name) for pk, name, kind, _p in places if kind == Organisation.Kind.SCHOOL]
    districts = {
        pk: DistrictRow(pk, name)
        for pk, name, kind, _p in places
        if kind == Organisation.Kind.DISTRICT and pk != organisation.pk
    }
    district_of = {
        pk: parent for pk, _n, kind, parent in places if kind == Organisation.Kind.SCHOOL
    }
    # One join only (the members), so plain counts are exact and need no DISTINCT.
    assessments = (
        Assessment.objects.filter(
            organisation__path__startswith=organisation.path, instrument__slug=instrument_slug
        )
        .values_list("id", "organisation_id", "status")
        .annotate(
            team_size=Count("members"),
            submitted=Count("members__submitted_at"),
            last_submitted_at=Max("members__submitted_at"),
        )
        .order_by("organisation_id", "-created_at")
    )
    by_school: dict[int, list[LatestAssessment]] = {}
    for assessment_id, school_id, *figures in assessments:
        by_school.setdefault(school_id, []).append(LatestAssessment(assessment_id, *figures))
    latest = {school_id: found[0] for school_id, found in by_school.items()}
    results = {
        school_id: chosen
        for school_id, found in by_school.items()
        if (chosen := results_of(found)) is not None
    }
    school_means: dict[int, dict[int, float]] = {}
    district: dict[tuple[int, str], list[int]] = {}
    totals = area_totals(list(results.values()))
    for school_id, assessment in results.items():
        means = school_means[school_id] = {}
        row = districts.get(district_of.get(school_id))
        for area_id, total, n in totals[assessment.id]:
            area = all_areas[area_id]
            means[area.number] = round(total / n, 2)
            for sums_by_area in (district, row.sums) if row else (district,):
                sums = sums_by_area.setdefault((area.number, area.title), [0, 0])
                sums[0] += total
                sums[1] += n
    for school_id, _name in schools:
        row = districts.get(district_of[school_id])
        if row:
            status = latest[school_id].status if school_id in latest else "none"
            row.schools += 1
            row.status_counts[status] = row.status_counts.get(status, 0) + 1
    numbers = [area.number for area in areas]
    rows = []
    for school_id, name in schools:
        means = school_means.get(school_id, {})
        shown, source = latest.get(school_id), results.get(school_id)
        rows.append(
            SchoolRow(
                school_id,
                name,
                shown,
                [means.get(n) for n in numbers],
                source if source and shown and source.id != shown.id else None,
            )
        )
    return Overview(
        organisation, instrument, areas, rows, weakest_areas(district), list(districts.values())
    )


def results_of(assessments: list[LatestAssessment]) -> LatestAssessment | None:
    """Return the assessment whose results stand for the school, newest first given.

    A new assessment that is still collecting answers does not replace the last one the team
    discussed: its few early answers would stand for the whole school. So the results are those
    of the newest assessment past collecting, else of the newest one with any submission.
    """
    finished = [a for a in assessments if a.status != Assessment.Status.COLLECTING]
    if finished:
        return finished[0]
    return next((a for a in assessments if a.submitted), None)


def weakest_areas(sums: dict[tuple[int, str], list[int]]) -> list[AreaSummary]:
    """Return the areas by mean rating, lowest first (ties by area number)."""
    return [
        AreaSummary(number, title, round(total / n, 2), n)
        for (number, title), (total, n) in sorted(
            sums.items(), key=lambda item: (item[1][0] / item[1][1], item[0][0])
        )
    ]


AreaTotals = list[tuple[int, int, int]]


def area_totals(assessments: list[LatestAssessment]) -> dict[int, AreaTotals]:
    """Return each assessment's (area id, sum, count) of the ratings its members submitted.

    Submitted answers never change and members never withdraw a submission, so the totals
    depend only on who has submitted: they are cached under the count and time of the last
    submission, and a page sums only the assessments that changed since (one query, or none).
    """
    keys = {
        a.id: f"assessments:area-totals:{a.id}:{a.submitted}:"
        f"{a.last_submitted_at.isoformat() if a.last_submitted_at else ''}"
        for a in assessments
    }
    cached = cache.get_many(keys.values())
    result = {a_id: cached[key] for a_id, key in keys.items() if key in cached}
    missing = [a_id for a_id in keys if a_id not in result]
    if missing:
        computed: dict[int, AreaTotals] = {a_id: [] for a_id in missing}
        rows = (
            Response.objects.filter(
                member__assessment_id__in=missing,
                member__submitted_at__isnull=False,
                rating__gte=1,
            )
            .values_list("member__assessment_id", "criterion__area_id")
            .annotate(total=Sum("rating"), n=Count("id"))
            .order_by()
        )
        for assessment_id, area_id, total, n in rows:
            computed[assessment_id].append((area_id, total, n))
        cache.set_many({keys[a_id]: totals for a_id, totals in computed.items()}, TOTALS_TTL)
        result.update(computed)
    return result
