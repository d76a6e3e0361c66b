"""A district's (or state's) picture: every school's assessment status and weakest areas."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, Sum

from organisations.models import Organisation

from .models import Assessment, FocusArea, Instrument, Response


class LatestAssessment(NamedTuple):
    """The figures the overview shows of a school's latest assessment."""

    id: int
    status: str
    team_size: int
    submitted: int


@dataclass
class SchoolRow:
    school_id: int
    name: str
    assessment: LatestAssessment | None
    # The means in the order of the overview's areas, blank where there is none.
    means: list[float | None]


@dataclass
class AreaSummary:
    number: int
    title: str
    mean: float
    answers: int


@dataclass
class Overview:
    organisation: Organisation
    instrument: Instrument | None
    areas: list[FocusArea]
    schools: list[SchoolRow]
    weakest: list[AreaSummary]

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
    # Plain values rather than model instances: a state has thousands of schools.
    schools = (
        Organisation.objects.filter(
            path__startswith=organisation.path, kind=Organisation.Kind.SCHOOL
        )
        .values_list("id", "name")
        .order_by("name")
    )
    # One join only (the members), so plain counts are exact and need no DISTINCT.
    assessments = (
        Assessment.objects.filter(
            organisation__path__startswith=organisation.path, instrument__slug=instrument_slug
        )
        .values_list("id", "organisation_id", "status")
        .annotate(team_size=Count("members"), submitted=Count("members__submitted_at"))
        .order_by("organisation_id", "-created_at")
    )
    latest: dict[int, LatestAssessment] = {}
    for assessment_id, school_id, status, team_size, submitted in assessments:
        if school_id not in latest:
            latest[school_id] = LatestAssessment(assessment_id, status, team_size, submitted)
    # One pass over the answers, summed per assessment and area without joining the names in.
    per_assessment = (
        Response.objects.filter(
            member__assessment_id__in=[a.id for a in latest.values()],
            member__submitted_at__isnull=False,
            rating__gte=1,
        )
        .values_list("member__assessment_id", "criterion__area_id")
        .annotate(total=Sum("rating"), n=Count("id"))
        .order_by()
    )
    school_of = {a.id: school_id for school_id, a in latest.items()}
    school_means: dict[int, dict[int, float]] = {}
    district: dict[tuple[int, str], list[int]] = {}
    for assessment_id, area_id, total, n in per_assessment:
        area = all_areas[area_id]
        means = school_means.setdefault(school_of[assessment_id], {})
        means[area.number] = round(total / n, 2)
        sums = district.setdefault((area.number, area.title), [0, 0])
        sums[0] += total
        sums[1] += n
    numbers = [area.number for area in areas]
    rows = []
    for school_id, name in schools:
        means = school_means.get(school_id, {})
        rows.append(
            SchoolRow(school_id, name, latest.get(school_id), [means.get(n) for n in numbers])
        )
    weakest = [
        AreaSummary(number, title, round(total / n, 2), n)
        for (number, title), (total, n) in sorted(
            district.items(), key=lambda item: (item[1][0] / item[1][1], item[0][0])
        )
    ]
    return Overview(organisation, instrument, areas, rows, weakest)
