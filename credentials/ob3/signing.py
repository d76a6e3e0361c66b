"""Add and check Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (VC DI EdDSA 1.0)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from cachetools import LRUCache
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .keys import KeyFormatError, KeyPair, multibase_decode, multibase_encode
from .rdfc import Canonicalizer, default_canonicalizer

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
ASSERTION_METHOD = "assertionMethod"


class ProofError(ValueError):
    """A proof could not be created or does not verify; the message is a whole sentence."""


def utc_timestamp(moment: datetime | None = None) -> str:
    """Format a moment (default now) as an XML Schema dateTime in UTC, to the second."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("Timestamps must be timezone-aware.")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def unsecured(document: dict[str, Any]) -> dict[str, Any]:
    """Return the document without its proof (what a proof signs)."""
    return {key: value for key, value in document.items() if key != "proof"}


def existing_proofs(document: dict[str, Any]) -> list[Any]:
    """Return the document's proofs as a list (VC 2.0 allows one object or an array)."""
    proof = document.get("proof")
    if proof is None:
        return []
    return list(proof) if isinstance(proof, list) else [proof]


def proof_config(document: dict[str, Any], proof: dict[str, Any]) -> dict[str, Any]:
    """Return the proof configuration: the proof minus proofValue, in the document's @context."""
    config = {key: value for key, value in proof.items() if key != "proofValue"}
    config["@context"] = document.get("@context")
    return config


class Signer:
    """Sign documents with one key, reusing canonicalized proof options across a batch.

    Every credential of a batch shares its proof options (type, cryptosuite, created,
    verificationMethod, proofPurpose and @context), so their canonical hash is computed
    once. Not thread-safe; create one per thread or job.
    """

    def __init__(self, key: KeyPair, canonicalizer: Canonicalizer | None = None):
        if not key.verification_method:
            raise ValueError("The signing key needs a verification method id (controller#key).")
        self.key = key
        self.canonicalizer = canonicalizer or default_canonicalizer()
        self._config_hashes: LRUCache = LRUCache(maxsize=64)

    def proof_options(self, created: str) -> dict[str, Any]:
        """Return the proof, before signing, for a credential signed at `created`."""
        return {
            "type": PROOF_TYPE,
            "cryptosuite": CRYPTOSUITE,
            "created": created,
            "verificationMethod": self.key.verification_method,
            "proofPurpose": ASSERTION_METHOD,
        }

    def _config_hash(self, config: dict[str, Any]) -> bytes:
        """Hash a canonicalized proof configuration, once per distinct configuration."""
        cache_key = json.dumps(config, sort_keys=True, ensure_ascii=False)
        digest = self._config_hashes.get(cache_key)
        if digest is None:
            digest = hashlib.sha256(self.canonicalizer.canonicalize(config).encode()).digest()
            self._config_hashes[cache_key] = digest
        return digest

    def hash_data(self, document: dict[str, Any], proof: dict[str, Any]) -> bytes:
        """Return sha256(canonical proof config) + sha256(canonical document), as signed."""
        body = unsecured(document)
        config_hash = self._config_hash(proof_config(body, proof))
        document_hash = hashlib.sha256(self.canonicalizer.canonicalize(body).encode()).digest()
        return config_hash + document_hash

    def sign(
        self, document: dict[str, Any], created: str | datetime | None = None
    ) -> dict[str, Any]:
        """Return a copy of the document with an eddsa-rdfc-2022 proof added to its proof array."""
        if not isinstance(created, str):
            created = utc_timestamp(created)
        proof = self.proof_options(created)
        signature = self.key.sign(self.hash_data(document, proof))
        proof["proofValue"] = multibase_encode(signature)
        signed = dict(document)
        signed["proof"] = [*existing_proofs(document), proof]
        return signed

    def sign_many(
        self, documents: Iterable[dict[str, Any]], created: str | datetime | None = None
    ) -> list[dict[str, Any]]:
        """Sign a batch with one `created` time, so their proof options hash only once."""
        if not isinstance(created, str):
            created = utc_timestamp(created)
        return [self.sign(document, created) for document in documents]


def sign(
    document: dict[str, Any], key: KeyPair, created: str | datetime | None = None
) -> dict[str, Any]:
    """Sign one document (use Signer or sign_many for batches)."""
    return Signer(key).sign(document, created)


def sign_many(
    documents: Iterable[dict[str, Any]], key: KeyPair, created: str | datetime | None = None
) -> list[dict[str, Any]]:
    """Sign many documents with one key and one `created` time."""
    return Signer(key).sign_many(documents, created)


def verify_proof(
    document: dict[str, Any],
    proof: dict[str, Any],
    public_key: Ed25519PublicKey,
    canonicalizer: Canonicalizer | None = None,
) -> None:
    """Check one eddsa-rdfc-2022 proof over the document; raise ProofError saying why it fails."""
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(
            f"The proof is {proof.get('type')}/{proof.get('cryptosuite')}, "
            f"not {PROOF_TYPE}/{CRYPTOSUITE}."
        )
    try:
        signature = multibase_decode(proof.get("proofValue"))
    except KeyFormatError as error:
        raise ProofError(f"The proofValue cannot be decoded: {error}") from None
    if len(signature) != 64:
        raise ProofError(
            f"The proofValue holds {len(signature)} bytes, not a 64-byte Ed25519 signature."
        )
    canonicalizer = canonicalizer or default_canonicalizer()
    body = unsecured(document)
    try:
        config_nquads = canonicalizer.canonicalize(proof_config(body, proof))
        document_nquads = canonicalizer.canonicalize(body)
    except Exception as error:  # pyld raises many kinds; all mean "cannot be canonicalized"
        raise ProofError(
            f"The credential cannot be canonicalized as JSON-LD: {_root_cause(error)}"
        ) from None
    data = (
        hashlib.sha256(config_nquads.encode()).digest()
        + hashlib.sha256(document_nquads.encode()).digest()
    )
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        raise ProofError(
            "The signature does not match the credential: it was altered after signing, "
            "or signed by another key."
        ) from None


def _root_cause(error: BaseException) -> str:
    """Return the innermost message of a chained pyld error."""
    while error.__cause__ is not None:
        error = error.__cause__
    message = str(error).split("\n", 1)[0].strip()
    return message if message.endswith(".") else message + "."
