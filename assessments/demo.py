"""Give the demo schools team assessments at every stage, with plausible answers."""

import random
from datetime import timedelta

from django.utils import timezone

from organisations.demo import DemoDistrict
from organisations.models import Role

from .content_loader import load_builtin_instruments
from .models import (
    AreaAgreement,
    Assessment,
    Criterion,
    Instrument,
    NextStep,
    Response,
    TeamMember,
)

EVIDENCE = [
    "Grade-level teams plan together every week from a shared agenda.",
    "Two teachers led this year's professional learning days on project-based units.",
    "Our schedule protects a daily common planning hour for each grade.",
    "Teachers chose the focus of their own inquiry cycles this semester.",
    "We visit each other's classrooms a few times each quarter and share notes.",
    "The leadership team includes four classroom teachers with a real vote.",
    "Climate survey results were shared and discussed with the whole staff.",
    "New teachers are paired with a mentor for their first two years.",
]
GROWTH = [
    "Most decisions about time are still made without teachers in the room.",
    "We have no way to know who has which expertise beyond word of mouth.",
    "Teacher leaders are stretched thin; roles need protected time.",
    "Our measures of success are almost entirely test scores.",
    "Newer colleagues rarely hear about the vision or how they can shape it.",
    "Central office requests still arrive as compliance tasks.",
    "We need shared language and training for restorative practices.",
    "Feedback from classroom visits is informal and not followed up.",
]
POSITIONS = [
    "We agree this is partly in place; teachers and administrators see it differently because "
    "the structures exist on paper but are not used consistently.",
    "The team agrees this is a strength to build on and share with other schools.",
    "We agree this needs work first; it blocks progress in the other areas.",
]
ROLE_BIAS = {Role.TEACHER: -0.25, Role.ADMINISTRATOR: 0.3, Role.POLICYMAKER: 0.15}


def _rating(rng: random.Random, base: float, offset: float, role: str) -> int:
    if rng.random() < 0.06:
        return 0
    value = base + offset + ROLE_BIAS[role] + rng.gauss(0, 0.45)
    return max(1, min(3, round(value)))


def build_assessments(districts: list[DemoDistrict], seed: int = 7) -> None:
    """Create assessments across the districts; the first school of each shows a full cycle."""
    rng = random.Random(seed)
    load_builtin_instruments()
    rubric = Instrument.objects.get(
        organisation=None, slug="teacher-leadership-rubric", is_current=True
    )
    criteria = list(Criterion.objects.filter(area__instrument=rubric).select_related("area"))
    plan = []
    for demo in districts:
        coverage = {"clarendon": 1.0, "pomona": 0.7, "jefferson": 1.0}[demo.prefix]
        for index, school in enumerate(demo.schools):
            if index == 0:
                plan.append((demo, school, "closed", True, timezone.now() - timedelta(days=380)))
                plan.append((demo, school, "collecting", True, timezone.now() - timedelta(days=6)))
            elif rng.random() < coverage:
                status = rng.choices(["collecting", "discussing", "closed"], [4, 3, 3])[0]
                plan.append(
                    (
                        demo,
                        school,
                        status,
                        False,
                        timezone.now() - timedelta(days=rng.randint(3, 120)),
                    )
                )
    assessments = Assessment.objects.bulk_create(
        Assessment(
            organisation=school,
            instrument=rubric,
            title=f"Conditions for teacher leadership {created.year}",
            status=status,
            started_by=(demo.administrators[school.pk][-1]),
            created_at=created,
            closed_at=created + timedelta(days=30) if status == "closed" else None,
        )
        for demo, school, status, _first, created in plan
    )
    members, answers = [], []
    for assessment, (demo, school, status, first, created) in zip(assessments, plan, strict=True):
        team = _team(rng, demo, school, first and status == "collecting")
        base = rng.uniform(1.4, 2.5) + (0.3 if status == "closed" and not first else 0)
        offsets = {area: rng.gauss(0, 0.4) for area in range(1, 13)}
        for person, role in team:
            demo_account = person.email.startswith(f"{demo.prefix}.teacher@")
            submitted = status != "collecting" or (not demo_account and rng.random() < 0.7)
            member = TeamMember(
                assessment=assessment,
                person=person,
                role=role,
                invited_at=created,
                submitted_at=created + timedelta(days=rng.randint(1, 5)) if submitted else None,
            )
            members.append(member)
            if demo_account and status == "collecting":
                continue
            for criterion in criteria:
                if criterion.role != role or (not submitted and rng.random() < 0.5):
                    continue
                answers.append(
                    (
                        member,
                        criterion,
                        _rating(rng, base, offsets[criterion.area.number], role),
                        rng.choice(EVIDENCE) if rng.random() < 0.45 else "",
                        rng.choice(GROWTH) if rng.random() < 0.4 else "",
                        created,
                    )
                )
    TeamMember.objects.bulk_create(members, batch_size=1000)
    Response.objects.bulk_create(
        (
            Response(
                member=m,
                criterion=c,
                rating=r,
                evidence=e,
                growth=g,
                updated_at=t + timedelta(days=1),
            )
            for m, c, r, e, g, t in answers
        ),
        batch_size=2000,
    )
    _discussions(rng, [a for a in assessments if a.status != "collecting"], criteria)


def _team(rng: random.Random, demo: DemoDistrict, school, with_demo_accounts: bool) -> list:
    teachers = demo.teachers.get(school.pk, [])
    admins = demo.administrators.get(school.pk, [])
    chosen = [
        (p, Role.TEACHER) for p in rng.sample(teachers, min(len(teachers), rng.randint(4, 7)))
    ]
    chosen += [(p, Role.ADMINISTRATOR) for p in admins[:2]]
    chosen.append((rng.choice(demo.policymakers), Role.POLICYMAKER))
    if with_demo_accounts:
        chosen += [
            (demo.accounts["teacher"], Role.TEACHER),
            (demo.accounts["principal"], Role.ADMINISTRATOR),
        ]
    unique = {}
    for person, role in chosen:
        unique.setdefault(person.pk, (person, role))
    return list(unique.values())


def _discussions(
    rng: random.Random, assessments: list[Assessment], criteria: list[Criterion]
) -> None:
    areas = {c.area.pk: c.area for c in criteria}
    agreements, steps = [], []
    for assessment in assessments:
        for area in rng.sample(list(areas.values()), 3):
            agreements.append(
                AreaAgreement(
                    assessment=assessment,
                    area=area,
                    rating=rng.randint(1, 3),
                    position=rng.choice(POSITIONS),
                    updated_at=assessment.created_at,
                )
            )
            steps.append(
                NextStep(
                    assessment=assessment,
                    area=area,
                    description=f"Bring a proposal on {area.title.lower()} to the next staff day.",
                    due_on=(assessment.created_at + timedelta(days=45)).date(),
                    done=assessment.status == "closed",
                )
            )
    AreaAgreement.objects.bulk_create(agreements, batch_size=1000)
    NextStep.objects.bulk_create(steps, batch_size=1000)
