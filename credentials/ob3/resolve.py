"""Find the public key behind a proof's verificationMethod, trusting only its controller."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .dates import parse_datetime
from .keys import KeyFormatError, public_key_from_multibase, resolve_did_key

# fetch(url) -> parsed JSON document, or None when it cannot be had. For did:web the
# url is the DID itself (Trellis resolves its own issuers locally, others over HTTPS).
DocumentFetcher = Callable[[str], Any]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
KEY_TYPES = ("Multikey", "Ed25519VerificationKey2020")


class ResolutionError(ValueError):
    """A verification method could not be resolved to a trusted key; the message says why."""


@dataclass(frozen=True)
class ResolvedKey:
    """A public key and the controller that lists it for assertions."""

    id: str
    controller: str
    public_key: Ed25519PublicKey


def controller_of(verification_method: str) -> str:
    """Return the controller a verification method id points at (the id without its fragment)."""
    return verification_method.split("#", 1)[0]


def _fetch_controller(vm_id: str, fetch: DocumentFetcher | None) -> dict[str, Any]:
    """Get the controller document for a verification method, by its scheme or DID method."""
    scheme = _SCHEME.match(vm_id)
    if not scheme:
        raise ResolutionError(
            f"The verification method {vm_id} is not a URL: it has no scheme "
            "(expected did:key, did:web or https)."
        )
    controller = controller_of(vm_id)
    if scheme.group(1).lower() == "did":
        method = vm_id.split(":")[1] if vm_id.count(":") >= 2 else ""
        if method == "key":
            try:
                return resolve_did_key(vm_id)
            except KeyFormatError as error:
                raise ResolutionError(
                    f"The did:key {controller} cannot be resolved: {error}"
                ) from None
        if method != "web":
            raise ResolutionError(
                f"The DID method did:{method} of {vm_id} is not supported "
                "(Trellis resolves did:key and did:web)."
            )
    elif scheme.group(1).lower() not in ("https", "http"):
        raise ResolutionError(
            f"The verification method {vm_id} uses the unsupported scheme {scheme.group(1)}: "
            "(expected did:key, did:web or https)."
        )
    if fetch is None:
        raise ResolutionError(
            f"No resolver was given to fetch the controller document {controller}."
        )
    try:
        document = fetch(controller)
    except Exception as error:  # resolvers raise whatever their transport raises
        raise ResolutionError(
            f"The controller document {controller} could not be fetched: {error}"
        ) from None
    if not isinstance(document, dict):
        raise ResolutionError(f"The controller document {controller} could not be found.")
    if document.get("id") != controller:
        raise ResolutionError(
            f"The document fetched for {controller} is about {document.get('id')!r}, "
            f"not {controller}."
        )
    return document


def _absolute(ref: Any, base: str) -> Any:
    """Resolve a relative '#fragment' reference against the controller id."""
    return base + ref if isinstance(ref, str) and ref.startswith("#") else ref


def _find(document: dict[str, Any], vm_id: str) -> tuple[dict[str, Any] | None, bool]:
    """Return (the verification method object, whether assertionMethod lists it)."""
    base = document["id"]
    methods = {}
    for entry in _as_list(document.get("verificationMethod")):
        if isinstance(entry, dict):
            methods[_absolute(entry.get("id"), base)] = entry
    listed = False
    for entry in _as_list(document.get("assertionMethod")):
        if isinstance(entry, dict):
            methods.setdefault(_absolute(entry.get("id"), base), entry)
            listed = listed or _absolute(entry.get("id"), base) == vm_id
        else:
            listed = listed or _absolute(entry, base) == vm_id
    return methods.get(vm_id), listed


def _as_list(value: Any) -> list[Any]:
    """Treat a single value as a list of one and a missing one as empty."""
    return [] if value is None else value if isinstance(value, list) else [value]


def resolve_assertion_key(vm_id: Any, fetch: DocumentFetcher | None, now: datetime) -> ResolvedKey:
    """Resolve a proof's verificationMethod to a key its controller lists in assertionMethod."""
    if isinstance(vm_id, dict):
        vm_id = vm_id.get("id")
    if not isinstance(vm_id, str) or not vm_id:
        raise ResolutionError("The proof has no verificationMethod.")
    if vm_id.startswith("did:key:") and "#" not in vm_id:
        # A bare did:key names its only key, did:key:z6Mk...#z6Mk...
        vm_id = f"{vm_id}#{vm_id[len('did:key:') :]}"
    document = _fetch_controller(vm_id, fetch)
    method, listed = _find(document, vm_id)
    if method is None:
        raise ResolutionError(
            f"The controller document {document['id']} does not contain the key {vm_id}."
        )
    if not listed:
        raise ResolutionError(
            f"The controller {document['id']} does not list {vm_id} as an assertionMethod, "
            "so it has not authorized that key to issue credentials."
        )
    if method.get("type") not in KEY_TYPES:
        raise ResolutionError(f"The key {vm_id} has type {method.get('type')!r}, not Multikey.")
    if method.get("controller", document["id"]) != document["id"]:
        raise ResolutionError(
            f"The key {vm_id} is controlled by {method.get('controller')}, not {document['id']}."
        )
    revoked = parse_datetime(method.get("revoked"))
    if revoked is not None and revoked <= now:
        raise ResolutionError(f"The key {vm_id} was revoked on {method['revoked']}.")
    try:
        public_key = public_key_from_multibase(method.get("publicKeyMultibase"))
    except KeyFormatError as error:
        raise ResolutionError(f"The key {vm_id} is not a usable Ed25519 key: {error}") from None
    return ResolvedKey(vm_id, document["id"], public_key)
