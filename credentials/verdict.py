"""Read pasted or uploaded credentials safely and explain the verifier's checks in plain words."""

import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .verification import verify

MAX_CREDENTIAL_MB = 1
MAX_CREDENTIAL_BYTES = MAX_CREDENTIAL_MB * 1024 * 1024

# What each check of credentials.ob3.verify_credential means, for a person with no standards
# vocabulary: (label, what a pass means, what a failure means).
MEANINGS = {
    "parse": (
        _("Readable"),
        _("The file is a JSON object."),
        _("The file could not be read as a credential: it must be a single JSON object."),
    ),
    "context": (
        _("Standard vocabulary"),
        _("It uses the vocabularies of W3C Verifiable Credentials 2.0 and Open Badges 3.0."),
        _("It does not use the vocabularies an Open Badges 3.0 credential must use."),
    ),
    "type": (
        _("Kind of credential"),
        _("It says it is an Open Badges credential."),
        _("It does not say it is an Open Badges credential."),
    ),
    "schema": (
        _("Open Badges format"),
        _("Every field has the shape the Open Badges 3.0 standard requires."),
        _("Some fields are missing or not shaped as the Open Badges 3.0 standard requires."),
    ),
    "proof": (
        _("Signature"),
        _("The digital signature is genuine: nothing has changed since it was signed."),
        _(
            "The digital signature could not be confirmed: the credential was changed after "
            "signing, or the key that signed it could not be found."
        ),
    ),
    "issuer": (
        _("Issuer"),
        _("The key that signed it belongs to the issuer it names."),
        _("The signature does not show that the issuer it names really issued it."),
    ),
    "dates": (
        _("Dates"),
        _("Today is within the dates it is valid for."),
        _("Its dates could not be read."),
    ),
    "status": (
        _("Revocation"),
        _("The issuer has not revoked it."),
        _("Whether the issuer revoked it could not be checked."),
    ),
}
# Failures whose reason names a plainer cause: (check, word in the reason, meaning).
CAUSES = [
    ("dates", "expired", _("It has expired.")),
    ("dates", "in the future", _("It is not valid yet.")),
    ("status", "revoked", _("The issuer has revoked it.")),
    ("status", "suspended", _("The issuer has suspended it.")),
]


@dataclass(frozen=True)
class ExplainedCheck:
    """One check of a verdict, with a plain-words label and meaning beside the technical reason."""

    name: str
    ok: bool
    label: str
    meaning: str
    reason: str


def explain(result: dict) -> list[ExplainedCheck]:
    """Return the verdict's checks with their plain-words label and meaning."""
    explained = []
    for check in result["checks"]:
        label, passed, failed = MEANINGS.get(
            check["check"], (check["check"], check["reason"], check["reason"])
        )
        meaning = passed if check["ok"] else failed
        if not check["ok"]:
            for name, word, cause in CAUSES:
                if check["check"] == name and word in check["reason"]:
                    meaning = cause
                    break
        explained.append(
            ExplainedCheck(
                name=check["check"],
                ok=check["ok"],
                label=str(label),
                meaning=str(meaning),
                reason=check["reason"],
            )
        )
    return explained


def borrows_a_hosted_issuer(result: dict) -> bool:
    """Say whether no hosted issuer signed the credential though it names or looks like one."""
    known = result.get("known_issuer") or {}
    return bool(known.get("lookalikes")) and not known.get("hosted")


_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def _failed_parse(reason: str) -> dict:
    return {"verified": False, "checks": [{"check": "parse", "ok": False, "reason": reason}]}


def parse_credential(data: bytes | str) -> dict[str, Any] | str:
    """Return the credential as a dict, or a sentence saying why it cannot be read."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return "The file is not UTF-8 text, so it cannot be JSON."
    try:
        document = json.loads(data)
    except RecursionError:
        return "The JSON is nested too deeply to be a credential."
    except ValueError as error:
        return f"The text is not valid JSON ({error})."
    if not isinstance(document, dict):
        kind = _JSON_KINDS.get(type(document), "not an object")
        return f"The JSON is {kind}; a credential is a single JSON object."
    return document


def verify_text(data: bytes | str) -> tuple[dict[str, Any] | None, dict]:
    """Return the parsed credential (if it parses) and its verdict; never raises on bad input."""
    size = len(data.encode("utf-8", "replace")) if isinstance(data, str) else len(data)
    if size > MAX_CREDENTIAL_BYTES:
        return None, _failed_parse(
            f"The credential is larger than {MAX_CREDENTIAL_MB} MB, so it was not read."
        )
    document = parse_credential(data)
    if isinstance(document, str):
        return None, _failed_parse(document)
    return document, verify(document)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def summary(document: dict[str, Any]) -> dict[str, str]:
    """Return the credential's name, achievement and issuer when they are plain strings."""
    issuer = document.get("issuer")
    subject = document.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    achievement = achievement if isinstance(achievement, dict) else {}
    return {
        "name": _text(document.get("name")),
        "achievement": _text(achievement.get("name")),
        "issuer": _text(issuer.get("name")) if isinstance(issuer, dict) else "",
        "issuer_id": _text(issuer.get("id") if isinstance(issuer, dict) else issuer),
        "valid_from": _text(document.get("validFrom") or document.get("issuanceDate")),
        "valid_until": _text(document.get("validUntil") or document.get("expirationDate")),
    }
