"""Verify any Open Badges 3.0 credential and explain the verdict check by check.

verify_credential never raises on bad input: every problem becomes a failing check whose
reason is a sentence a person can read. Nothing is fetched here; the caller injects
fetch functions for controller (did:web / https) documents and status list credentials.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from . import schema
from .contexts import CREDENTIALS_V1, CREDENTIALS_V2, OB_V3P0_PREFIX, is_known_context
from .dates import parse_datetime
from .known_issuers import HostedIssuer, known_issuer
from .proofs import ProofReport, check_proofs
from .resolve import DocumentFetcher, controller_of
from .verify_status import check_status

CREDENTIAL_TYPES = ("OpenBadgeCredential", "AchievementCredential", "EndorsementCredential")
Check = dict[str, Any]


def _check(name: str, ok: bool, reason: str) -> Check:
    """Make one entry of the result's checks list."""
    return {"check": name, "ok": bool(ok), "reason": reason}


def _as_list(value: Any) -> list[Any]:
    """Treat a single value as a list of one and a missing one as empty."""
    return [] if value is None else value if isinstance(value, list) else [value]


def _parse(credential: Any) -> tuple[dict[str, Any] | None, Check | None]:
    """Accept a dict, or JSON text/bytes holding an object."""
    if isinstance(credential, (bytes, bytearray)):
        try:
            credential = credential.decode("utf-8")
        except UnicodeDecodeError:
            return None, _check("parse", False, "The credential is not UTF-8 text.")
    if isinstance(credential, str):
        try:
            credential = json.loads(credential)
        except ValueError as error:
            return None, _check("parse", False, f"The credential is not valid JSON ({error}).")
    if not isinstance(credential, dict):
        return None, _check("parse", False, "The credential must be a JSON object.")
    return credential, None


def check_context(document: dict[str, Any]) -> Check:
    """Require the VC 2.0 context first, an OB 3.0 context, and only contexts Trellis ships."""
    contexts = _as_list(document.get("@context"))
    if not contexts:
        return _check("context", False, "The credential has no @context.")
    if contexts[0] == CREDENTIALS_V1:
        return _check(
            "context",
            False,
            (
                f"The credential uses the VC 1.1 context ({CREDENTIALS_V1}) of Open Badges 3.0 "
                "drafts; Trellis verifies Open Badges 3.0 as VC 2.0 credentials, whose first "
                f"@context is {CREDENTIALS_V2}."
            ),
        )
    if contexts[0] != CREDENTIALS_V2:
        return _check(
            "context", False, f"The first @context must be {CREDENTIALS_V2}, not {contexts[0]!r}."
        )
    unknown = [c for c in contexts if isinstance(c, str) and not is_known_context(c)]
    if unknown:
        return _check(
            "context",
            False,
            (
                f"The credential uses the unknown context {', '.join(unknown)}; Trellis only uses "
                "contexts it ships and never fetches one, so it cannot check this credential."
            ),
        )
    if not any(isinstance(c, str) and c.startswith(OB_V3P0_PREFIX + "context") for c in contexts):
        return _check("context", False, "The Open Badges 3.0 context is missing from @context.")
    return _check(
        "context", True, "The @context is VC 2.0 followed by the Open Badges 3.0 context."
    )


def check_types(document: dict[str, Any]) -> Check:
    """Require VerifiableCredential plus an Open Badges credential type."""
    types = _as_list(document.get("type"))
    if "VerifiableCredential" not in types:
        return _check("type", False, f"The type {types!r} does not include VerifiableCredential.")
    found = [t for t in types if t in CREDENTIAL_TYPES]
    if not found:
        return _check(
            "type",
            False,
            (
                f"The type {types!r} includes none of {', '.join(CREDENTIAL_TYPES)}, so this is "
                "not an Open Badges credential."
            ),
        )
    return _check("type", True, f"The credential is a VerifiableCredential and a {found[0]}.")


def check_schema(document: dict[str, Any]) -> Check:
    """Validate against the official OB 3.0 JSON schema for the credential's type."""
    name = schema.schema_for(document)
    problems, wrapped = schema.validate(document, name)
    if problems:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        return _check(
            "schema", False, f"The credential does not match the OB 3.0 schema {name}: {shown}."
        )
    note = (
        f" (single values at {', '.join(wrapped)} were read as one-element arrays)"
        if wrapped
        else ""
    )
    return _check("schema", True, f"The credential matches the OB 3.0 schema {name}{note}.")


