"""Ed25519 keys as Multikeys, did:key identifiers and did:web controller documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from .contexts import DID_V1, MULTIKEY_V1

# Multicodec varint headers: ed25519-pub (0xed) and ed25519-priv (0x1300).
ED25519_PUB_HEADER = b"\xed\x01"
ED25519_PRIV_HEADER = b"\x80\x26"
KEY_SIZE = 32


class KeyFormatError(ValueError):
    """A key, multibase string or DID could not be decoded."""


def multibase_encode(data: bytes) -> str:
    """Encode bytes as base58-btc multibase (the leading 'z')."""
    return "z" + base58.b58encode(data).decode("ascii")


def multibase_decode(value: object) -> bytes:
    """Decode a base58-btc multibase string, raising KeyFormatError on anything else."""
    if not isinstance(value, str) or not value.startswith("z") or len(value) < 2:
        raise KeyFormatError(
            f"{value!r} is not a base58-btc multibase value (it must start with 'z')."
        )
    try:
        return base58.b58decode(value[1:])
    except ValueError as error:
        raise KeyFormatError(f"{value!r} is not valid base58-btc: {error}.") from None


def public_key_to_multibase(public_key: Ed25519PublicKey | bytes) -> str:
    """Encode an Ed25519 public key as a Multikey publicKeyMultibase (z6Mk...)."""
    raw = (
        public_key
        if isinstance(public_key, bytes)
        else public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    )
    return multibase_encode(ED25519_PUB_HEADER + raw)


def public_key_from_multibase(value: object) -> Ed25519PublicKey:
    """Decode a Multikey publicKeyMultibase into an Ed25519 public key."""
    data = multibase_decode(value)
    if not data.startswith(ED25519_PUB_HEADER) or len(data) != len(ED25519_PUB_HEADER) + KEY_SIZE:
        raise KeyFormatError(
            f"{value} is not an Ed25519 public key multibase (multicodec 0xed01, 32 bytes)."
        )
    return Ed25519PublicKey.from_public_bytes(data[len(ED25519_PUB_HEADER) :])


@dataclass(frozen=True)
class KeyPair:
    """An Ed25519 signing key with the verification method id that names it."""

    private_key: Ed25519PrivateKey
    verification_method: str = ""

    @property
    def public_key(self) -> Ed25519PublicKey:
        """Return the public half."""
        return self.private_key.public_key()

    @property
    def public_key_multibase(self) -> str:
        """Return the Multikey publicKeyMultibase (z6Mk...)."""
        return public_key_to_multibase(self.public_key)

    @property
    def secret_key_multibase(self) -> str:
        """Return the Multikey secretKeyMultibase (32-byte seed, multicodec ed25519-priv)."""
        seed = self.private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return multibase_encode(ED25519_PRIV_HEADER + seed)

    @property
    def controller(self) -> str:
        """Return the controller: the verification method id without its fragment."""
        return self.verification_method.split("#", 1)[0]

    def sign(self, data: bytes) -> bytes:
        """Sign bytes with Ed25519."""
        return self.private_key.sign(data)

    def with_verification_method(self, verification_method: str) -> KeyPair:
        """Return the same key named by another verification method id."""
        return KeyPair(self.private_key, verification_method)

    def multikey(self, include_secret: bool = False) -> dict[str, Any]:
        """Return the key as a Multikey verification method (optionally with its secret)."""
        doc: dict[str, Any] = {
            "id": self.verification_method,
            "type": "Multikey",
            "controller": self.controller,
            "publicKeyMultibase": self.public_key_multibase,
        }
        if include_secret:
            doc["secretKeyMultibase"] = self.secret_key_multibase
        return doc


def generate_key_pair(controller: str | None = None) -> KeyPair:
    """Generate an Ed25519 key; named as a did:key unless a controller (e.g. a did:web) is given."""
    private_key = Ed25519PrivateKey.generate()
    multibase = public_key_to_multibase(private_key.public_key())
    if controller is None:
        return KeyPair(private_key, did_key_verification_method(multibase))
    return KeyPair(private_key, f"{controller}#{multibase}")


def key_pair_from_secret_multibase(
    secret_key_multibase: str, verification_method: str = ""
) -> KeyPair:
    """Load a key from its secretKeyMultibase (a 32-byte seed, or legacy seed + public key)."""
    data = multibase_decode(secret_key_multibase)
    if not data.startswith(ED25519_PRIV_HEADER):
        raise KeyFormatError(
            "The secret key multibase is not an Ed25519 secret key (multicodec 0x1300)."
        )
    secret = data[len(ED25519_PRIV_HEADER) :]
    if len(secret) not in (KEY_SIZE, 2 * KEY_SIZE):
        raise KeyFormatError(f"An Ed25519 secret key has 32 bytes, not {len(secret)}.")
    private_key = Ed25519PrivateKey.from_private_bytes(secret[:KEY_SIZE])
    if not verification_method:
        multibase = public_key_to_multibase(private_key.public_key())
        verification_method = did_key_verification_method(multibase)
    return KeyPair(private_key, verification_method)


def did_key_verification_method(public_key_multibase: str) -> str:
    """Return the did:key verification method id (did:key:z6Mk...#z6Mk...) for a public key."""
    return f"did:key:{public_key_multibase}#{public_key_multibase}"


def resolve_did_key(did_url: str) -> dict[str, Any]:
    """Resolve a did:key (with or without fragment) to its DID document, checking the key."""
    did, _, fragment = did_url.partition("#")
    multibase = did[len("did:key:") :] if did.startswith("did:key:") else ""
    public_key_from_multibase(multibase)  # raises KeyFormatError for anything but Ed25519
    if fragment and fragment != multibase:
        raise KeyFormatError(f"The did:key fragment #{fragment} does not name the key {multibase}.")
    vm_id = f"{did}#{multibase}"
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": did,
        "verificationMethod": [
            {"id": vm_id, "type": "Multikey", "controller": did, "publicKeyMultibase": multibase}
        ],
        "authentication": [vm_id],
        "assertionMethod": [vm_id],
        "capabilityInvocation": [vm_id],
        "capabilityDelegation": [vm_id],
    }


