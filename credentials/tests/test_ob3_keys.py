"""Keys: Multikey encoding, did:key, did:web controller documents."""

import pytest

from credentials.ob3 import (
    KeyFormatError,
    controller_document,
    did_web_to_url,
    generate_key_pair,
    key_pair_from_secret_multibase,
    public_key_from_multibase,
    resolve_did_key,
    url_to_did_web,
)


def test_it_encodes_public_keys_as_z6mk_multikeys_that_round_trip():
    key = generate_key_pair()
    multibase = key.public_key_multibase
    assert multibase.startswith("z6Mk")
    assert (
        public_key_from_multibase(multibase).public_bytes_raw() == key.public_key.public_bytes_raw()
    )


def test_it_names_a_fresh_key_as_a_did_key_whose_fragment_is_the_key():
    key = generate_key_pair()
    multibase = key.public_key_multibase
    assert key.verification_method == f"did:key:{multibase}#{multibase}"
    assert key.controller == f"did:key:{multibase}"


def test_it_serializes_the_secret_key_and_loads_it_back():
    key = generate_key_pair(controller="did:web:trellis.example")
    secret = key.secret_key_multibase
    assert secret.startswith("z3u2")  # multicodec ed25519-priv, as Digital Bazaar writes it
    again = key_pair_from_secret_multibase(secret, key.verification_method)
    assert again.public_key_multibase == key.public_key_multibase
    assert again.sign(b"data") == key.sign(b"data")  # Ed25519 is deterministic


def test_it_resolves_a_did_key_to_a_document_listing_the_key_for_assertions():
    key = generate_key_pair()
    document = resolve_did_key(key.verification_method)
    assert document["id"] == key.controller
    assert document["assertionMethod"] == [key.verification_method]
    assert document["verificationMethod"][0]["publicKeyMultibase"] == key.public_key_multibase


@pytest.mark.parametrize("bad", ["did:key:zNotAKey", "did:key:abc", "did:key:"])
def test_it_rejects_malformed_did_keys(bad):
    with pytest.raises(KeyFormatError):
        resolve_did_key(bad)


def test_it_builds_a_did_web_document_listing_rotated_keys_for_assertions():
    old, new = generate_key_pair(), generate_key_pair()
    did = "did:web:trellis.example:districts:springfield"
    document = controller_document(did, [old.public_key_multibase, new.public_key_multibase])
    ids = [f"{did}#{old.public_key_multibase}", f"{did}#{new.public_key_multibase}"]
    assert document["id"] == did
    assert document["assertionMethod"] == ids
    assert [m["id"] for m in document["verificationMethod"]] == ids
    assert {m["type"] for m in document["verificationMethod"]} == {"Multikey"}
    assert document["@context"][0] == "https://www.w3.org/ns/did/v1"


def test_it_maps_did_web_identifiers_to_and_from_https_urls():
    assert (
        did_web_to_url("did:web:trellis.example") == "https://trellis.example/.well-known/did.json"
    )
    assert (
        did_web_to_url("did:web:trellis.example:districts:7")
        == "https://trellis.example/districts/7/did.json"
    )
    assert did_web_to_url("did:web:localhost%3A8000:d:1") == "https://localhost:8000/d/1/did.json"
    assert (
        url_to_did_web("https://trellis.example/districts/7")
        == "did:web:trellis.example:districts:7"
    )
    assert url_to_did_web("https://localhost:8000/") == "did:web:localhost%3A8000"


@pytest.mark.parametrize("bad", ["", "6Mk", "z", "z0OIl", "zQ3s"])
def test_it_rejects_values_that_are_not_ed25519_multikeys(bad):
    with pytest.raises(KeyFormatError):
        public_key_from_multibase(bad)
