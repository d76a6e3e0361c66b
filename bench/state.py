"""Measure the pages a state or district person opens, for a whole state of 100,000 educators.

    .venv/bin/python bench/state.py [--districts 30] [--schools 50] [--teachers 3334] [--rounds 5]

Builds, in a fresh SQLite file in a temporary directory, the built-in content and one state
(Organisation kind STATE) of `--districts` districts × `--schools` schools with `--teachers`
teachers per district (by default 30 × 50 = 1,500 schools and 100,020 teachers), two or three
administrators per school, five policymakers per district and one state policymaker, all in bulk
with the demo's own builders (`organisations.demo`). Then, also with the demo's builders,
about 70% of the schools get a team assessment at some stage with plausible answers
(`assessments.demo.build_assessments`), and cheaply, in bulk: the state becomes an issuer
of the starter micro-credentials and awards 1,000 signed credentials across the state (one
district's own issuer awards 20 more), and the first school of every district keeps a learning
plan for each of its teachers. Prints the build time.

Then requests each page in-process through Django's test client, signed in (force_login), for
three people: a SMALL scope (the first district's policymaker, and the principal of that
district's first school) and the LARGE one (the state policymaker), each on their own
organisation. For each page: the SQL queries of one warm request, the median of `--rounds`
renders, the size of the response, and the ratio of the median to `/healthz` measured in the
same run. Pages: home, organisation detail, people list, assessments overview, assessments list,
frameworks list, micro-credentials catalogue, school plans view, learning home, starting a
cohort and assigning a plan template (each names people from the whole organisation, through a
people picker), a search in that picker, and GET /api/v1/organisations/{id}/credentials with a
personal API token.

Prints a table on stderr and one JSON line on stdout; exits 1 when a page's query count for the
state differs from the district's or the school's. Pages slower than 1 s or larger than 500 KB
for the state are listed under "slow_or_huge" (a report, not a failure: times move with the
machine). `/healthz` is timed in-process too, so its ratios are not those of bench/assessments.py,
which times a served page over HTTP.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
VAR_DIR = Path(tempfile.mkdtemp(prefix="trellis-bench-state-"))
os.environ["TRELLIS_VAR_DIR"] = str(VAR_DIR)
os.environ["TRELLIS_DEBUG"] = "false"  # as served in production: no query log, no debug pages
os.environ["TRELLIS_TASKS"] = "immediate"
os.environ.setdefault("TRELLIS_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "trellis.settings"
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402 - the environment above must be in place first

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from api import actions as api_actions  # noqa: E402
from assessments.demo import build_assessments  # noqa: E402
from assessments.models import Assessment, Response  # noqa: E402
from credentials import actions as credential_actions  # noqa: E402
from credentials.actions.awarding import issue_awards  # noqa: E402
from credentials.content_loader import publish_starter_catalogue  # noqa: E402
from credentials.models import Award  # noqa: E402
from organisations.actions import add_member, create_organisation  # noqa: E402
from organisations.demo import (  # noqa: E402
    DemoDistrict,
    _create_people,
    _create_schools,
    _school_names,
    demo_password_hash,
    load_facts,
)
from organisations.models import Membership, Organisation, Person, Role  # noqa: E402
from organisations.people_picker import FIND  # noqa: E402
from plans.models import Goal, LearningPlan, PlanItem  # noqa: E402

STATUSES = list(PlanItem.Status.values)
STATE_AWARDS = 1000
DISTRICT_AWARDS = 20
SLOW_MS = 1000
HUGE_BYTES = 500 * 1024


def build(districts: int, schools: int, teachers: int, seed: int = 2026) -> dict:
    """Build the state; return the people and organisations the measurements need."""
    call_command("migrate", interactive=False, verbosity=0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("load_builtin_content", stdout=io.StringIO())
    rng = random.Random(seed)
    facts = load_facts()
    shape = {**facts["districts"][1], "named_schools": [], "schools": schools}
    password = demo_password_hash()
    steps = {}
    with transaction.atomic():
        started = time.perf_counter()
        state = create_organisation("Bench State", Organisation.Kind.STATE, code="BS")
        built = []
        for number in range(1, districts + 1):
            district = create_organisation(
                f"District {number:02d}", Organisation.Kind.DISTRICT, state
            )
            school_names = _school_names(facts, shape, rng, set())
            demo = DemoDistrict(district, f"d{number:02d}", _create_schools(district, school_names))
            _create_people(demo, teachers, rng, password)
            built.append(demo)
        state_leader = Person.objects.create(
            email="state.policymaker@example.org",
            given_name="Sam",
            family_name="State",
            password=password,
        )
        add_member(state_leader, state, Role.POLICYMAKER, "State superintendent")
        steps["organisations_and_people"] = time.perf_counter() - started

        started = time.perf_counter()
        small = built[0]
        accounts = {d.district.pk: d.accounts for d in built}
        prefixes = {d.district.pk: d.prefix for d in built}
        for demo in built:
            # The demo's builder covers 70% of the schools of a district it calls "pomona".
            demo.prefix = "pomona"
        build_assessments(built, seed=seed)
        for demo in built:
            demo.prefix = prefixes[demo.district.pk]
            demo.accounts = accounts[demo.district.pk]
        steps["assessments"] = time.perf_counter() - started

        started = time.perf_counter()
        state_issuer = credential_actions.create_issuer(state)
        catalogue = publish_starter_catalogue(state_issuer)
        earners = [
            rng.choice(rng.choice(list(demo.teachers.values())))
            for demo in built
            for _ in range(STATE_AWARDS // districts)
        ]
        for start in range(0, len(earners), 100):
            issue_awards(catalogue[start // 100 % len(catalogue)], earners[start : start + 100])
        district_issuer = credential_actions.create_issuer(small.district)
        district_catalogue = publish_starter_catalogue(district_issuer)
        issue_awards(district_catalogue[0], small.teachers[small.schools[0].pk][:DISTRICT_AWARDS])
        steps["credentials"] = time.perf_counter() - started

        started = time.perf_counter()
        plans = LearningPlan.objects.bulk_create(
            LearningPlan(owner=teacher, organisation=demo.schools[0])
            for demo in built
            for teacher in demo.teachers[demo.schools[0].pk]
        )
        fill_plans(plans)
        steps["plans"] = time.perf_counter() - started

    return {
        "state": state,
        "district": small.district,
        "school": small.schools[0],
        "state_leader": state_leader,
        "district_leader": small.accounts["district"],
        "principal": small.accounts["principal"],
        "steps": steps,
    }


def fill_plans(plans: list[LearningPlan]) -> None:
    """Give each plan six items in every status (some stalled) and two goals, in bulk."""
    now, today = timezone.now(), timezone.localdate()
    PlanItem.objects.bulk_create(
        (
            PlanItem(
                plan=plan,
                kind="resource",
                title=f"Item {n}",
                status=STATUSES[n % len(STATUSES)],
                due_on=today + timedelta(days=n % 7 - 3),
                updated_at=now - timedelta(days=45 if n % 5 == 0 else 1),
            )
            for plan in plans
            for n in range(6)
        ),
        batch_size=2000,
    )
    Goal.objects.bulk_create(
        (Goal(plan=plan, text=f"Goal {n}") for plan in plans for n in range(2)), batch_size=2000
    )


def measure(
    client: Client, url: str, rounds: int, headers: dict | None = None, data: dict | None = None
) -> dict:
    """Return the queries of one warm request, the median of `rounds` renders and the size.

    With `data`, the request is a POST of it (a people picker's search), else a GET.
    """
    headers = headers or {}

    def request():
        if data is not None:
            return client.post(url, data, headers=headers)
        return client.get(url, headers=headers)

    response = request()  # warm caches and templates
    if response.status_code != 200:
        return {"status": response.status_code}
    with CaptureQueriesContext(connection) as queries:
        response = request()
    query_count = len(queries)
    timings = []
    for _round in range(rounds):
        started = time.perf_counter()
        response = request()
        timings.append(time.perf_counter() - started)
    return {
        "queries": query_count,
        "median_ms": round(statistics.median(timings) * 1000, 1),
        "bytes": len(response.content),
    }


def pages(organisation: Organisation) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "organisation_detail": reverse("organisations:detail", args=[organisation.pk]),
        "people_list": reverse("organisations:people", args=[organisation.pk]),
        "assessments_overview": reverse("assessments:overview", args=[organisation.pk]),
        "assessments_list": reverse("assessments:list"),
        "frameworks_list": reverse("frameworks:list"),
        "micro_credentials": reverse("credentials:catalogue"),
        "school_plans": reverse("plans:school", args=[organisation.pk]),
        "learning_home": reverse("learning:home"),
        "cohort_new": f"{reverse('learning:cohort-create')}?organisation={organisation.pk}",
        "assign_template": reverse("plans:assign", args=[organisation.pk]),
        "assign_search": reverse("plans:assign", args=[organisation.pk]),
        "api_credentials": f"/api/v1/organisations/{organisation.pk}/credentials",
    }


# Pages measured as a POST: a people picker's search ("Find", or typing with JavaScript on).
POSTED = {"assign_search": {"people_query": "ann", FIND: "people"}}


def measure_scope(person: Person, organisation: Organisation, rounds: int) -> dict:
    client = Client()
    client.force_login(person)
    _token, secret = api_actions.create_token(person, "Benchmark")
    results = {}
    for name, url in pages(organisation).items():
        if name.startswith("api_"):
            # The API is reached with a token, not the session.
            api = Client()
            headers = {"Authorization": f"Bearer {secret}"}
            results[name] = measure(api, url, rounds, headers)
        else:
            results[name] = measure(client, url, rounds, data=POSTED.get(name))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--districts", type=int, default=30)
    parser.add_argument("--schools", type=int, default=50, help="schools per district")
    parser.add_argument("--teachers", type=int, default=3334, help="teachers per district")
    parser.add_argument("--rounds", type=int, default=5, help="timed renders per page")
    args = parser.parse_args()

    started = time.perf_counter()
    data = build(args.districts, args.schools, args.teachers)
    build_seconds = time.perf_counter() - started
    sizes = {
        "districts": Organisation.objects.filter(kind=Organisation.Kind.DISTRICT).count(),
        "schools": Organisation.objects.filter(kind=Organisation.Kind.SCHOOL).count(),
        "people": Person.objects.count(),
        "teachers": Membership.objects.filter(role=Role.TEACHER).count(),
        "assessments": Assessment.objects.count(),
        "answers": Response.objects.count(),
        "awards": Award.objects.count(),
        "plans": LearningPlan.objects.count(),
    }
    print(
        f"built in {build_seconds:.1f} s ("
        + ", ".join(f"{k} {v:.1f} s" for k, v in data["steps"].items())
        + "): "
        + ", ".join(f"{v:,} {k}" for k, v in sizes.items()),
        file=sys.stderr,
    )

    baseline = Client()
    healthz = measure(baseline, reverse("healthz"), max(args.rounds, 20))
    scopes = {
        "school": measure_scope(data["principal"], data["school"], args.rounds),
        "district": measure_scope(data["district_leader"], data["district"], args.rounds),
        "state": measure_scope(data["state_leader"], data["state"], args.rounds),
    }
    for figures in scopes.values():
        for page in figures.values():
            if "median_ms" in page:
                page["ratio_to_healthz"] = round(page["median_ms"] / healthz["median_ms"], 1)
    differing = [
        name
        for name, figures in scopes["state"].items()
        if figures.get("queries") != scopes["district"][name].get("queries")
        or figures.get("queries") != scopes["school"][name].get("queries")
    ]
    slow_or_huge = [
        name
        for name, figures in scopes["state"].items()
        if figures.get("median_ms", 0) > SLOW_MS or figures.get("bytes", 0) > HUGE_BYTES
    ]
    result = {
        "benchmark": "state",
        "database": connection.vendor,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "sizes": sizes,
        "build_seconds": round(build_seconds, 1),
        "build_steps_seconds": {k: round(v, 1) for k, v in data["steps"].items()},
        "rounds": args.rounds,
        "healthz_ms": healthz["median_ms"],
        "pages": scopes,
        "differing_queries": differing,
        "slow_or_huge": slow_or_huge,
        "bounded": not differing,
    }
    print_table(result)
    print(json.dumps(result))
    return 0 if result["bounded"] else 1


def print_table(result: dict) -> None:
    scopes = result["pages"]
    lines = [
        f"/healthz median {result['healthz_ms']} ms",
        f"{'page':<22} {'queries school/district/state':>30} "
        f"{'median ms school/district/state':>34} {'state x healthz':>16} {'state KB':>9}",
    ]
    for name, state in scopes["state"].items():
        row = [scopes["school"][name], scopes["district"][name], state]
        queries = "/".join(str(r.get("queries", r.get("status"))) for r in row)
        medians = "/".join(str(r.get("median_ms", "-")) for r in row)
        ratio = state.get("ratio_to_healthz", "-")
        size = round(state["bytes"] / 1024) if "bytes" in state else "-"
        lines.append(f"{name:<22} {queries:>30} {medians:>34} {ratio:>16} {size:>9}")
    if result["differing_queries"]:
        lines.append(
            "query counts differ (district vs state): " + ", ".join(result["differing_queries"])
        )
    print("\n".join(lines), file=sys.stderr)


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(VAR_DIR, ignore_errors=True)
