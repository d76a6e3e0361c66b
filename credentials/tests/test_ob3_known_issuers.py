"""Known issuers: a credential signed by a hosted issuer, or one that only borrows its name."""

import pytest

from credentials.ob3 import (
    HostedIssuer,
    Signer,
    build_credential,
    comparable_name,
    generate_key_pair,
    known_issuer,
    verify_credential,
)

from .ob3_support import sample_data

HOSTED_DID = "did:web:trellis.example:issuers:teacher-leadership-network"
NETWORK = HostedIssuer(
    "Teacher Leadership Network",
    "https://trellis.example/issuers/teacher-leadership-network/",
    frozenset({HOSTED_DID}),
)
ELSEWHERE = HostedIssuer(
    "Springfield Public Schools", "https://trellis.example/issuers/springfield/", frozenset()
)


def self_signed(name: str) -> dict:
    """Sign a credential with a fresh did:key that names itself `name`."""
    key = generate_key_pair()
    return Signer(key).sign(
        build_credential(**sample_data(issuer={"id": key.controller, "name": name}))
    )


@pytest.mark.parametrize(
    "copy",
    [
        "teacher leadership network",
        "  Teacher   Leadership\tNetwork ",
        "TEACHER LEADERSHIP NETWORK",
        "Ｔｅａｃｈｅｒ Ｌｅａｄｅｒｓｈｉｐ Ｎｅｔｗｏｒｋ",  # full-width letters
        "Teacher Leader\u200bship Network",  # a zero-width space
        "TeacherLeadershipNetwork",
    ],
)
def test_near_copies_of_a_name_compare_equal(copy):
    assert comparable_name(copy) == comparable_name("Teacher Leadership Network")


def test_different_names_stay_different():
    assert comparable_name("Teacher Leadership Network") != comparable_name(
        "Teacher Leadership Networks"
    )
    assert comparable_name("") == ""


def test_a_self_signed_credential_naming_a_hosted_issuer_is_valid_but_flagged():
    credential = self_signed("teacher leadership NETWORK")
    result = verify_credential(credential, hosted_issuers=[NETWORK, ELSEWHERE])
    assert result["verified"] is True
    known = result["known_issuer"]
    assert known["hosted"] is False
    assert known["issuer"] is None
    assert known["lookalikes"] == [{"name": NETWORK.name, "url": NETWORK.url}]
    assert "is not that issuer's identifier" in known["reason"]
    assert credential["issuer"]["id"] in known["reason"]


def test_a_credential_signed_as_the_hosted_issuer_is_credited_to_it():
    document = {"issuer": {"id": HOSTED_DID, "name": "Teacher Leadership Network"}}
    known = known_issuer(document, [NETWORK, ELSEWHERE], proven=True)
    assert known["hosted"] is True
    assert known["issuer"] == {"name": NETWORK.name, "url": NETWORK.url}
    assert known["lookalikes"] == []
    assert "hosted on this site" in known["reason"]


def test_an_unrelated_outside_issuer_is_simply_not_known():
    result = verify_credential(self_signed("Riverside Teacher Academy"), hosted_issuers=[NETWORK])
    assert result["verified"] is True
    known = result["known_issuer"]
    assert (known["hosted"], known["issuer"], known["lookalikes"]) == (False, None, [])
    assert "is not one hosted on this site" in known["reason"]


def test_naming_a_hosted_identifier_without_a_signature_to_show_it_credits_nobody():
    document = {"issuer": {"id": HOSTED_DID, "name": "Someone Else"}}
    known = known_issuer(document, [NETWORK], proven=False)
    assert known["hosted"] is False
    assert known["lookalikes"] == [{"name": NETWORK.name, "url": NETWORK.url}]
    assert "does not show that issuer signed it" in known["reason"]


def test_a_hosted_issuer_sharing_its_name_with_another_is_credited_and_the_other_listed():
    twin = HostedIssuer(
        " teacher leadership network", "https://trellis.example/issuers/twin/", frozenset()
    )
    document = {"issuer": {"id": HOSTED_DID, "name": "Teacher Leadership Network"}}
    known = known_issuer(document, [NETWORK, twin], proven=True)
    assert known["hosted"] is True
    assert known["lookalikes"] == [{"name": twin.name, "url": twin.url}]


@pytest.mark.parametrize("issuer", [None, 42, ["x"], {"id": 7, "name": ["x"]}, "did:key:z6Mk"])
def test_an_issuer_of_any_shape_gets_an_answer(issuer):
    known = known_issuer({"issuer": issuer}, [NETWORK], proven=False)
    assert known["hosted"] is False
    assert known["lookalikes"] == []


def test_without_hosted_issuers_the_verdict_says_nothing_of_them():
    assert "known_issuer" not in verify_credential(self_signed("Teacher Leadership Network"))
