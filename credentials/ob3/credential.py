"""Build Open Badges 3.0 OpenBadgeCredentials from plain data."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from .contexts import CREDENTIALS_V2, OB_V3P0_3_0_3
from .signing import utc_timestamp

CONTEXT = [CREDENTIALS_V2, OB_V3P0_3_0_3]
TYPES = ["VerifiableCredential", "OpenBadgeCredential"]

# An absolute IRI with nothing RDFC-1.0 would have to escape. JSON-LD silently drops
# relative IRIs, which would leave that data outside the signature, so we refuse them.
_ABSOLUTE_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\]+$')
_ALIGNMENT_KEYS = (
    "targetName",
    "targetUrl",
    "targetDescription",
    "targetCode",
    "targetFramework",
    "targetType",
)
_EVIDENCE_KEYS = ("id", "name", "description", "narrative", "genre", "audience")


class CredentialDataError(ValueError):
    """The data cannot make a valid credential; the message is a whole sentence."""


def _iri(value: Any, what: str) -> str:
    """Return value if it is an absolute IRI, else raise CredentialDataError."""
    if not isinstance(value, str) or not _ABSOLUTE_IRI.match(value):
        raise CredentialDataError(f"The {what} must be an absolute URL or URI, not {value!r}.")
    return value


def _text(value: Any, what: str) -> str:
    """Return value if it is non-blank text, else raise CredentialDataError."""
    if not isinstance(value, str) or not value.strip():
        raise CredentialDataError(f"The {what} must be non-empty text.")
    return value


def _timestamp(value: str | datetime, what: str) -> str:
    """Accept a timezone-aware datetime or an already formatted UTC timestamp."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise CredentialDataError(f"The {what} must be timezone-aware.")
        return utc_timestamp(value)
    return _text(value, what)


def _image(value: str | Mapping[str, Any] | None, what: str) -> dict[str, Any] | None:
    """Build an OB Image from a URL or {id, caption}."""
    if value is None:
        return None
    if isinstance(value, str):
        return {"id": _iri(value, what), "type": "Image"}
    image = {"id": _iri(value.get("id"), what), "type": "Image"}
    if value.get("caption"):
        image["caption"] = _text(value["caption"], f"{what} caption")
    return image


def hash_email(email: str, salt: str) -> str:
    """Return an OB IdentityHash of an email: sha256$hex(sha256(email + salt))."""
    return "sha256$" + hashlib.sha256((email + salt).encode("utf-8")).hexdigest()


def normalize_email(email: str) -> str:
    """Trim and lower-case an email, so a verifier hashing what a person types gets a match."""
    email = _text(email, "recipient email").strip().lower()
    if "@" not in email:
        raise CredentialDataError(f"The recipient email {email!r} is not an email address.")
    return email


