"""The verifier's verdict and reason on every 1EdTech conformance fixture."""

import re

import pytest

from credentials.ob3 import verify_credential

from .ob3_support import fixture_documents, fixture_names, load_fixture

DOCUMENTS = fixture_documents()
SCHEMA, PROOF, DATES = "schema", "proof", "dates"
VC11 = r"VC 1\.1 context"

# fixture -> (verified, {check that must fail: pattern its reason must match})
EXPECTED = {
    "simple.json": (True, {}),
    "complete.json": (True, {}),
    "simple-context-alias.json": (True, {}),
    "simple-context-version.json": (True, {}),
    "simple-did-web-method.json": (True, {}),
    "simple-multiple-proofs.json": (True, {}),
    "endorsement-valid.json": (True, {}),
    # Trellis requires the issuer to control the signing key; this fixture's issuer is a
    # urn:uuid signed by an unrelated did:key (see the conformance-mode test below).
    "simple-did-key-method.json": (False, {"issuer": r"not the controller of the signing key"}),
    "bit-string-list/credential-status-revoked.json": (
        False,
        {"status": r"has been revoked \(bit 23"},
    ),
    "bit-string-list/credential-status-revoked-blank-nodes.json": (
        False,
        {"status": r"has been revoked \(bit 23"},
    ),
    "simple-err-context.json": (
        False,
        {"context": r"first @context must be https://www\.w3\.org/ns/credentials/v2"},
    ),
    "simple-err-type.json": (False, {"type": r"none of OpenBadgeCredential"}),
    "simple-err-expired.json": (
        False,
        {DATES: r"expired on 2010-01-01T00:00:00Z \(validUntil has passed\)"},
    ),
    "simple-err-issued.json": (
        False,
        {DATES: r"not valid until 2040-01-01T00:00:00Z \(validFrom is in the future\)"},
    ),
    "simple-err-issuer.json": (
        False,
        {"issuer": r"names no issuer", SCHEMA: r"'issuer' is a required"},
    ),
    "simple-err-issuer-type.json": (
        False,
        {SCHEMA: r"at issuer\.type: \['InvalidProfile'\] must include 'Profile'"},
    ),
    "simple-err-issuer-parentorg-type.json": (
        False,
        {SCHEMA: r"at issuer\.parentOrg\.type: .*must include 'Profile'"},
    ),
    "simple-err-issuer-otheridentifier-type.json": (
        False,
        {SCHEMA: r"at issuer\.otherIdentifier\[1\]\.type: 'InvalidIdentifierEntry'"},
    ),
    "simple-err-credential-subject-type.json": (
        False,
        {SCHEMA: r"at credentialSubject\.type: .*must include 'AchievementSubject'"},
    ),
    "simple-err-credential-subject-identifier-type.json": (
        False,
        {SCHEMA: r"at credentialSubject\.identifier\[0\]\.type: 'InvalidIdentityObject'"},
    ),
    "simple-err-credential-subject-profile-type.json": (
        False,
        {SCHEMA: r"at credentialSubject\.source\.type: .*must include 'Profile'"},
    ),
    "simple-err-credential-subject-result-type.json": (
        False,
        {SCHEMA: r"at credentialSubject\.result\[1\]\.type: .*must include 'Result'"},
    ),
    "simple-err-credential-subject-achievement-result-description-type.json": (
        False,
        {SCHEMA: r"resultDescription\[2\]\.type: .*must include 'ResultDescription'"},
    ),
    "simple-err-evidence-type.json": (
        False,
        {SCHEMA: r"at evidence\[1\]\.type: .*must include 'Evidence'"},
    ),
    "simple-err-proof-method.json": (False, {PROOF: r"is not a usable Ed25519 key"}),
    "simple-err-proof-method-no-scheme.json": (False, {PROOF: r"is not a URL: it has no scheme"}),
    "simple-err-proof-method-unknown-did-method.json": (
        False,
        {PROOF: r"DID method did:example .* is not supported"},
    ),
    "simple-err-proof-method-unknown-scheme.json": (False, {PROOF: r"unsupported scheme xxx"}),
    "simple-err-proof-value.json": (False, {PROOF: r"signature does not match"}),
    "simple-noproof.json": (False, {PROOF: r"has no proof", "context": VC11}),
    # VC 1.1 credentials from OB 3.0's drafts: Trellis verifies VC 2.0 credentials only.
    "simple_v1.json": (False, {"context": VC11, PROOF: r"Ed25519Signature2020"}),
    "complete_v1.json": (
        False,
        {"context": VC11, DATES: r"expired on 2020-01-01T00:00:00Z \(expirationDate"},
    ),
    "simple-eddsa-2022.json": (False, {"context": VC11, PROOF: r"cryptosuite 'eddsa-2022'"}),
    "credential-status-revoked.json": (False, {"context": VC11, PROOF: r"Ed25519Signature2020"}),
    "endorsement-err-schema-status-refresh.json": (
        False,
        {"context": VC11, SCHEMA: r"validFrom' is a required"},
    ),
}


def _verify(name, **options):
    return verify_credential(
        load_fixture(name),
        fetch_controller=DOCUMENTS.get,
        fetch_status_list=DOCUMENTS.get,
        **options,
    )


def test_every_fixture_has_an_expected_verdict():
    assert set(EXPECTED) == set(fixture_names())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_gives_the_right_verdict_and_reason_on_each_fixture(name):
    verified, failing = EXPECTED[name]
    result = _verify(name)
    assert result["verified"] is verified, result
    failed = {c["check"]: c["reason"] for c in result["checks"] if not c["ok"]}
    for check, pattern in failing.items():
        assert check in failed, f"{name}: expected the {check} check to fail: {result}"
        assert re.search(pattern, failed[check]), failed[check]
    if verified:
        assert not failed


def test_valid_fixtures_pass_every_check_including_proof_and_schema():
    for name in ("simple.json", "complete.json", "endorsement-valid.json"):
        checks = {c["check"]: c for c in _verify(name)["checks"]}
        assert set(checks) == {"context", "type", "schema", "proof", "issuer", "dates", "status"}
        assert all(c["ok"] for c in checks.values())
        assert "eddsa-rdfc-2022 signature verifies" in checks["proof"]["reason"]


def test_in_conformance_mode_the_did_key_fixture_passes_but_says_the_issuer_is_unbound():
    result = _verify("simple-did-key-method.json", require_issuer_binding=False)
    assert result["verified"] is True
    issuer = [c for c in result["checks"] if c["check"] == "issuer"][0]
    assert "not the controller of the signing key" in issuer["reason"]


def test_the_revoked_fixture_is_otherwise_valid():
    result = _verify("bit-string-list/credential-status-revoked.json")
    assert [c["check"] for c in result["checks"] if not c["ok"]] == ["status"]
