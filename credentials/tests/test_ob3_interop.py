"""Cross-checks against Digital Bazaar's JavaScript stack (interop/), run as subprocesses.

These need `npm ci --prefix interop`; without it they fail (never skip) and say so.
"""

import copy
import json
import subprocess

from jsonschema import Draft201909Validator

from credentials.ob3 import (
    Signer,
    StatusList,
    build_credential,
    controller_document,
    status_list_credential,
    status_list_entry,
    verify_credential,
)
from lib.reference_data import shared_dir

from .ob3_support import (
    INTEROP,
    fixture_documents,
    issuer_key,
    load_fixture,
    require_interop,
    run_node,
    sample_data,
)

DID = "did:web:trellis.example:districts:springfield"
LIST_URL = "https://trellis.example/status/springfield/1"
TEXTS = {
    "ascii": "Formative Assessment",
    "non-ascii": 'Évaluation formative – 形成性评价 ✓ "quoted" back\\slash',
    "control": "tab\tnewline\ncr\rnull\x00bell\x07bs\x08vt\x0bff\x0cesc\x1bunit\x1fdel\x7fend",
}


def _issue_batch():
    key = issuer_key(DID)
    status = StatusList()
    status.set(9)
    signer = Signer(key)
    documents = {
        DID: controller_document(DID, [key.public_key_multibase]),
        LIST_URL: signer.sign(
            status_list_credential(LIST_URL, DID, status, "2025-01-01T00:00:00Z")
        ),
    }
    credentials = {}
    for index, (label, text) in enumerate(TEXTS.items()):
        achievement = dict(
            sample_data()["achievement"], name=text, description=text, criteria_narrative=text
        )
        credentials[label] = build_credential(
            **sample_data(
                credential_id=f"https://trellis.example/credentials/{label}",
                achievement=achievement,
                status=status_list_entry(LIST_URL, index),
            )
        )
    credentials["revoked"] = build_credential(**sample_data(status=status_list_entry(LIST_URL, 9)))
    signed = dict(zip(credentials, signer.sign_many(credentials.values()), strict=True))
    return key, signed, documents


KEY, ISSUED, DOCUMENTS = _issue_batch()


def test_the_interop_project_is_installed():
    assert (INTEROP / "node_modules").is_dir(), (
        "interop/node_modules is missing: run `npm ci --prefix interop` to install the JavaScript "
        "reference stack these tests compare against."
    )
    assert (INTEROP / "package-lock.json").is_file()


def test_the_shipped_contexts_are_exactly_those_the_npm_packages_publish():
    done = subprocess.run(
        [require_interop(), str(INTEROP / "export-contexts.mjs"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["checked"] is True


def test_our_credentials_verify_in_javascript_including_non_ascii_and_control_characters():
    results = run_node("verify.mjs", {"credentials": ISSUED, "documents": DOCUMENTS})["results"]
    by_name = {r["name"]: r for r in results}
    for label in TEXTS:
        assert by_name[label]["verified"] is True, by_name[label]
        assert by_name[label]["status"] == {"checked": True, "revoked": False, "errors": []}


def test_a_tampered_copy_fails_in_javascript():
    tampered = copy.deepcopy(ISSUED["non-ascii"])
    tampered["credentialSubject"]["achievement"]["name"] += " (edited)"
    result = run_node("verify.mjs", {"credentials": [tampered], "documents": DOCUMENTS})["results"][
        0
    ]
    assert result["verified"] is False
    assert any("Invalid signature" in e for e in result["errors"])


def test_a_revoked_credential_is_reported_revoked_by_javascript_and_by_us():
    result = run_node("verify.mjs", {"credentials": [ISSUED["revoked"]], "documents": DOCUMENTS})[
        "results"
    ][0]
    assert result["verified"] is True and result["status"]["revoked"] is True
    ours = verify_credential(
        ISSUED["revoked"], fetch_controller=DOCUMENTS.get, fetch_status_list=DOCUMENTS.get
    )
    assert [c["check"] for c in ours["checks"] if not c["ok"]] == ["status"]


def test_a_javascript_issued_credential_verifies_in_our_verifier():
    unsigned = build_credential(
        **sample_data(achievement=dict(sample_data()["achievement"], name=TEXTS["control"]))
    )
    signed = run_node(
        "issue.mjs",
        {
            "credential": unsigned,
            "verificationMethod": KEY.verification_method,
            "publicKeyMultibase": KEY.public_key_multibase,
            "secretKeyMultibase": KEY.secret_key_multibase,
        },
    )
    proof = signed["proof"]
    assert (
        isinstance(proof, dict) and proof["cryptosuite"] == "eddsa-rdfc-2022"
    )  # JS writes one object
    result = verify_credential(signed, fetch_controller=DOCUMENTS.get)
    assert result["verified"] is True, result
    signed["credentialSubject"]["achievement"]["name"] = "forged"
    assert verify_credential(signed, fetch_controller=DOCUMENTS.get)["verified"] is False


def test_javascript_agrees_with_us_on_the_valid_1edtech_fixtures():
    names = [
        "simple.json",
        "complete.json",
        "simple-context-version.json",
        "simple-multiple-proofs.json",
        "endorsement-valid.json",
        "simple-err-proof-value.json",
    ]
    bundle = {"credentials": {n: load_fixture(n) for n in names}, "documents": fixture_documents()}
    results = {r["name"]: r["verified"] for r in run_node("verify.mjs", bundle)["results"]}
    ours = {
        n: verify_credential(load_fixture(n), fetch_controller=bundle["documents"].get)["verified"]
        for n in names
    }
    assert results == ours == {**dict.fromkeys(names, True), "simple-err-proof-value.json": False}


def test_every_issued_credential_validates_against_the_official_schema_in_shared():
    schema = json.loads(
        (shared_dir() / "ob3" / "ob_v3p0_achievementcredential_schema.json").read_text()
    )
    validator = Draft201909Validator(schema)
    for label, credential in ISSUED.items():
        errors = [e.message for e in validator.iter_errors(credential)]
        assert errors == [], (label, errors)
