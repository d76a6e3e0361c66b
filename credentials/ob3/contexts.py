"""Serve the JSON-LD contexts shipped with Trellis to pyld, and nothing else.

Signing and verifying must never reach the network: a context fetched at run time could
change what a signature means. `contexts/index.json` maps each context URL to a file in
`contexts/`; `contexts/README.md` says where each file came from.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1"
CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3P0_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/"
OB_V3P0_3_0_3 = OB_V3P0_PREFIX + "context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"


class UnknownContextError(jsonld.JsonLdError):
    """A JSON-LD context that Trellis does not ship was asked for."""

    def __init__(self, url: str):
        super().__init__(
            f"The JSON-LD context {url} is unknown to Trellis, which only uses contexts it "
            "ships and never fetches one from the network.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
        self.url = url


@cache
def _documents() -> dict[str, Any]:
    """Read every shipped context once per process."""
    index = json.loads((CONTEXTS_DIR / "index.json").read_text(encoding="utf-8"))
    return {
        url: json.loads((CONTEXTS_DIR / name).read_text(encoding="utf-8"))
        for url, name in index.items()
    }


def known_context_urls() -> frozenset[str]:
    """Return the URLs of every context Trellis ships."""
    return frozenset(_documents())


def is_known_context(url: str) -> bool:
    """Tell whether a context URL is one Trellis ships."""
    return url in _documents()


def load_context(url: str) -> Any:
    """Return the parsed context document for a shipped URL, or raise UnknownContextError."""
    try:
        return _documents()[url]
    except KeyError:
        raise UnknownContextError(url) from None


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Load a shipped context for pyld (the RemoteDocument shape pyld expects)."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": load_context(url),
    }
