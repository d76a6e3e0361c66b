"""Benchmark the team report and the district overview: SQL queries and latency.

    .venv/bin/python bench/assessments.py [--requests 50] [--profile]
    TRELLIS_DATABASE_URL=postgres://postgres@127.0.0.1:54330/trellis_bench \\
        .venv/bin/python bench/assessments.py

Loads the demo (the same builders as `make demo`: Jefferson County's 169 schools and 6,738
teachers, one assessment per school) into a fresh SQLite file in a temporary directory, or into
the PostgreSQL database TRELLIS_DATABASE_URL names (it is flushed first: use a throwaway one),
then adds two team assessments with every answer submitted, one of 5 people and one of 60.

1. Counts the SQL queries of the team report (team of 5 and of 60) and of the district overview
   (Clarendon's 2 schools and Jefferson's 169) through Django's test client, first with an
   empty cache and then with a warm one; each pair must match.
2. Serves the same database with gunicorn on a free port, signs in with a session cookie made
   here, and times the district overview, the 60-person report and /healthz with a keep-alive
   HTTP client: warm-up, then rounds that request each URL in turn; medians and their ratios.
   Then does it again with the cache turned off (bench/settings_nocache.py), so every request
   sums every answer again: the figures of a server that has never shown the page.
3. Prints a table on stderr and one JSON line on stdout; exits 1 when a pair of query counts
   differs or a page is slower than 25x /healthz (the goal of the issue; cache on).

With --profile, also prints a cProfile summary of rendering each page in-process on stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import io
import json
import os
import platform
import pstats
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
VAR_DIR = Path(tempfile.mkdtemp(prefix="trellis-bench-"))
os.environ["TRELLIS_VAR_DIR"] = str(VAR_DIR)
os.environ["TRELLIS_DEBUG"] = "false"  # as served in production: no query log, no debug pages
os.environ["TRELLIS_TASKS"] = "immediate"
os.environ.setdefault("TRELLIS_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "trellis.settings"

import django  # noqa: E402 - the environment above must be in place first

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from assessments import actions  # noqa: E402
from assessments.models import Assessment, Criterion, Instrument, Rating  # noqa: E402
from organisations.models import Membership, Organisation, Person, Role  # noqa: E402

GOAL_RATIO = 25.0
WARMUP = 5
EVIDENCE = "Teams plan together weekly and teacher leaders run the professional learning days."
GROWTH = "Decisions about time are still made without teachers in the room."


def build(seed: int = 11) -> dict[str, object]:
    """Load the demo and add the 5- and 60-person assessments; return what the bench needs."""
    call_command("migrate", interactive=False, verbosity=0)
    if connection.vendor != "sqlite":
        call_command("flush", interactive=False, verbosity=0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    started = time.perf_counter()
    out = io.StringIO()
    call_command("load_builtin_content", stdout=out)
    call_command("load_demo", stdout=out)
    demo_seconds = time.perf_counter() - started
    jefferson = Organisation.objects.get(name="Jefferson County Public Schools")
    clarendon = Organisation.objects.get(name="Clarendon County School District 3")
    rubric = Instrument.objects.get(
        organisation=None, slug="teacher-leadership-rubric", is_current=True
    )
    # Schools whose last assessment is closed, so both reports compare with a previous one.
    closed = list(
        Assessment.objects.filter(
            organisation__parent=jefferson, status=Assessment.Status.CLOSED
        ).values_list("organisation_id", flat=True)[:2]
    )
    rng = random.Random(seed)
    with transaction.atomic():
        small = _submitted_assessment(jefferson, closed[0], rubric, 5, rng)
        large = _submitted_assessment(jefferson, closed[1], rubric, 60, rng)
    return {
        "demo_seconds": demo_seconds,
        "small": small,
        "large": large,
        "jefferson": jefferson,
        "clarendon": clarendon,
        "jefferson_viewer": Person.objects.get(email="jefferson.district@example.org"),
        "clarendon_viewer": Person.objects.get(email="clarendon.district@example.org"),
    }


def _submitted_assessment(
    district: Organisation, school_id: int, rubric: Instrument, size: int, rng: random.Random
) -> Assessment:
    """Seat a team of `size` from the school (then the district) and submit every answer."""
    school = Organisation.objects.get(pk=school_id)
    memberships = list(
        Membership.objects.filter(organisation=school).select_related("person").order_by("pk")
    )
    policymakers = Membership.objects.filter(organisation=district, role=Role.POLICYMAKER)
    leaders = [m for m in memberships if m.role != Role.TEACHER][:2]
    team = [(m.person, m.role) for m in leaders + list(policymakers.select_related("person")[:2])]
    teachers = Membership.objects.filter(role=Role.TEACHER).select_related("person").order_by("pk")
    # The school's own teachers first, then colleagues from other schools to reach the size.
    own = list(teachers.filter(organisation=school)[:size])
    others = list(
        teachers.filter(organisation__parent=district).exclude(organisation=school)[:size]
    )
    team += [(m.person, Role.TEACHER) for m in own + others][: size - len(team)]
    assessment = actions.start_assessment(
        school, rubric, f"Benchmark team of {size}", team[0][0], team[:size]
    )
    criteria = list(Criterion.objects.filter(area__instrument=rubric).select_related("area"))
    for member in assessment.members.select_related("assessment"):
        for criterion in criteria:
            if criterion.role != member.role:
                continue
            actions.save_answer(
                member,
                criterion,
                rng.choice([Rating.BELOW, Rating.MEETS, Rating.MEETS, Rating.EXCEEDS]),
                EVIDENCE if rng.random() < 0.45 else "",
                GROWTH if rng.random() < 0.4 else "",
            )
        actions.submit_answers(member)
    return assessment


def count_queries(person: Person, url: str) -> list[int]:
    """Return how many SQL queries the page runs with an empty cache, then with a warm one.

    Sign-in lookups included. The pages cache what cannot change (an instrument in use, the
    totals of submitted answers), so the first request of a fresh process runs a few more.
    """
    client = Client()
    client.force_login(person)
    cache.clear()
    counts = []
    for _request in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        counts.append(len(queries))
    return counts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(port: int, settings_module: str = "trellis.settings") -> subprocess.Popen:
    """Start gunicorn on the benchmark database, as bin/serve does, and wait until it answers."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "trellis.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings_module},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection_.request("GET", "/healthz")
            if connection_.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def time_pages(port: int, cookie: str, urls: dict[str, str], requests: int) -> dict[str, dict]:
    """Request each URL in turn over one keep-alive connection; return timings per URL."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie, "Connection": "keep-alive"}
    timings: dict[str, list[float]] = {name: [] for name in urls}
    sizes: dict[str, int] = {}
    for round_number in range(WARMUP + requests):
        for name, url in urls.items():
            started = time.perf_counter()
            client.request("GET", url, headers=headers)
            response = client.getresponse()
            body = response.read()
            elapsed = time.perf_counter() - started
            if response.status != 200:
                raise SystemExit(f"{url} answered {response.status}")
            sizes[name] = len(body)
            if round_number >= WARMUP:
                timings[name].append(elapsed * 1000)
    client.close()
    return {
        name: {
            "median_ms": round(statistics.median(values), 2),
            "p90_ms": round(statistics.quantiles(values, n=10)[-1], 2),
            "bytes": sizes[name],
        }
        for name, values in timings.items()
    }


def session_cookie(person: Person) -> str:
    client = Client()
    client.force_login(person)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def profile(person: Person, url: str, label: str) -> None:
    client = Client()
    client.force_login(person)
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    print(f"\n== cProfile of 5 requests for {label} ({url})\n{out.getvalue()}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="timed requests per URL")
    parser.add_argument("--profile", action="store_true", help="cProfile each page in-process")
    args = parser.parse_args()

    started = time.perf_counter()
    data = build()
    build_seconds = time.perf_counter() - started
    small, large = data["small"], data["large"]
    report = "assessments:report"
    overview = "assessments:overview"
    queries = {
        "report_team_5": count_queries(data["jefferson_viewer"], reverse(report, args=[small.pk])),
        "report_team_60": count_queries(data["jefferson_viewer"], reverse(report, args=[large.pk])),
        "overview_2_schools": count_queries(
            data["clarendon_viewer"], reverse(overview, args=[data["clarendon"].pk])
        ),
        "overview_169_schools": count_queries(
            data["jefferson_viewer"], reverse(overview, args=[data["jefferson"].pk])
        ),
    }
    urls = {
        "healthz": reverse("healthz"),
        "district_overview_169": reverse(overview, args=[data["jefferson"].pk]),
        "team_report_60": reverse(report, args=[large.pk]),
    }
    if args.profile:
        profile(data["jefferson_viewer"], urls["district_overview_169"], "district overview")
        profile(data["jefferson_viewer"], urls["team_report_60"], "60-person team report")

    cookie = session_cookie(data["jefferson_viewer"])
    latency = time_served(urls, cookie, args.requests, "trellis.settings")
    ratios = ratios_to_healthz(latency)
    # The same with the cache turned off: every request sums all the answers again.
    cold_latency = time_served(urls, cookie, args.requests, "bench.settings_nocache")
    cold_ratios = ratios_to_healthz(cold_latency)
    result = {
        "benchmark": "assessments",
        "database": connection.vendor,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "schools": Organisation.objects.filter(kind=Organisation.Kind.SCHOOL).count(),
        "people": Person.objects.count(),
        "assessments": Assessment.objects.count(),
        "demo_load_seconds": round(data["demo_seconds"], 1),
        "build_seconds": round(build_seconds, 1),
        "requests_per_url": args.requests,
        "queries": queries,
        "latency": latency,
        "ratio_to_healthz": ratios,
        "latency_without_cache": cold_latency,
        "ratio_to_healthz_without_cache": cold_ratios,
    }
    print_table(result)
    print(json.dumps(result))
    pairs_equal = (
        queries["report_team_5"] == queries["report_team_60"]
        and queries["overview_2_schools"] == queries["overview_169_schools"]
    )
    return 0 if pairs_equal and all(r <= GOAL_RATIO for r in ratios.values()) else 1


def time_served(urls: dict[str, str], cookie: str, requests: int, settings_module: str) -> dict:
    """Serve the database with the settings module and time the URLs; stop the server."""
    port = free_port()
    server = serve(port, settings_module)
    try:
        return time_pages(port, cookie, urls, requests)
    finally:
        server.terminate()
        server.wait(timeout=30)


def ratios_to_healthz(latency: dict[str, dict]) -> dict[str, float]:
    baseline = latency["healthz"]["median_ms"]
    return {
        name: round(figures["median_ms"] / baseline, 1)
        for name, figures in latency.items()
        if name != "healthz"
    }


def print_table(result: dict) -> None:
    lines = [
        f"database {result['database']}: {result['schools']} schools, {result['people']} "
        f"people, {result['assessments']} assessments (demo loaded in "
        f"{result['demo_load_seconds']} s)",
        "queries (empty cache, warm cache): "
        + ", ".join(f"{k} {cold}, {warm}" for k, (cold, warm) in result["queries"].items()),
    ]
    for title, suffix in (("served", ""), ("served with the cache turned off", "_without_cache")):
        lines.append(title)
        for name, figures in result[f"latency{suffix}"].items():
            ratio = result[f"ratio_to_healthz{suffix}"].get(name, 1.0)
            lines.append(
                f"  {name:<22} median {figures['median_ms']:>8.2f} ms  "
                f"p90 {figures['p90_ms']:>8.2f} ms  {figures['bytes']:>8} bytes  "
                f"{ratio:>5.1f}x healthz"
            )
    print("\n".join(lines), file=sys.stderr)


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(VAR_DIR, ignore_errors=True)
