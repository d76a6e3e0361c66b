"""Building OpenBadgeCredentials from plain data."""

import hashlib

import pytest

from credentials.ob3 import (
    CredentialDataError,
    build_credential,
    is_schema_valid,
    status_list_entry,
    validate_schema,
)

from .ob3_support import sample_data


def test_it_builds_a_credential_the_official_schema_accepts_as_it_is():
    credential = build_credential(
        **sample_data(
            valid_until="2030-01-01T00:00:00Z",
            status=status_list_entry("https://trellis.example/status/1", 5),
        )
    )
    problems, wrapped = validate_schema(credential)
    assert problems == [] and wrapped == []
    assert is_schema_valid(credential)


def test_it_uses_the_vc_2_and_ob_3_0_3_contexts_and_types():
    credential = build_credential(**sample_data())
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["criteria"] == {
        "narrative": sample_data()["achievement"]["criteria_narrative"]
    }
    assert achievement["alignment"][0]["type"] == ["Alignment"]
    assert achievement["alignment"][0]["targetCode"] == "AL.2"
    assert credential["issuer"]["image"] == {
        "id": "https://trellis.example/media/springfield.png",
        "type": "Image",
    }


def test_it_hashes_an_email_recipient_with_its_salt():
    subject = build_credential(**sample_data())["credentialSubject"]
    identity = subject["identifier"][0]
    expected = hashlib.sha256(b"ana.teacher@springfield.examplec0ffee").hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": "c0ffee",
    }
    assert "id" not in subject
    assert "Ana" not in str(subject)


def test_it_salts_each_email_recipient_differently_when_no_salt_is_given():
    first = build_credential(**sample_data(recipient={"email": "a@b.example"}))
    second = build_credential(**sample_data(recipient={"email": "a@b.example"}))
    assert (
        first["credentialSubject"]["identifier"][0]["identityHash"]
        != second["credentialSubject"]["identifier"][0]["identityHash"]
    )


def test_it_names_a_did_recipient_as_the_subject_id():
    subject = build_credential(**sample_data(recipient={"id": "did:key:z6MkTeacher"}))[
        "credentialSubject"
    ]
    assert subject["id"] == "did:key:z6MkTeacher" and "identifier" not in subject


@pytest.mark.parametrize(
    "override, message",
    [
        ({"credential_id": "credentials/1"}, "credential id"),
        ({"recipient": {}}, "recipient"),
        ({"recipient": {"email": "not-an-email"}}, "email"),
        ({"issuer": {"id": "did:web:x", "name": " "}}, "issuer name"),
    ],
)
def test_it_refuses_data_that_would_make_an_invalid_or_partly_unsigned_credential(
    override, message
):
    with pytest.raises(CredentialDataError, match=message):
        build_credential(**sample_data(**override))
