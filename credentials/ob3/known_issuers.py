"""Say whether a credential comes from an issuer a site hosts, or only borrows a hosted name.

Anyone can make a key and sign a credential under any name, and such a credential verifies:
the signature shows who holds the key, not who the name belongs to. A site that hosts issuers
can say more: whether the signer is one of them, and whether the name copies one of theirs
under another identifier. The caller passes the hosted issuers it knows as plain data.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HostedIssuer:
    """An issuer the site hosts: its name, its public page, and every identifier it signs as."""

    name: str
    url: str
    identifiers: frozenset[str]


def comparable_name(name: str) -> str:
    """Return the name as compared for copies: NFKC, case-folded, without spaces or invisibles.

    "Teacher  Leadership Network", "TEACHER LEADERSHIP NETWORK" and the same name in
    full-width letters or with a zero-width space all compare equal.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Cf")


def issuer_of(document: dict[str, Any]) -> tuple[str, str]:
    """Return the credential's issuer id and name, each empty when not given as text."""
    issuer = document.get("issuer")
    if isinstance(issuer, str):
        return issuer, ""
    if not isinstance(issuer, dict):
        return "", ""
    issuer_id, name = issuer.get("id"), issuer.get("name")
    return (
        issuer_id if isinstance(issuer_id, str) else "",
        name if isinstance(name, str) else "",
    )


def _named(issuers: Iterable[HostedIssuer]) -> list[dict[str, str]]:
    return [{"name": issuer.name, "url": issuer.url} for issuer in issuers]


def known_issuer(
    document: dict[str, Any], hosted: Iterable[HostedIssuer], proven: bool
) -> dict[str, Any]:
    """Say whether a hosted issuer signed the credential, and which hosted ones it looks like.

    `proven` says the signature ties the issuer's id to the signing key; without it no hosted
    issuer is credited. Returns {"hosted": bool, "issuer": {name, url} | None, "lookalikes":
    [{name, url}], "reason": str}, where the lookalikes are hosted issuers that did not sign
    it but share its name, or whose identifier it names without the signature to show it.
    """
    issuer_id, name = issuer_of(document)
    wanted = comparable_name(name)
    signer, claimed, namesakes = None, [], []
    for issuer in hosted:
        if issuer_id and issuer_id in issuer.identifiers:
            if proven:
                signer = issuer
            else:
                claimed.append(issuer)
        elif wanted and comparable_name(issuer.name) == wanted:
            namesakes.append(issuer)
    shown = issuer_id or "(no id)"
    reasons = []
    if signer is not None:
        reasons.append(f"The issuer {shown} is {signer.name}, hosted on this site ({signer.url}).")
    elif not claimed:
        reasons.append(f"The issuer {shown} is not one hosted on this site.")
    for issuer in claimed:
        reasons.append(
            f"The credential names {issuer.name} ({issuer.url}), hosted on this site, as its "
            "issuer, but its signature does not show that issuer signed it."
        )
    for issuer in namesakes:
        reasons.append(
            f"Its issuer's name {name!r} is that of {issuer.name} ({issuer.url}), hosted on this "
            f"site, but {shown} is not that issuer's identifier, so it did not come from them."
        )
    return {
        "hosted": signer is not None,
        "issuer": _named([signer])[0] if signer else None,
        "lookalikes": _named(claimed + namesakes),
        "reason": " ".join(reasons),
    }
