"""A district's (or state's) picture: every school's assessment status and weakest areas."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q

from organisations.models import Organisation

from .models import Assessment, FocusArea, Instrument, Response


@dataclass
class SchoolRow:
    school: Organisation
    assessment: Assessment | None = None
    area_means: dict[int, float] = field(default_factory=dict)


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
    areas = list(FocusArea.objects.filter(instrument=instrument)) if instrument else []
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
    answers = Response.objects.filter(
        member__assessment_id__in=[a.pk for a in latest.values()],
        member__submitted_at__isnull=False,
        rating__gte=1,
    )
    per_school = answers.values(
        "member__assessment__organisation_id", "criterion__area__number"
    ).annotate(mean=Avg("rating"))
    rows = {school.pk: SchoolRow(school, latest.get(school.pk)) for school in schools}
    for item in per_school:
        row = rows.get(item["member__assessment__organisation_id"])
        if row:
            row.area_means[item["criterion__area__number"]] = round(item["mean"], 2)
    weakest = [
        AreaSummary(
            r["criterion__area__number"], r["criterion__area__title"], round(r["mean"], 2), r["n"]
        )
        for r in answers.values("criterion__area__number", "criterion__area__title")
        .annotate(mean=Avg("rating"), n=Count("id"))
        .order_by("mean", "criterion__area__number")
    ]
    return Overview(organisation, instrument, areas, list(rows.values()), weakest)