def check_issuer(document: dict[str, Any], report: ProofReport, require_binding: bool) -> Check:
    """Require an issuer id that controls a key that signed the credential."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not isinstance(issuer_id, str) or not issuer_id:
        return _check(
            "issuer", False, "The credential names no issuer (an issuer with an id is required)."
        )
    signers = [key.controller for key in report.verified] or [
        controller_of(m) for m in report.claimed_methods
    ]
    if issuer_id in signers:
        return _check("issuer", True, f"The issuer {issuer_id} controls the signing key.")
    if not signers:
        return _check(
            "issuer",
            not require_binding,
            f"No checkable proof ties the issuer {issuer_id} to a key.",
        )
    reason = (
        f"The issuer {issuer_id} is not the controller of the signing key (controlled by "
        f"{', '.join(dict.fromkeys(signers))}), so the signature does not show that the issuer "
        "issued it."
    )
    if require_binding:
        return _check("issuer", False, reason)
    return _check(
        "issuer",
        True,
        reason.replace("so the signature", "which was allowed, although the signature"),
    )


def check_dates(document: dict[str, Any], now: datetime) -> Check:
    """Require validFrom not in the future and validUntil not past (VC 1.1 names if VC 1.1)."""
    legacy = _as_list(document.get("@context"))[:1] == [CREDENTIALS_V1]
    start_name, end_name = (
        ("issuanceDate", "expirationDate") if legacy else ("validFrom", "validUntil")
    )
    note = " (VC 1.1 date properties)" if legacy else ""
    start, end = document.get(start_name), document.get(end_name)
    starts, ends = parse_datetime(start), parse_datetime(end)
    for name, value, parsed in ((start_name, start, starts), (end_name, end, ends)):
        if value is not None and parsed is None:
            return _check("dates", False, f"The {name} {value!r} is not a valid date-time.")
    if starts is not None and starts > now:
        return _check(
            "dates",
            False,
            f"The credential is not valid until {start} ({start_name} is in the future){note}.",
        )
    if ends is not None and ends < now:
        return _check(
            "dates", False, f"The credential expired on {end} ({end_name} has passed){note}."
        )
    period = f"valid from {start}" if start else "without a start date"
    period += f" until {end}" if end else " with no end date"
    return _check("dates", True, f"The credential is {period}{note}.")


def _guarded(name: str, run: Callable[[], Check]) -> Check:
    """Run one check, turning an unexpected error into a failing check instead of raising."""
    try:
        return run()
    except Exception as error:  # the verifier must answer, whatever the input
        return _check(
            name,
            False,
            f"The {name} check could not be completed ({type(error).__name__}: {error}).",
        )


def verify_credential(
    credential: dict[str, Any] | str | bytes,
    *,
    fetch_controller: DocumentFetcher | None = None,
    fetch_status_list: DocumentFetcher | None = None,
    now: datetime | None = None,
    require_issuer_binding: bool = True,
    check_revocation: bool = True,
    hosted_issuers: Iterable[HostedIssuer] | None = None,
) -> dict[str, Any]:
    """Verify an OB 3.0 credential; return {"verified": bool, "checks": [{check, ok, reason}]}.

    fetch_controller(url) returns the controller document for a did:web DID or an https
    controller URL (did:key needs none); fetch_status_list(url) returns a status list
    credential. Either may return None or raise when the document cannot be had.
    require_issuer_binding=False accepts a credential whose issuer is not the signing key's
    controller (1EdTech's validator does not check this); Trellis should keep it True.
    hosted_issuers, when given, adds "known_issuer": whether one of them signed it, and which
    of them it looks like without having been signed by them (see known_issuers.py).
    """
    now = now or datetime.now(UTC)
    document, problem = _parse(credential)
    if document is None:
        return {"verified": False, "checks": [problem]}
    checks = [
        _guarded("context", lambda: check_context(document)),
        _guarded("type", lambda: check_types(document)),
        _guarded("schema", lambda: check_schema(document)),
    ]
    try:
        report = check_proofs(document, fetch_controller, now)
        checks.append(_check("proof", report.ok, report.reason()))
    except Exception as error:  # the verifier must answer, whatever the input
        report = ProofReport()
        checks.append(
            _check(
                "proof", False, f"The proof could not be checked ({type(error).__name__}: {error})."
            )
        )
    checks.append(
        _guarded("issuer", lambda: check_issuer(document, report, require_issuer_binding))
    )
    checks.append(_guarded("dates", lambda: check_dates(document, now)))
    if check_revocation:
        checks.append(
            _guarded(
                "status",
                lambda: _check(
                    "status", *check_status(document, fetch_status_list, fetch_controller, now)
                ),
            )
        )
    result = {"verified": all(c["ok"] for c in checks), "checks": checks}
    if hosted_issuers is not None:
        proven = all(c["ok"] for c in checks if c["check"] in ("proof", "issuer"))
        result["known_issuer"] = known_issuer(document, hosted_issuers, proven)
    return result
