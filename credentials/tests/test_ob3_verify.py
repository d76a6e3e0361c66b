"""Verifying Trellis credentials: resolvers, rotation, revocation, and hostile input."""

import json
from datetime import UTC, datetime

import pytest

from credentials.ob3 import (
    Signer,
    StatusList,
    build_credential,
    controller_document,
    generate_key_pair,
    status_list_credential,
    status_list_entry,
    verify_credential,
)

from .ob3_support import issuer_key, sample_data

DID = "did:web:trellis.example:districts:springfield"
LIST_URL = "https://trellis.example/status/springfield/revocation/1"


def _issue(key, **overrides):
    return Signer(key).sign(build_credential(**sample_data(**overrides)))


def _failed(result):
    return {c["check"]: c["reason"] for c in result["checks"] if not c["ok"]}


def test_it_verifies_a_trellis_credential_through_a_locally_resolved_did_web():
    key = issuer_key(DID)
    documents = {DID: controller_document(DID, [key.public_key_multibase])}
    result = verify_credential(_issue(key), fetch_controller=documents.get)
    assert result["verified"] is True, result
    assert [c["check"] for c in result["checks"]] == [
        "context",
        "type",
        "schema",
        "proof",
        "issuer",
        "dates",
        "status",
    ]


def test_a_key_kept_in_the_did_document_after_rotation_still_verifies_old_credentials():
    old, new = issuer_key(DID), issuer_key(DID)
    old_credential = _issue(old)
    documents = {
        DID: controller_document(DID, [new.public_key_multibase, old.public_key_multibase])
    }
    assert verify_credential(old_credential, fetch_controller=documents.get)["verified"]
    assert verify_credential(_issue(new), fetch_controller=documents.get)["verified"]
    dropped = {DID: controller_document(DID, [new.public_key_multibase])}
    result = verify_credential(old_credential, fetch_controller=dropped.get)
    assert "does not contain the key" in _failed(result)["proof"]


def test_it_accepts_only_keys_the_controller_lists_for_assertions():
    key = issuer_key(DID)
    document = controller_document(DID, [key.public_key_multibase])
    document["assertionMethod"] = []
    result = verify_credential(_issue(key), fetch_controller={DID: document}.get)
    assert "does not list" in _failed(result)["proof"]


def test_it_rejects_a_credential_whose_issuer_does_not_control_the_key():
    stranger = generate_key_pair()  # a did:key, resolvable by anyone
    result = verify_credential(_issue(stranger))
    assert result["verified"] is False
    assert (
        f"not the controller of the signing key (controlled by {stranger.controller})"
        in _failed(result)["issuer"]
    )


def test_it_resolves_did_key_issuers_without_a_resolver():
    key = generate_key_pair()
    credential = _issue(key, issuer={"id": key.controller, "name": "Self-hosted"})
    assert verify_credential(credential)["verified"] is True


def test_it_reports_revoked_and_suspended_credentials_from_a_signed_status_list():
    key = issuer_key(DID)
    status = StatusList()
    status.set(3)
    signer = Signer(key)
    lists = {}
    for purpose in ("revocation", "suspension"):
        url = f"{LIST_URL}/{purpose}"
        lists[url] = signer.sign(
            status_list_credential(url, DID, status, "2025-01-01T00:00:00Z", purpose)
        )
    documents = {DID: controller_document(DID, [key.public_key_multibase]), **lists}
    for purpose, phrase in (("revocation", "has been revoked"), ("suspension", "is suspended")):
        url = f"{LIST_URL}/{purpose}"
        flagged = _issue(key, status=status_list_entry(url, 3, purpose))
        clear = _issue(key, status=status_list_entry(url, 4, purpose))
        result = verify_credential(
            flagged, fetch_controller=documents.get, fetch_status_list=documents.get
        )
        assert list(_failed(result)) == ["status"] and phrase in _failed(result)["status"]
        assert verify_credential(
            clear, fetch_controller=documents.get, fetch_status_list=documents.get
        )["verified"]


