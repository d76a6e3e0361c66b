"""A district's (or state's) picture: every school's assessment status and weakest areas."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from organisations.models import Organisation

from .models import Assessment, FocusArea, Instrument, Response


@dataclass
class SchoolRow:
    school: Organisation
    assessment: Assessment | None = None
    area_means: dict[int, float] = field(default_factory=dict)
    # The means in the order of the overview's areas, blank where there is none.
    means: list[float | None] = field(default_factory=list)


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
    schools = list(
        Organisation.objects.filter(
            path__startswith=organisation.path, kind=Organisation.Kind.SCHOOL
        ).order_by("name")
    )
    latest: dict[int, Assessment] = {}
    assessments = (
        Assessment.objects.filter(
            organisation__path__startswith=organisation.path, instrument__slug=instrument_slug
        )
        .annotate(
            team_size=Count("members", distinct=True),
            submitted=Count(
                "members", filter=Q(members__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("organisation_id", "-created_at")
    )
    for assessment in assessments:
        latest.setdefault(assessment.organisation_id, assessment)
    # One pass over the answers, summed per assessment and area without joining the names in.
    per_assessment = (
        Response.objects.filter(
            member__assessment_id__in=[a.pk for a in latest.values()],
            member__submitted_at__isnull=False,
            rating__gte=1,
        )
        .values_list("member__assessment_id", "criterion__area_id")
        .annotate(total=Sum("rating"), n=Count("id"))
        .order_by()
    )
    organisation_of = {a.pk: a.organisation_id for a in latest.values()}
    rows = {school.pk: SchoolRow(school, latest.get(school.pk)) for school in schools}
    district: dict[tuple[int, str], list[int]] = {}
    for assessment_id, area_id, total, n in per_assessment:
        area = all_areas[area_id]
        row = rows.get(organisation_of[assessment_id])
        if row:
            row.area_means[area.number] = round(total / n, 2)
        sums = district.setdefault((area.number, area.title), [0, 0])
        sums[0] += total
        sums[1] += n
    for row in rows.values():
        row.means = [row.area_means.get(area.number) for area in areas]
    weakest = [
        AreaSummary(number, title, round(total / n, 2), n)
        for (number, title), (total, n) in sorted(
            district.items(), key=lambda item: (item[1][0] / item[1][1], item[0][0])
        )
    ]
    return Overview(organisation, instrument, areas, list(rows.values()), weakest)
