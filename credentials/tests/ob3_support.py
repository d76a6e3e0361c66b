"""Shared helpers for the credentials.ob3 tests: fixtures, local resolvers, sample data."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from credentials.ob3 import controller_document, generate_key_pair
from credentials.ob3.signing import existing_proofs
from lib.reference_data import shared_dir

REPO = Path(__file__).resolve().parents[2]
INTEROP = REPO / "interop"


def fixtures_dir() -> Path:
    """Return 1EdTech's validator fixtures folder."""
    return shared_dir() / "ob3" / "validator-fixtures"


def load_fixture(name: str) -> dict[str, Any]:
    """Load one fixture by its path under validator-fixtures/."""
    return json.loads((fixtures_dir() / name).read_text(encoding="utf-8"))


def fixture_names() -> list[str]:
    """List every credential fixture (not the status list itself)."""
    root = fixtures_dir()
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.json"))


def status_list_url() -> str:
    """Return the status list URL the revoked fixtures point at."""
    return load_fixture("bit-string-list/credential-status-revoked.json")["credentialStatus"][
        "statusListCredential"
    ]


def fixture_documents() -> dict[str, Any]:
    """Build controller documents for every key the fixtures use, plus their status list.

    A key like https://example.com/issuers/876543#z6Mk... gets a controller document with
    that id listing the fragment as an assertionMethod Multikey, as the README describes.
    """
    status_list = json.loads((fixtures_dir() / "bit-string-list" / "testlist").read_text())
    keys: dict[str, list[str]] = {}
    for name in fixture_names():
        for proof in existing_proofs(load_fixture(name)) + existing_proofs(status_list):
            method = proof.get("verificationMethod") if isinstance(proof, dict) else None
            if isinstance(method, str) and "#" in method and not method.startswith("did:key:"):
                controller, fragment = method.split("#", 1)
                keys.setdefault(controller, []).append(fragment)
    documents: dict[str, Any] = {c: controller_document(c, f) for c, f in keys.items()}
    documents[status_list_url()] = status_list
    return documents


def sample_data(**overrides: Any) -> dict[str, Any]:
    """Return build_credential keyword arguments for a typical Trellis award."""
    data: dict[str, Any] = {
        "credential_id": "https://trellis.example/credentials/0b7d8c",
        "issuer": {
            "id": "did:web:trellis.example:districts:springfield",
            "name": "Springfield Public Schools",
            "url": "https://springfield.example",
            "image": "https://trellis.example/media/springfield.png",
        },
        "achievement": {
            "id": "https://trellis.example/achievements/formative-assessment",
            "name": "Formative Assessment",
            "description": "Uses formative assessment to adjust instruction.",
            "criteria_narrative": "Submitted three cycles of evidence, reviewed by two peers.",
            "image": "https://trellis.example/media/badges/formative.png",
            "alignments": [
                {
                    "targetName": "Assessment literacy",
                    "targetUrl": "https://standards.example/case/items/42",
                    "targetCode": "AL.2",
                    "targetFramework": "District Teaching Framework",
                    "targetType": "CFItem",
                }
            ],
        },
        "recipient": {"email": "Ana.Teacher@Springfield.example", "salt": "c0ffee"},
        "valid_from": "2025-01-06T09:00:00Z",
        "evidence": [
            {
                "id": "https://trellis.example/evidence/77",
                "name": "Lesson study",
                "narrative": "Three lessons with exit tickets.",
            }
        ],
    }
    data.update(overrides)
    return data


def issuer_key(did: str = "did:web:trellis.example:districts:springfield"):
    """Generate a key named under a did:web issuer."""
    return generate_key_pair(controller=did)


def require_interop() -> str:
    """Return the node executable, failing clearly when the interop project is not installed."""
    assert (INTEROP / "node_modules").is_dir(), (
        "interop/node_modules is missing: run `npm ci --prefix interop` first."
    )
    node = shutil.which("node")
    assert node, "Node.js is needed for the interop tests (node was not found on PATH)."
    return node


def run_node(script: str, payload: Any, *args: str) -> Any:
    """Run an interop script with a JSON payload on stdin and parse its JSON output."""
    done = subprocess.run(
        [require_interop(), str(INTEROP / script), *args],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{script} failed: {done.stderr}"
    return json.loads(done.stdout)
