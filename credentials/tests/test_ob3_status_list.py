"""Bitstring Status List: encoding, bits, entries and the list credential."""

import base64
import gzip
import json

import pytest

from credentials.ob3 import (
    MIN_BITS,
    Signer,
    StatusList,
    StatusListError,
    generate_key_pair,
    status_list_credential,
    status_list_entry,
    verify_proof,
)

from .ob3_support import fixtures_dir, load_fixture


def test_a_new_list_has_the_minimum_size_and_every_bit_clear():
    status = StatusList()
    assert status.size == MIN_BITS == 131_072
    assert not any(status.get(i) for i in range(0, MIN_BITS, 997))


def test_it_sets_and_clears_bits_counting_from_the_left_of_the_first_byte():
    status = StatusList()
    status.set(0)
    status.set(9)
    raw = gzip.decompress(base64.urlsafe_b64decode(status.encode()[1:] + "=="))
    assert raw[0] == 0b1000_0000 and raw[1] == 0b0100_0000
    status.set(0, False)
    assert not status.get(0) and status.get(9)


def test_it_encodes_as_gzip_base64url_multibase_and_decodes_back():
    status = StatusList()
    for index in (3, 4096, MIN_BITS - 1):
        status.set(index)
    encoded = status.encode()
    assert encoded.startswith("uH4sI") and "=" not in encoded and "+" not in encoded
    decoded = StatusList.decode(encoded)
    assert [decoded.get(i) for i in (2, 3, 4096, MIN_BITS - 1)] == [False, True, True, True]
    assert status.encode() == encoded  # deterministic


def test_it_reads_1edtechs_test_list_with_bit_23_set():
    listed = load_fixture("bit-string-list/credential-status-revoked.json")
    assert (fixtures_dir() / "bit-string-list" / "testlist").is_file()
    testlist = json.loads((fixtures_dir() / "bit-string-list" / "testlist").read_text())
    status = StatusList.decode(testlist["credentialSubject"]["encodedList"])
    assert status.get(23) and not status.get(22)
    assert listed["credentialStatus"]["statusListIndex"] == 23


@pytest.mark.parametrize("bad", ["", "u", "u!!!", "uAAAA", 42])
def test_it_rejects_encoded_lists_that_are_not_gzip_base64url(bad):
    with pytest.raises(StatusListError):
        StatusList.decode(bad)


@pytest.mark.parametrize("index", [-1, MIN_BITS, "3", True])
def test_it_rejects_indexes_outside_the_list(index):
    with pytest.raises(StatusListError):
        StatusList().get(index)


def test_it_refuses_to_create_a_list_smaller_than_the_minimum():
    with pytest.raises(StatusListError):
        StatusList(size=1024)


def test_it_builds_an_entry_and_a_signable_list_credential():
    url = "https://trellis.example/status/revocation/1"
    entry = status_list_entry(url, 42)
    assert entry == {
        "id": f"{url}#42",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "42",
        "statusListCredential": url,
    }
    status = StatusList()
    status.set(42)
    key = generate_key_pair(controller="did:web:trellis.example")
    credential = status_list_credential(
        url, "did:web:trellis.example", status, "2025-01-01T00:00:00Z"
    )
    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert credential["credentialSubject"]["type"] == "BitstringStatusList"
    signed = Signer(key).sign(credential)
    verify_proof(signed, signed["proof"][0], key.public_key)
    assert StatusList.decode(signed["credentialSubject"]["encodedList"]).get(42)
