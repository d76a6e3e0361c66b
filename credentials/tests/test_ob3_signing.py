"""Signing with DataIntegrityProof / eddsa-rdfc-2022."""

import copy

import pytest

from credentials.ob3 import (
    ProofError,
    Signer,
    build_credential,
    generate_key_pair,
    public_key_from_multibase,
    sign,
    sign_many,
    verify_proof,
)

from .ob3_support import load_fixture, sample_data


def test_it_adds_one_data_integrity_proof_as_an_array_with_every_required_field():
    key = generate_key_pair(controller="did:web:trellis.example")
    signed = sign(build_credential(**sample_data()), key, created="2025-01-06T09:00:00Z")
    assert isinstance(signed["proof"], list) and len(signed["proof"]) == 1
    proof = signed["proof"][0]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"] == key.verification_method
    assert proof["created"] == "2025-01-06T09:00:00Z"
    assert proof["proofValue"].startswith("z")
    verify_proof(signed, proof, key.public_key)


def test_it_does_not_modify_the_credential_it_signs():
    credential = build_credential(**sample_data())
    before = copy.deepcopy(credential)
    sign(credential, generate_key_pair())
    assert credential == before


def test_it_rejects_a_tampered_credential():
    key = generate_key_pair()
    signed = sign(build_credential(**sample_data()), key)
    signed["credentialSubject"]["achievement"]["name"] = "Something else"
    with pytest.raises(ProofError, match="does not match"):
        verify_proof(signed, signed["proof"][0], key.public_key)


def test_it_rejects_a_signature_checked_with_another_key():
    signed = sign(build_credential(**sample_data()), generate_key_pair())
    with pytest.raises(ProofError):
        verify_proof(signed, signed["proof"][0], generate_key_pair().public_key)


def test_it_rejects_a_changed_proof_option_since_the_options_are_signed_too():
    key = generate_key_pair()
    signed = sign(build_credential(**sample_data()), key)
    signed["proof"][0]["created"] = "2030-01-01T00:00:00Z"
    with pytest.raises(ProofError):
        verify_proof(signed, signed["proof"][0], key.public_key)


def test_sign_many_gives_every_credential_the_same_created_time_and_a_valid_proof():
    key = generate_key_pair()
    signer = Signer(key)
    credentials = [
        build_credential(
            **sample_data(
                credential_id=f"https://trellis.example/c/{i}",
                recipient={"id": f"did:example:teacher-{i}"},
            )
        )
        for i in range(5)
    ]
    signed = signer.sign_many(credentials, created="2025-02-01T00:00:00Z")
    assert {s["proof"][0]["created"] for s in signed} == {"2025-02-01T00:00:00Z"}
    assert len({s["proof"][0]["proofValue"] for s in signed}) == 5
    for credential in signed:
        verify_proof(credential, credential["proof"][0], key.public_key)
    assert sign_many(credentials, key, created="2025-02-01T00:00:00Z") == signed


def test_it_verifies_1edtech_signed_fixtures():
    for name in ("simple.json", "complete.json", "simple-context-version.json"):
        credential = load_fixture(name)
        proof = credential["proof"][0]
        key = public_key_from_multibase(proof["verificationMethod"].split("#")[1])
        verify_proof(credential, proof, key)


def test_it_rejects_a_proof_value_that_is_not_a_signature():
    key = generate_key_pair()
    signed = sign(build_credential(**sample_data()), key)
    for bad in ("not-multibase", "zz", "z" + "1" * 20, None):
        signed["proof"][0]["proofValue"] = bad
        with pytest.raises(ProofError):
            verify_proof(signed, signed["proof"][0], key.public_key)
