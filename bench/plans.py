"""Count the SQL queries of the plan page and the school's plans view, small against large.

    .venv/bin/python bench/plans.py

Builds, in a fresh SQLite file in a temporary directory, a plan of 3 items and one of 60, and
a school of 5 plans and one of 200 (each plan with items in every status, some stalled).
Requests each page in-process through Django's test client and prints one JSON line with the
query counts and the median render time; exits 1 when a small/large pair of counts differs.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-bench-plans-")
os.environ["TRELLIS_DEBUG"] = "false"
os.environ["TRELLIS_TASKS"] = "immediate"
os.environ.setdefault("TRELLIS_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "trellis.settings"

import django  # noqa: E402 - the environment above must be in place first

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from frameworks.content_loader import load_builtin_frameworks  # noqa: E402
from frameworks.models import Competency, ProficiencyLevel  # noqa: E402
from organisations.actions import create_organisation  # noqa: E402
from organisations.models import Membership, Organisation, Person, Role  # noqa: E402
from plans.models import Goal, LearningPlan, PlanItem, TargetCompetency  # noqa: E402

ROUNDS = 5
STATUSES = list(PlanItem.Status.values)


def fill(plan: LearningPlan, count: int, competency: Competency, level: ProficiencyLevel) -> None:
    old = timezone.now() - timedelta(days=60)
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            kind="resource",
            title=f"Item {n}",
            status=STATUSES[n % 4],
            note="private",
            due_on=timezone.localdate() + timedelta(days=n % 7 - 3),
            updated_at=old if n % 5 == 0 else timezone.now(),
        )
        for n in range(count)
    )
    Goal.objects.bulk_create(Goal(plan=plan, text=f"Goal {n}") for n in range(3))
    TargetCompetency.objects.create(plan=plan, competency=competency, level=level)


def school(district: Organisation, name: str, plans: int, competency, level) -> Organisation:
    place = create_organisation(name, Organisation.Kind.SCHOOL, district)
    people = Person.objects.bulk_create(
        Person(email=f"{place.slug}-{n}@bench.example", password="!") for n in range(plans)
    )
    Membership.objects.bulk_create(
        Membership(person=p, organisation=place, role=Role.TEACHER) for p in people
    )
    for plan in LearningPlan.objects.bulk_create(
        LearningPlan(owner=p, organisation=place) for p in people
    ):
        fill(plan, 8, competency, level)
    return place


def measure(person: Person, url: str) -> dict:
    client = Client()
    client.force_login(person)
    client.get(url)  # warm caches and templates
    timings = []
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return {"queries": len(queries), "median_ms": round(statistics.median(timings) * 1000, 1)}


def main() -> int:
    call_command("migrate", interactive=False, verbosity=0)
    load_builtin_frameworks()
    competency = Competency.objects.filter(framework__organisation__isnull=True).first()
    level = ProficiencyLevel.objects.filter(framework=competency.framework).first()
    state = create_organisation("Bench State", Organisation.Kind.STATE)
    district = create_organisation("Bench District", Organisation.Kind.DISTRICT, state)
    home = create_organisation("Bench Home School", Organisation.Kind.SCHOOL, district)
    leader = Person.objects.create_user("leader@bench.example", "x")
    Membership.objects.create(person=leader, organisation=district, role=Role.POLICYMAKER)
    owners = {}
    for size in (3, 60):
        owners[size] = Person.objects.create_user(f"owner-{size}@bench.example", "x")
        Membership.objects.create(person=owners[size], organisation=home, role=Role.TEACHER)
        plan = LearningPlan.objects.create(owner=owners[size], organisation=home)
        fill(plan, size, competency, level)
        owners[size].plan = plan
    schools = {
        size: school(district, f"Bench School {size}", size, competency, level) for size in (5, 200)
    }
    results = {
        "plan_page_owner": {
            f"{n}_items": measure(owners[n], reverse("plans:detail", args=[owners[n].plan.pk]))
            for n in (3, 60)
        },
        "plan_page_leader": {
            f"{n}_items": measure(leader, reverse("plans:detail", args=[owners[n].plan.pk]))
            for n in (3, 60)
        },
        "school_view": {
            f"{n}_plans": measure(leader, reverse("plans:school", args=[schools[n].pk]))
            for n in (5, 200)
        },
    }
    pairs = [[v["queries"] for v in page.values()] for page in results.values()]
    results["bounded"] = all(len(set(pair)) == 1 for pair in pairs)
    print(json.dumps(results))
    return 0 if results["bounded"] else 1


if __name__ == "__main__":
    sys.exit(main())
