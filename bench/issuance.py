"""Benchmark Open Badges 3.0 issuance on one core and compare it with Digital Bazaar's JS.

    .venv/bin/python bench/issuance.py --n 500 [--js-n 300] [--profile]

Builds and signs N complete credentials (status entries, distinct ids and hashed email
recipients) through credential.build_credential + signing.Signer.sign_many, the path the
award job uses; measures raw Ed25519 signing and interop/bench-issue.mjs in the same run;
checks a sample of the output with the JS verifier. Prints one JSON line on stdout
(and, with --profile, a cProfile summary on stderr).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from credentials.ob3 import (  # noqa: E402 - after the path tweak above
    Signer,
    StatusList,
    build_credential,
    controller_document,
    generate_key_pair,
    status_list_credential,
    status_list_entry,
)

DID = "did:web:trellis.example:districts:springfield"
LIST_URL = "https://trellis.example/status/springfield/revocation/1"
CREATED = "2025-01-06T09:00:00Z"
WARMUP = 20


def award_data(index: int) -> dict[str, Any]:
    """Return build_credential arguments for the index-th award of a batch."""
    return {
        "credential_id": f"https://trellis.example/credentials/{index:08d}",
        "issuer": {
            "id": DID,
            "name": "Springfield Public Schools",
            "url": "https://springfield.example",
            "image": "https://trellis.example/media/springfield.png",
        },
        "achievement": {
            "id": "https://trellis.example/achievements/formative-assessment",
            "name": "Formative Assessment",
            "description": "Uses formative assessment data to adjust instruction.",
            "criteria_narrative": "Submitted three evidence cycles, each reviewed by two peers.",
            "image": "https://trellis.example/media/badges/formative.png",
            "alignments": [
                {
                    "targetName": "Assessment literacy",
                    "targetUrl": "https://standards.example/items/42",
                    "targetCode": "AL.2",
                    "targetFramework": "District Framework",
                    "targetType": "CFItem",
                }
            ],
        },
        "recipient": {"email": f"teacher{index}@springfield.example"},
        "valid_from": CREATED,
        "evidence": [{"id": f"https://trellis.example/evidence/{index}", "name": "Lesson study"}],
        "status": status_list_entry(LIST_URL, index),
    }


def issue(signer: Signer, start: int, count: int) -> list[dict[str, Any]]:
    """Build and sign `count` credentials, as the award job does."""
    return signer.sign_many(
        (build_credential(**award_data(i)) for i in range(start, start + count)), CREATED
    )


def ed25519_rate(signer: Signer, n: int) -> float:
    """Measure raw Ed25519 signatures per second over 64-byte messages (the signed hash data)."""
    message = bytes(64)
    started = time.perf_counter()
    for _ in range(n):
        signer.key.sign(message)
    return n / (time.perf_counter() - started)


def node_json(args: list[str], payload: Any | None = None) -> Any:
    """Run a node script from interop/ and parse its JSON output."""
    node = shutil.which("node")
    if not node or not (REPO / "interop" / "node_modules").is_dir():
        raise RuntimeError("interop/node_modules is missing: run `npm ci --prefix interop`.")
    done = subprocess.run(
        [node, *args],
        input=json.dumps(payload) if payload is not None else None,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=REPO,
    )
    if done.returncode:
        raise RuntimeError(done.stderr.strip()[-500:])
    return json.loads(done.stdout)


def js_rate(credentials: list[dict[str, Any]], n: int) -> float:
    """Run interop/bench-issue.mjs on the same unsigned credentials."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(credentials, handle)
    try:
        return node_json(["interop/bench-issue.mjs", "--n", str(n), handle.name])["per_second"]
    finally:
        Path(handle.name).unlink()


def verified_in_js(sample: list[dict[str, Any]], documents: dict[str, Any]) -> bool:
    """Check a sample with Digital Bazaar's verifier, status list included."""
    results = node_json(["interop/verify.mjs"], {"credentials": sample, "documents": documents})[
        "results"
    ]
    return len(results) == len(sample) and all(
        r["verified"] and r["status"]["checked"] and r["status"]["revoked"] is False
        for r in results
    )


def profile_summary(signer: Signer, n: int) -> str:
    """Profile issuing n more credentials; return the top functions by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    issue(signer, 10_000_000, n)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(25)
    return out.getvalue()


def main() -> None:
    """Run the benchmark and print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="credentials to issue")
    parser.add_argument("--js-n", type=int, default=300, help="credentials the JS reference issues")
    parser.add_argument(
        "--sample", type=int, default=20, help="credentials to check with the JS verifier"
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary on stderr")
    args = parser.parse_args()

    key = generate_key_pair(controller=DID)
    signer = Signer(key)
    started = time.perf_counter()
    issue(signer, 0, 1)
    cold_start_ms = (time.perf_counter() - started) * 1000
    issue(signer, 1, WARMUP)  # later batches in a worker run on warm caches, as measured below

    started = time.perf_counter()
    issued = issue(signer, WARMUP + 1, args.n)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "n": args.n,
        "seconds": round(seconds, 4),
        "per_second": round(args.n / seconds, 1),
        "cold_start_ms": round(cold_start_ms, 1),
        "ed25519_per_second": round(ed25519_rate(signer, 5000), 1),
    }
    status = StatusList()
    documents = {
        DID: controller_document(DID, [key.public_key_multibase]),
        LIST_URL: signer.sign(status_list_credential(LIST_URL, DID, status, CREATED), CREATED),
    }
    step = max(1, len(issued) // max(1, args.sample))
    try:
        unsigned = [build_credential(**award_data(i)) for i in range(min(args.n, 100))]
        result["js_n"] = args.js_n
        result["js_per_second"] = round(js_rate(unsigned, args.js_n), 1)
        result["ratio_to_js"] = round(result["per_second"] / result["js_per_second"], 2)
        result["verified_in_js"] = verified_in_js(issued[::step][: args.sample], documents)
    except (RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
        result.update(
            js_per_second=None, ratio_to_js=None, verified_in_js=False, js_error=str(error)
        )
    if args.profile:
        print(profile_summary(signer, min(args.n, 300)), file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
