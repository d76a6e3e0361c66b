"""Check every proof on a document and say, in sentences, what each one showed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .resolve import DocumentFetcher, ResolutionError, ResolvedKey, resolve_assertion_key
from .signing import (
    ASSERTION_METHOD,
    CRYPTOSUITE,
    PROOF_TYPE,
    ProofError,
    existing_proofs,
    verify_proof,
)


@dataclass
class ProofReport:
    """What the proofs on one document showed."""

    verified: list[ResolvedKey] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    claimed_methods: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Pass when a supported proof verified and no supported proof failed."""
        return bool(self.verified) and not self.failures

    def reason(self) -> str:
        """Summarize the outcome in sentences."""
        parts = []
        if self.ok:
            keys = ", ".join(key.id for key in self.verified)
            parts.append(f"The {CRYPTOSUITE} signature verifies with the issuer's key {keys}.")
        elif not self.failures and not self.verified:
            parts.append("The credential has no proof that Trellis can check.")
        parts.extend(self.failures)
        parts.extend(self.skipped)
        return " ".join(parts)


def _label(index: int, total: int) -> str:
    """Name a proof in messages ('The proof' or 'Proof 2 of 3')."""
    return "The proof" if total == 1 else f"Proof {index + 1} of {total}"


def check_proofs(
    document: dict[str, Any], fetch: DocumentFetcher | None, now: datetime
) -> ProofReport:
    """Verify each supported proof; note unsupported ones instead of failing on them."""
    report = ProofReport()
    proofs = existing_proofs(document)
    if not proofs:
        report.failures.append(
            "The credential has no proof, so nothing shows who issued it or that it is unchanged."
        )
        return report
    for index, proof in enumerate(proofs):
        label = _label(index, len(proofs))
        if not isinstance(proof, dict):
            report.failures.append(f"{label} is not a JSON object.")
            continue
        method = proof.get("verificationMethod")
        method = method.get("id") if isinstance(method, dict) else method
        if proof.get("type") != PROOF_TYPE:
            report.skipped.append(
                f"{label} is of type {proof.get('type')!r}, which Trellis does not check "
                f"(it checks {PROOF_TYPE} with {CRYPTOSUITE})."
            )
            continue
        if proof.get("cryptosuite") != CRYPTOSUITE:
            report.skipped.append(
                f"{label} uses the cryptosuite {proof.get('cryptosuite')!r}, which Trellis "
                f"does not support (it supports {CRYPTOSUITE})."
            )
            continue
        if isinstance(method, str):
            report.claimed_methods.append(method)
        if proof.get("proofPurpose") != ASSERTION_METHOD:
            report.failures.append(
                f"{label} has proofPurpose {proof.get('proofPurpose')!r}; "
                f"issuing needs {ASSERTION_METHOD}."
            )
            continue
        try:
            key = resolve_assertion_key(method, fetch, now)
            verify_proof(document, proof, key.public_key)
        except (ResolutionError, ProofError) as error:
            report.failures.append(f"{label}: {error}" if len(proofs) > 1 else str(error))
            continue
        report.verified.append(key)
    return report
