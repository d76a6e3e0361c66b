"""Benchmark importing a large CASE package and compare it with a raw bulk insert of its rows.

    .venv/bin/python bench/case_import.py --items 5000 [--profile]

Sets up Django on a fresh SQLite database under /tmp, migrates it, then imports
make_large_package(N) through frameworks.actions.import_case_data (the code path of the import
page and `manage.py import_case`), counting queries. In the same run it bulk-inserts copies of
the competency and association rows that import made, as the baseline a hand-written loader
could not beat, and re-imports the unchanged package. Prints one JSON line on stdout
(and, with --profile, a cProfile summary of the import on stderr).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def setup_django(var_dir: str) -> None:
    """Point Trellis at an empty SQLite database in `var_dir` and migrate it."""
    os.environ["TRELLIS_VAR_DIR"] = var_dir
    os.environ.pop("TRELLIS_DATABASE_URL", None)
    os.environ.setdefault("TRELLIS_ENV", "development")
    os.environ["TRELLIS_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trellis.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def raw_bulk_seconds(framework_id: int) -> float:
    """Time a plain bulk_create of copies of the framework's competency and association rows."""
    from django.db import transaction

    from frameworks.models import Association, Competency, Framework

    source = Framework.objects.get(pk=framework_id)
    target = Framework.objects.create(
        origin=source.origin, title="Baseline copy", case_identifier="baseline"
    )
    skip = {"id", "framework", "parent"}
    competency_fields = [f.attname for f in Competency._meta.concrete_fields if f.name not in skip]
    competencies = [
        Competency(framework=target, **{name: getattr(row, name) for name in competency_fields})
        for row in Competency.objects.filter(framework=source)
    ]
    skip |= {"origin", "destination"}
    association_fields = [
        f.attname for f in Association._meta.concrete_fields if f.name not in skip
    ]
    associations = [
        Association(framework=target, **{name: getattr(row, name) for name in association_fields})
        for row in Association.objects.filter(framework=source)
    ]
    started = time.perf_counter()
    with transaction.atomic():
        Competency.objects.bulk_create(competencies, batch_size=500)
        Association.objects.bulk_create(associations, batch_size=500)
    return time.perf_counter() - started


def run(items: int, profile: bool = False) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from frameworks.actions import import_case_data
    from frameworks.case import make_large_package, parse_package

    data = json.dumps(make_large_package(items)).encode()
    started = time.perf_counter()
    parse_package(data)
    parse_seconds = time.perf_counter() - started

    profiler = cProfile.Profile() if profile else None
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        result = import_case_data(data, None, None, source="bench")
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue(), file=sys.stderr)
    started = time.perf_counter()
    again = import_case_data(data, None, None, source="bench")
    reimport_seconds = time.perf_counter() - started
    assert not again.summary.changed, "re-importing the same package changed something"
    baseline = raw_bulk_seconds(result.framework.pk)
    return {
        "items": items,
        "associations": result.summary.associations_created,
        "bytes": len(data),
        "seconds": round(seconds, 3),
        "parse_seconds": round(parse_seconds, 3),
        "queries": len(queries),
        "queries_per_1000_items": round(len(queries) * 1000 / items, 1),
        "raw_bulk_seconds": round(baseline, 3),
        "ratio": round(seconds / baseline, 2),
        "reimport_unchanged_seconds": round(reimport_seconds, 3),
        "database": connection.vendor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="trellis-case-bench-", dir="/tmp")
    try:
        setup_django(var_dir)
        print(json.dumps(run(args.items, args.profile)))
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
