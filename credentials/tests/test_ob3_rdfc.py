"""RDFC-1.0 canonicalization: pyld underneath, cached contexts, RDFC-1.0 escaping, safe mode."""

import copy

import pytest
from pyld import jsonld

from credentials.ob3 import (
    Canonicalizer,
    UnknownContextError,
    UnsafeJsonLdError,
    build_credential,
    canonicalize,
    status_list_entry,
)
from credentials.ob3.contexts import document_loader, known_context_urls

from .ob3_support import fixture_names, load_fixture, sample_data


def _plain_pyld(document):
    return jsonld.normalize(
        copy.deepcopy(document),
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
            "base": None,
        },
    )


def _body(name):
    return {k: v for k, v in load_fixture(name).items() if k != "proof"}


def test_the_caching_canonicalizer_matches_plain_pyld_on_every_fixture_it_accepts():
    canonicalizer = Canonicalizer()
    compared = 0
    for _round in range(2):  # the second round runs on warm caches
        for name in fixture_names():
            try:
                ours = canonicalizer.canonicalize(_body(name))
            except UnsafeJsonLdError:
                continue
            assert ours == _plain_pyld(_body(name)), name
            compared += 1
    assert compared >= 20


def test_it_escapes_control_characters_as_rdfc_1_0_does():
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:1",
        "type": ["VerifiableCredential"],
        "name": 'a\x00b\x07c\x08d\te\nf\x0bg\x0ch\ri\x1bj\x7fk"l\\m é',
    }
    line = [q for q in canonicalize(document).splitlines() if "schema.org/name" in q][0]
    assert line == (
        "<urn:uuid:1> <https://schema.org/name> "
        '"a\\u0000b\\u0007c\\bd\\te\\nf\\u000Bg\\fh\\ri\\u001Bj\\u007Fk\\"l\\\\m é" .'
    )
    # pyld alone leaves those characters raw, which would not match other implementations.
    assert "\x07" in _plain_pyld(document)


def test_control_characters_in_blank_node_data_use_rdfc_escaping_for_labels_too():
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:2",
        "type": ["VerifiableCredential"],
        "credentialSubject": [{"name": "x\x01"}, {"name": "x\x02"}],
    }
    nquads = canonicalize(document)
    assert '"x\\u0001"' in nquads and '"x\\u0002"' in nquads
    assert "_:c14n0" in nquads and "_:c14n1" in nquads


def test_it_refuses_contexts_it_does_not_ship():
    document = {"@context": ["https://example.com/unknown-context.json"], "name": "x"}
    with pytest.raises(Exception) as raised:
        canonicalize(document)
    chain: list[BaseException] = []
    error: BaseException | None = raised.value
    while error is not None:
        chain.append(error)
        error = error.__cause__
    assert any(isinstance(e, UnknownContextError) for e in chain)


def test_it_ships_every_context_the_fixtures_use():
    used = {
        c for name in fixture_names() for c in load_fixture(name)["@context"] if isinstance(c, str)
    }
    assert used <= known_context_urls()


def test_it_rejects_data_json_ld_would_silently_drop_like_jsonld_js_safe_mode():
    document = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "id": "urn:uuid:3",
        "type": ["VerifiableCredential"],
        "notATerm": "unsigned",
    }
    with pytest.raises(UnsafeJsonLdError, match="notATerm"):
        canonicalize(document)
    relative = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "relative/id",
        "type": ["VerifiableCredential"],
    }
    with pytest.raises(UnsafeJsonLdError, match="relative/id"):
        canonicalize(relative)


def test_warm_caches_never_change_the_output_across_differently_shaped_credentials():
    canonicalizer = Canonicalizer()
    variants = []
    for i in range(12):
        data = sample_data(credential_id=f"https://trellis.example/c/{i}")
        if i % 2:
            data["recipient"] = {"id": f"did:example:teacher{i}"}
        if i % 3 == 0:
            data["evidence"] = []
            data["achievement"] = dict(data["achievement"], alignments=[], image=None)
        if i % 4 == 1:
            data["status"] = status_list_entry("https://trellis.example/status/1", i)
            data["valid_until"] = "2030-01-01T00:00:00Z"
        variants.append(build_credential(**data))
    variants += [_body(n) for n in ("complete.json", "simple.json", "endorsement-valid.json")]
    for _round in range(3):
        for document in variants:
            assert canonicalizer.canonicalize(document) == _plain_pyld(document)
