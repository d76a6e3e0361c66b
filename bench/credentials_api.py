"""Count the SQL queries of the public credential page and the integration API.

    .venv/bin/python bench/credentials_api.py [--many 200]

Builds, in a fresh SQLite file in a temporary directory, two districts: a small one whose issuer
awarded one credential, and a large one whose issuer awarded `--many` credentials to one
teacher plus two earned through review, with 1 and 10 public evidence items. Then counts, through
Django's test client in-process, the queries of one request (after a first request that signs the
status list and records the token's use, so the figures are the steady state) for:

- the public credential page (credentials:credential) with 1 and with 10 evidence items;
- POST /api/v1/verify of a Trellis credential with 1 and with 10 evidence items;
- GET /api/v1/me/credentials for a person with 1 and with `--many` credentials;
- GET /api/v1/organisations/{id}/credentials for the small and the large district.

Prints one JSON line on stdout and a table on stderr; exits 1 when a pair of counts differs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
VAR_DIR = Path(tempfile.mkdtemp(prefix="trellis-bench-"))
os.environ["TRELLIS_VAR_DIR"] = str(VAR_DIR)
os.environ["TRELLIS_DEBUG"] = "false"
os.environ["TRELLIS_TASKS"] = "immediate"
os.environ.setdefault("TRELLIS_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "trellis.settings"
# Static files are served from the apps here; the empty collectstatic folder does not matter.
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402 - the environment above must be in place first

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from api import actions as api_actions  # noqa: E402
from credentials import actions  # noqa: E402
from credentials.actions.awarding import issue_awards  # noqa: E402
from credentials.models import Award, MicroCredential, Requirement, Submission  # noqa: E402
from credentials.tests.helpers import approve, make_issuer, png, publish_sample  # noqa: E402
from frameworks.content_loader import load_builtin_frameworks  # noqa: E402
from organisations.actions import add_member, create_organisation  # noqa: E402
from organisations.models import Organisation, Person, Role  # noqa: E402


def person(email: str, role: str, organisation: Organisation) -> Person:
    created = Person.objects.create_user(
        email, None, given_name=email.split("@")[0].title(), family_name="Bench"
    )
    add_member(created, organisation, role)
    return created


def earned(
    micro_credential: MicroCredential, earner: Person, reviewer: Person, files: int
) -> Award:
    """Submit with `files` public evidence items, review as earned; return the award."""
    submission = actions.start_submission(micro_credential, earner)
    for requirement in micro_credential.requirements.all():
        if requirement.kind == Requirement.Kind.ARTIFACT:
            for number in range(files):
                actions.add_artifact(
                    submission,
                    requirement,
                    png(f"evidence-{number}.png"),
                    f"Evidence {number}",
                    is_public=True,
                )
        else:
            actions.save_answer_text(submission, requirement, "What I did and what I learned.")
    actions.submit_for_review(submission, earner)
    review = submission.reviews.get(reviewer=reviewer)
    scores = {r.pk: (True, "") for r in micro_credential.requirements.all()}
    actions.record_review(review, reviewer, scores, "Earned.")
    return Award.objects.get(submission=Submission.objects.get(pk=submission.pk))


def district(name: str, state: Organisation) -> tuple[Organisation, Organisation]:
    top = create_organisation(name, Organisation.Kind.DISTRICT, state)
    school = create_organisation(f"{name} Elementary", Organisation.Kind.SCHOOL, top)
    return top, school


def build(many: int) -> dict:
    call_command("migrate", interactive=False, verbosity=0)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The frameworks that the sample micro-credential is aligned to, as in the tests.
    load_builtin_frameworks()
    state = create_organisation("Bench State", Organisation.Kind.STATE)
    small, small_school = district("Small District", state)
    large, large_school = district("Large District", state)
    # An expert from a third district, so no earner is a school colleague of the reviewer.
    _other, other_school = district("Reviewers' District", state)
    reviewer = person("reviewer@bench.example", Role.TEACHER, other_school)

    small_issuer = make_issuer(small, "Small District Academy")
    small_mc = publish_sample(small_issuer)
    approve(small_issuer, reviewer)
    single = person("single@bench.example", Role.TEACHER, small_school)
    earned(small_mc, single, reviewer, files=1)

    large_issuer = make_issuer(large, "Large District Academy")
    large_mc = publish_sample(large_issuer)
    approve(large_issuer, reviewer)
    one_file = earned(
        large_mc, person("one@bench.example", Role.TEACHER, large_school), reviewer, 1
    )
    ten_files = earned(
        large_mc, person("ten@bench.example", Role.TEACHER, large_school), reviewer, 10
    )
    collector = person("collector@bench.example", Role.TEACHER, large_school)
    for start in range(0, many, 100):
        issue_awards(large_mc, [collector] * min(100, many - start))
    return {
        "one_file": one_file,
        "ten_files": ten_files,
        "single": single,
        "collector": collector,
        "small": small,
        "large": large,
        "small_leader": person("lead@small.example", Role.POLICYMAKER, small),
        "large_leader": person("lead@large.example", Role.POLICYMAKER, large),
    }


def bearer(owner: Person) -> dict[str, str]:
    _token, secret = api_actions.create_token(owner, "Benchmark")
    return {"Authorization": f"Bearer {secret}"}


def count(method: str, url: str, expect: int = 200, **options) -> int:
    """Return the queries of one request, after a first request that warms what is kept."""
    client = Client()
    getattr(client, method)(url, **options)
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **options)
    if response.status_code != expect:
        raise SystemExit(f"{method.upper()} {url} answered {response.status_code}")
    if url == "/api/v1/verify" and not response.json()["verified"]:
        raise SystemExit(f"The credential did not verify: {response.json()}")
    return len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--many", type=int, default=200, help="credentials of the large earner")
    args = parser.parse_args()
    started = time.perf_counter()
    data = build(args.many)

    def page(award: Award) -> int:
        return count("get", reverse("credentials:credential", args=[award.public_id]))

    def verify(award: Award) -> int:
        body = json.dumps(award.signed_json)
        return count("post", "/api/v1/verify", data=body, content_type="application/json")

    def mine(owner: Person) -> int:
        return count("get", "/api/v1/me/credentials", headers=bearer(owner))

    def issued(organisation: Organisation, leader: Person) -> int:
        url = f"/api/v1/organisations/{organisation.pk}/credentials"
        return count("get", url, headers=bearer(leader))

    many = args.many
    pairs = {
        "public_page": {
            "evidence_1": page(data["one_file"]),
            "evidence_10": page(data["ten_files"]),
        },
        "verify_api": {
            "evidence_1": verify(data["one_file"]),
            "evidence_10": verify(data["ten_files"]),
        },
        "my_credentials_api": {
            "credentials_1": mine(data["single"]),
            f"credentials_{many}": mine(data["collector"]),
        },
        "district_credentials_api": {
            "credentials_1": issued(data["small"], data["small_leader"]),
            f"credentials_{many + 2}": issued(data["large"], data["large_leader"]),
        },
    }
    mismatched = [name for name, pair in pairs.items() if len(set(pair.values())) != 1]
    result = {
        "benchmark": "credentials_api",
        "database": connection.vendor,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "awards": Award.objects.count(),
        "build_seconds": round(time.perf_counter() - started, 1),
        "queries": pairs,
        "pairs_match": not mismatched,
    }
    for name, pair in pairs.items():
        figures = ", ".join(f"{label}: {value}" for label, value in pair.items())
        flag = "" if name not in mismatched else "  <- differs"
        print(f"{name:26} {figures}{flag}", file=sys.stderr)
    print(json.dumps(result))
    shutil.rmtree(VAR_DIR, ignore_errors=True)
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
