"""Check a credential's status entries (Bitstring Status List, or legacy StatusList2021)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .dates import parse_datetime
from .proofs import check_proofs
from .resolve import DocumentFetcher
from .status_list import (
    ENTRY_TYPES,
    LIST_TYPES,
    REVOCATION,
    SUSPENSION,
    StatusList,
    StatusListError,
    entry_index,
)


class StatusCheckError(ValueError):
    """The status could not be established; the message is a whole sentence."""


def _issuer_id(document: dict[str, Any]) -> Any:
    """Return the issuer id whether issuer is a URL or a Profile object."""
    issuer = document.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _fetch_list(url: str, fetch: DocumentFetcher | None) -> dict[str, Any]:
    """Fetch a status list credential through the injected resolver."""
    if fetch is None:
        raise StatusCheckError(
            f"No resolver was given to fetch the status list {url}, so its status is unknown."
        )
    try:
        document = fetch(url)
    except Exception as error:  # resolvers raise whatever their transport raises
        raise StatusCheckError(
            f"The status list {url} could not be fetched ({error}), so its status is unknown."
        ) from None
    if not isinstance(document, dict):
        raise StatusCheckError(
            f"The status list {url} could not be found, so its status is unknown."
        )
    return document


def _checked_list(
    url: str,
    credential: dict[str, Any],
    fetch_list: DocumentFetcher | None,
    fetch_controller: DocumentFetcher | None,
    now: datetime,
) -> dict[str, Any]:
    """Fetch a status list credential and make sure the credential's issuer signed it."""
    listed = _fetch_list(url, fetch_list)
    kind = listed.get("type")
    types = kind if isinstance(kind, list) else [kind]
    if not any(t in LIST_TYPES for t in types):
        raise StatusCheckError(f"The document at {url} is not a status list credential.")
    if _issuer_id(listed) != _issuer_id(credential):
        raise StatusCheckError(
            f"The status list {url} was issued by {_issuer_id(listed)}, "
            "not by the credential's issuer."
        )
    report = check_proofs(listed, fetch_controller, now)
    if not report.ok:
        raise StatusCheckError(f"The status list {url} is not properly signed: {report.reason()}")
    if not any(key.controller == _issuer_id(listed) for key in report.verified):
        raise StatusCheckError(f"The status list {url} is not signed with a key of its issuer.")
    valid_until = parse_datetime(listed.get("validUntil"))
    if valid_until is not None and valid_until < now:
        raise StatusCheckError(
            f"The status list {url} expired on {listed['validUntil']}, so the status is unknown."
        )
    return listed


def _entry_outcome(
    entry: dict[str, Any],
    credential: dict[str, Any],
    fetch_list: DocumentFetcher | None,
    fetch_controller: DocumentFetcher | None,
    now: datetime,
) -> tuple[bool, str]:
    """Return (ok, sentence) for one BitstringStatusListEntry or StatusList2021Entry."""
    url = entry.get("statusListCredential")
    if not isinstance(url, str) or not url:
        raise StatusCheckError("The status entry has no statusListCredential URL.")
    index = entry_index(entry)
    purpose = entry.get("statusPurpose")
    listed = _checked_list(url, credential, fetch_list, fetch_controller, now)
    subject = listed.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict):
        raise StatusCheckError(f"The status list {url} has no credentialSubject.")
    if subject.get("statusPurpose") != purpose:
        raise StatusCheckError(
            f"The status list {url} is for {subject.get('statusPurpose')!r}, "
            f"but the entry is for {purpose!r}."
        )
    bits = StatusList.decode(subject.get("encodedList"))
    where = f"bit {index} of the status list {url}"
    if not bits.get(index):
        return True, f"The credential is not flagged for {purpose} ({where} is clear)."
    if purpose == REVOCATION:
        return False, f"The credential has been revoked ({where} is set)."
    if purpose == SUSPENSION:
        return False, f"The credential is suspended ({where} is set)."
    return True, f"The status list flags the credential for {purpose!r} ({where} is set)."


def check_status(
    credential: dict[str, Any],
    fetch_list: DocumentFetcher | None,
    fetch_controller: DocumentFetcher | None,
    now: datetime,
) -> tuple[bool, str]:
    """Return (ok, reason) for every status entry of a credential."""
    entries = credential.get("credentialStatus")
    entries = [] if entries is None else entries if isinstance(entries, list) else [entries]
    if not entries:
        return True, "The credential has no status entry, so it cannot be revoked."
    ok, reasons = True, []
    for entry in entries:
        if not isinstance(entry, dict):
            ok = False
            reasons.append("A credentialStatus entry is not a JSON object.")
            continue
        if entry.get("type") not in ENTRY_TYPES:
            reasons.append(
                f"The status method {entry.get('type')!r} is not one Trellis can check "
                f"({' or '.join(ENTRY_TYPES)}), so it was not treated as revoked."
            )
            continue
        try:
            entry_ok, reason = _entry_outcome(entry, credential, fetch_list, fetch_controller, now)
        except (StatusCheckError, StatusListError) as error:
            entry_ok, reason = False, str(error)
        ok = ok and entry_ok
        reasons.append(reason)
    return ok, " ".join(reasons)