def controller_document(controller: str, public_key_multibases: list[str]) -> dict[str, Any]:
    """Build a controller (did:web or https) document listing every key for assertions.

    Keep retired keys in the list so credentials signed before a rotation still verify;
    drop a key only when everything it signed should stop verifying (e.g. it leaked).
    """
    methods = [
        {
            "id": f"{controller}#{multibase}",
            "type": "Multikey",
            "controller": controller,
            "publicKeyMultibase": multibase,
        }
        for multibase in dict.fromkeys(public_key_multibases)
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": controller,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }


def did_web_to_url(did: str) -> str:
    """Return the HTTPS URL of a did:web's DID document (did:web:host:path -> .../path/did.json)."""
    if not did.startswith("did:web:") or len(did) == len("did:web:"):
        raise KeyFormatError(f"{did} is not a did:web identifier.")
    host, *path = did[len("did:web:") :].split("#", 1)[0].split(":")
    host = host.replace("%3A", ":").replace("%3a", ":")
    if path:
        return f"https://{host}/{'/'.join(path)}/did.json"
    return f"https://{host}/.well-known/did.json"


def url_to_did_web(url: str) -> str:
    """Return the did:web for an https origin and optional path (https://a.b/c -> did:web:a.b:c)."""
    if not url.startswith("https://"):
        raise KeyFormatError(f"A did:web needs an https URL, not {url}.")
    rest = url[len("https://") :].strip("/")
    host, _, path = rest.partition("/")
    parts = [host.replace(":", "%3A")] + [p for p in path.split("/") if p]
    return "did:web:" + ":".join(parts)
