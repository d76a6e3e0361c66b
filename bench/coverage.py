"""Count the SQL queries of a framework's coverage page, 20 competencies against 2,000.

    .venv/bin/python bench/coverage.py [--size 2000] [--rounds 5]

Builds, in a fresh SQLite file in a temporary directory, the built-in content, an issuer with
the starter catalogue, and two Clarendon frameworks: one of 20 competencies and one of 2,000
(five levels deep, like a large imported CASE package). About a third of each framework's
competencies are tagged: aligned to micro-credentials, resources and leadership experiences.
Requests each coverage page in-process through Django's test client, as a district
policymaker, and prints a table on stderr and one JSON line on stdout with the query counts
and the median render time; exits 1 when the two counts differ.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-bench-coverage-")
os.environ["TRELLIS_DEBUG"] = "false"
os.environ["TRELLIS_TASKS"] = "immediate"
os.environ.setdefault("TRELLIS_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "trellis.settings"

import django  # noqa: E402 - the environment above must be in place first

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from credentials import actions as credential_actions  # noqa: E402
from credentials.content_loader import publish_starter_catalogue  # noqa: E402
from credentials.models import MicroCredential  # noqa: E402
from frameworks import actions as framework_actions  # noqa: E402
from frameworks.models import Competency, Framework  # noqa: E402
from learning.models import LeadershipExperience, Resource  # noqa: E402
from organisations.actions import add_member, create_organisation  # noqa: E402
from organisations.models import Organisation, Person, Role  # noqa: E402


def build_framework(organisation: Organisation, person: Person, size: int) -> Framework:
    """Create a framework of `size` competencies, five levels deep, in bulk."""
    framework = framework_actions.create_framework(
        organisation, f"Benchmark map of {size}", "", [], person
    )
    rows = []
    for n in range(size):
        # Every 25th is a top-level area; below it, items step down to five levels deep.
        depth = 1 if n % 25 == 0 else min(2 + (n % 4), 5)
        rows.append(
            Competency(
                framework=framework,
                case_identifier=str(uuid.uuid4()),
                code=f"B.{n}",
                statement=f"Benchmark competency {n}: plans, leads and reflects with colleagues.",
                depth=depth,
                tree_order=n,
                file_position=n,
            )
        )
    Competency.objects.bulk_create(rows, batch_size=500)
    return framework


def tag(framework: Framework) -> int:
    """Align about a third of the competencies to credentials, resources and experiences."""
    competencies = list(framework.competencies.values_list("pk", flat=True))
    credentials = list(MicroCredential.objects.values_list("pk", flat=True))
    resources = list(Resource.objects.values_list("pk", flat=True))
    experiences = list(LeadershipExperience.objects.values_list("pk", flat=True))
    links = [
        (MicroCredential.competencies.through, "microcredential_id", credentials, 3),
        (Resource.competencies.through, "resource_id", resources, 5),
        (LeadershipExperience.competencies.through, "leadershipexperience_id", experiences, 7),
    ]
    tagged = set()
    for through, column, owners, step in links:
        rows = [
            through(**{column: owners[n % len(owners)], "competency_id": pk})
            for n, pk in enumerate(competencies)
            if n % step == 0
        ]
        through.objects.bulk_create(rows, batch_size=500)
        tagged |= {row.competency_id for row in rows}
    return len(tagged)


def measure(client: Client, framework: Framework, rounds: int) -> dict:
    url = reverse("learning:coverage", args=[framework.pk])
    client.get(url)  # warm the template cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: the next request starts with Django clearing the query log.
    query_count = len(queries)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _round in range(rounds):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return {
        "competencies": framework.competencies.count(),
        "gaps": response.context["gaps"],
        "queries": query_count,
        "median_ms": round(statistics.median(times) * 1000, 1),
        "bytes": len(response.content),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    setup_test_environment()  # so responses carry their template context
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_builtin_content", stdout=open(os.devnull, "w"))
    state = create_organisation("South Carolina", Organisation.Kind.STATE)
    clarendon = create_organisation("Clarendon", Organisation.Kind.DISTRICT, state)
    dana = Person.objects.create_user("dana@clarendon.example", "x", given_name="Dana")
    add_member(dana, clarendon, Role.POLICYMAKER)
    issuer = credential_actions.create_issuer(
        create_organisation("Network", Organisation.Kind.NONPROFIT)
    )
    publish_starter_catalogue(issuer)
    small = build_framework(clarendon, dana, 20)
    large = build_framework(clarendon, dana, options.size)
    tag(small), tag(large)
    client = Client()
    client.force_login(dana)
    results = [measure(client, small, options.rounds), measure(client, large, options.rounds)]
    print(f"{'competencies':>12} {'gaps':>6} {'queries':>8} {'median ms':>10}", file=sys.stderr)
    for row in results:
        print(
            f"{row['competencies']:>12} {row['gaps']:>6} {row['queries']:>8} "
            f"{row['median_ms']:>10}",
            file=sys.stderr,
        )
    same = results[0]["queries"] == results[1]["queries"]
    print(json.dumps({"coverage": results, "same_query_count": same}))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