def identity_object(email: str, salt: str | None = None) -> dict[str, Any]:
    """Build a hashed, salted emailAddress IdentityObject for a recipient."""
    salt = salt if salt is not None else secrets.token_hex(16)
    return {
        "type": "IdentityObject",
        "identityHash": hash_email(normalize_email(email), salt),
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def build_issuer(issuer: Mapping[str, Any]) -> dict[str, Any]:
    """Build the issuer Profile from {id, name, url?, image?, email?, description?}."""
    profile: dict[str, Any] = {
        "id": _iri(issuer.get("id"), "issuer id"),
        "type": ["Profile"],
        "name": _text(issuer.get("name"), "issuer name"),
    }
    if issuer.get("url"):
        profile["url"] = _iri(issuer["url"], "issuer url")
    if issuer.get("email"):
        profile["email"] = _text(issuer["email"], "issuer email")
    if issuer.get("description"):
        profile["description"] = _text(issuer["description"], "issuer description")
    image = _image(issuer.get("image"), "issuer image")
    if image:
        profile["image"] = image
    return profile


def build_alignment(alignment: Mapping[str, Any]) -> dict[str, Any]:
    """Build an Alignment from {targetName, targetUrl, targetCode?, targetFramework?, ...}."""
    built: dict[str, Any] = {"type": ["Alignment"]}
    for key in _ALIGNMENT_KEYS:
        if alignment.get(key) not in (None, ""):
            built[key] = alignment[key]
    _text(built.get("targetName"), "alignment targetName")
    _iri(built.get("targetUrl"), "alignment targetUrl")
    return built


def build_achievement(achievement: Mapping[str, Any]) -> dict[str, Any]:
    """Build the Achievement from {id, name, description, criteria_narrative, image?, ...}."""
    built: dict[str, Any] = {
        "id": _iri(achievement.get("id"), "achievement id"),
        "type": ["Achievement"],
        "name": _text(achievement.get("name"), "achievement name"),
        "description": _text(achievement.get("description"), "achievement description"),
        "criteria": {
            "narrative": _text(achievement.get("criteria_narrative"), "criteria narrative")
        },
    }
    if achievement.get("achievement_type"):
        built["achievementType"] = achievement["achievement_type"]
    image = _image(achievement.get("image"), "achievement image")
    if image:
        built["image"] = image
    alignments = [build_alignment(a) for a in achievement.get("alignments") or ()]
    if alignments:
        built["alignment"] = alignments
    return built


def build_subject(recipient: Mapping[str, Any], achievement: dict[str, Any]) -> dict[str, Any]:
    """Build the AchievementSubject for a recipient given as {id} or {email, salt?}."""
    subject: dict[str, Any] = {"type": ["AchievementSubject"]}
    if recipient.get("id"):
        subject["id"] = _iri(recipient["id"], "recipient id")
    elif recipient.get("email"):
        subject["identifier"] = [identity_object(recipient["email"], recipient.get("salt"))]
    else:
        raise CredentialDataError("The recipient needs an id (such as a DID) or an email address.")
    subject["achievement"] = achievement
    return subject


def build_evidence(item: Mapping[str, Any]) -> dict[str, Any]:
    """Build an Evidence entry from {id?, name?, description?, narrative?, genre?, audience?}."""
    built: dict[str, Any] = {"type": ["Evidence"]}
    for key in _EVIDENCE_KEYS:
        if item.get(key) not in (None, ""):
            built[key] = (
                _iri(item[key], "evidence id")
                if key == "id"
                else _text(item[key], f"evidence {key}")
            )
    return built


def build_credential(
    *,
    credential_id: str,
    issuer: Mapping[str, Any],
    achievement: Mapping[str, Any],
    recipient: Mapping[str, Any],
    valid_from: str | datetime,
    valid_until: str | datetime | None = None,
    evidence: Sequence[Mapping[str, Any]] = (),
    status: Mapping[str, Any] | None = None,
    name: str | None = None,
    awarded_date: str | datetime | None = None,
) -> dict[str, Any]:
    """Build an unsigned OpenBadgeCredential ([VC 2.0, OB 3.0.3] contexts) from plain data."""
    built_achievement = build_achievement(achievement)
    credential: dict[str, Any] = {
        "@context": list(CONTEXT),
        "id": _iri(credential_id, "credential id"),
        "type": list(TYPES),
        "name": _text(name, "credential name") if name is not None else built_achievement["name"],
        "issuer": build_issuer(issuer),
        "validFrom": _timestamp(valid_from, "validFrom"),
        "credentialSubject": build_subject(recipient, built_achievement),
    }
    if valid_until is not None:
        credential["validUntil"] = _timestamp(valid_until, "validUntil")
    if awarded_date is not None:
        credential["awardedDate"] = _timestamp(awarded_date, "awardedDate")
    if evidence:
        credential["evidence"] = [build_evidence(item) for item in evidence]
    if status is not None:
        credential["credentialStatus"] = dict(status)
    return credential