def test_it_fails_the_status_check_when_the_list_cannot_be_trusted_or_fetched():
    key, other = issuer_key(DID), issuer_key("did:web:elsewhere.example")
    documents = {
        DID: controller_document(DID, [key.public_key_multibase]),
        other.controller: controller_document(other.controller, [other.public_key_multibase]),
    }
    credential = _issue(key, status=status_list_entry(LIST_URL, 1))
    unfetchable = verify_credential(
        credential, fetch_controller=documents.get, fetch_status_list=lambda _url: None
    )
    assert "could not be found" in _failed(unfetchable)["status"]
    forged = Signer(other).sign(
        status_list_credential(
            LIST_URL, "did:web:elsewhere.example", StatusList(), "2025-01-01T00:00:00Z"
        )
    )
    result = verify_credential(
        credential, fetch_controller=documents.get, fetch_status_list={LIST_URL: forged}.get
    )
    assert "not by the credential's issuer" in _failed(result)["status"]


def test_it_checks_dates_against_the_given_time():
    key = generate_key_pair()
    credential = _issue(
        key, issuer={"id": key.controller, "name": "X"}, valid_until="2026-01-01T00:00:00Z"
    )
    early = verify_credential(credential, now=datetime(2024, 1, 1, tzinfo=UTC))
    assert "not valid until 2025-01-06T09:00:00Z" in _failed(early)["dates"]
    late = verify_credential(credential, now=datetime(2027, 1, 1, tzinfo=UTC))
    assert "expired on 2026-01-01T00:00:00Z" in _failed(late)["dates"]
    assert verify_credential(credential, now=datetime(2025, 6, 1, tzinfo=UTC))["verified"]


def test_it_says_unknown_context_for_an_ob_context_version_it_does_not_ship():
    key = generate_key_pair()
    credential = _issue(key, issuer={"id": key.controller, "name": "X"})
    credential["@context"][1] = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.9.json"
    result = verify_credential(credential)
    assert (
        "unknown context https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.9.json"
        in _failed(result)["context"]
    )
    assert "unknown to Trellis" in _failed(result)["proof"]


def test_it_checks_every_proof_and_ignores_proof_types_it_does_not_know():
    key = generate_key_pair()
    credential = _issue(key, issuer={"id": key.controller, "name": "X"})
    credential["proof"].insert(0, {"type": "SomeFutureProof", "proofValue": "zzz"})
    result = verify_credential(credential)
    assert result["verified"] is True
    proof = [c for c in result["checks"] if c["check"] == "proof"][0]
    assert "SomeFutureProof" in proof["reason"]
    credential["proof"].append(dict(credential["proof"][1], proofValue="z" + "2" * 87))
    assert "Proof 3 of 3" in _failed(verify_credential(credential))["proof"]


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "{",
        "[]",
        "null",
        b"\xff\xfe",
        42,
        None,
        {},
        {"@context": 5},
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "proof": "nonsense"},
        {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": 7},
            "validFrom": "yesterday",
            "credentialStatus": [{"type": "BitstringStatusListEntry"}],
            "proof": [
                {
                    "type": "DataIntegrityProof",
                    "cryptosuite": "eddsa-rdfc-2022",
                    "proofPurpose": "assertionMethod",
                    "verificationMethod": "did:key:z6Mk",
                    "proofValue": "z!",
                }
            ],
        },
    ],
)
def test_it_never_raises_on_malformed_input_and_explains_the_failure(garbage):
    result = verify_credential(garbage)
    assert result["verified"] is False
    assert result["checks"] and all(
        isinstance(c["reason"], str) and c["reason"] for c in result["checks"]
    )
    assert any(not c["ok"] for c in result["checks"])


def test_it_accepts_json_text_as_well_as_a_dict():
    key = generate_key_pair()
    credential = _issue(key, issuer={"id": key.controller, "name": "X"})
    assert verify_credential(json.dumps(credential))["verified"]
    assert verify_credential(json.dumps(credential).encode())["verified"]
