"""Canonicalize JSON-LD with RDFC-1.0 through pyld, fast and byte-compatible with rdf-canonize.

pyld does the work (JSON-LD to RDF, then its URDNA2015 = RDFC-1.0 labelling). This module
only (1) keeps processed contexts cached across documents, which pyld cannot do on its own
for type-scoped contexts, and (2) serializes N-Quads the way RDFC-1.0 requires when a
literal or IRI holds a character that pyld's serializer leaves raw.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from cachetools import LRUCache
from frozendict import frozendict
from pyld.canon import URDNA2015
from pyld.context_resolver import ContextResolver
from pyld.jsonld import JsonLdProcessor, _resolved_context_cache

from .contexts import load_context

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# RDFC-1.0 section 4.1 (canonical N-Quads), as rdf-canonize implements it: ECHAR for
# \b \t \n \f \r " \\, UCHAR (upper-case hex) for the other C0 controls and DEL.
_LITERAL_ESCAPES = {n: f"\\u{n:04X}" for n in [*range(0x20), 0x7F]}
_LITERAL_ESCAPES.update(
    {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
)
# rdf-canonize also escapes characters that cannot appear raw inside <...>.
_IRI_ESCAPES = {n: f"\\u{n:04X}" for n in [*range(0x21), *map(ord, '<>"{}|^`\\')]}
# Characters pyld's own serializer gets wrong: literal controls other than \t \n \r, and DEL.
_PYLD_UNSAFE_LITERAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNSAFE_IRI = re.compile('[\x00-\x20<>"{}|^`\\\\]')
_MISSING = object()
_IRI_MEMO_SIZE = 50_000
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve shipped contexts; the 'static' tag lets pyld cache them across documents."""
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": load_context(url),
        "tag": "static",
    }


def _term(component: dict[str, Any]) -> str:
    """Serialize a subject, object or graph name that is not a literal."""
    if component["type"] == "blank node":
        return component["value"]
    return "<" + component["value"].translate(_IRI_ESCAPES) + ">"


def serialize_quad(quad: dict[str, Any]) -> str:
    """Serialize one pyld quad as canonical N-Quads (RDFC-1.0 escaping)."""
    o = quad["object"]
    if o["type"] == "literal":
        obj = '"' + o["value"].translate(_LITERAL_ESCAPES) + '"'
        if o["datatype"] == RDF_LANGSTRING:
            if o.get("language"):
                obj += "@" + o["language"]
        elif o["datatype"] != XSD_STRING:
            obj += "^^<" + o["datatype"].translate(_IRI_ESCAPES) + ">"
    else:
        obj = _term(o)
    line = (
        _term(quad["subject"])
        + " <"
        + quad["predicate"]["value"].translate(_IRI_ESCAPES)
        + "> "
        + obj
    )
    if quad.get("name") is not None and quad["name"].get("value") is not None:
        line += " " + _term(quad["name"])
    return line + " .\n"


class _Rdfc10(URDNA2015):
    """pyld's URDNA2015 with RDFC-1.0 serialization where blank-node hashing serializes quads."""

    def hash_first_degree_quads(self, id_: str) -> str:
        """Hash a blank node's quads (RDFC-1.0 4.6), serializing them with RDFC-1.0 escaping."""
        info = self.blank_node_info[id_]
        if "hash" not in info:
            nquads = []
            for quad in info["quads"]:
                copy = {
                    key: (
                        c if key == "predicate" else self.modify_first_degree_component(id_, c, key)
                    )
                    for key, c in quad.items()
                }
                nquads.append(serialize_quad(copy))
            nquads.sort()
            info["hash"] = self.hash_nquads(nquads)
        return info["hash"]

    def canonical_nquads(self, dataset: dict[str, list]) -> str:
        """Label blank nodes with pyld, then serialize with RDFC-1.0 escaping."""
        self.main(dataset, {"format": "application/n-quads"})  # relabels self.quads in place
        return "".join(sorted(serialize_quad(quad) for quad in self.quads))


def _needs_rdfc_serializer(dataset: dict[str, list]) -> bool:
    """Tell whether pyld's serializer would differ from RDFC-1.0 on this dataset."""
    for triples in dataset.values():
        for triple in triples:
            o = triple["object"]
            if o["type"] == "literal" and _PYLD_UNSAFE_LITERAL.search(o["value"]):
                return True
            for component in (triple["subject"], triple["predicate"], o):
                if component["type"] == "IRI" and _UNSAFE_IRI.search(component["value"]):
                    return True
    return False


class UnsafeJsonLdError(ValueError):
    """JSON-LD processing would silently drop data, which a signature would then not cover."""


def _relative_iris(node: Any, found: list[str]) -> list[str]:
    """Collect @id and @type values of expanded JSON-LD that are not absolute IRIs."""
    if isinstance(node, list):
        for item in node:
            _relative_iris(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@id", "@type") and "@value" not in node:
                for iri in value if isinstance(value, list) else [value]:
                    if (
                        isinstance(iri, str)
                        and not iri.startswith("_:")
                        and not _ABSOLUTE.match(iri)
                    ):
                        found.append(iri)
            elif key != "@value":
                _relative_iris(value, found)
    return found


class _CachingProcessor(JsonLdProcessor):
    """A pyld processor that remembers processed contexts across documents.

    pyld caches a processed context per (context, active context), but a type-scoped
    context (OB 3.0 has one per class) is applied to a fresh clone of the active context
    each time, so it is processed again for every node. The result only depends on the
    active context, the local context and the flags, so we memoize on exactly those.
    """

    def __init__(self, maxsize: int = 1024):
        super().__init__(on_property_dropped=self._dropped)
        self._memo: LRUCache = LRUCache(maxsize=maxsize)
        self._iris: dict[tuple, Any] = {}
        self.dropped: list[str] = []

    def _dropped(self, expanded_property: str | None) -> None:
        """Remember a property pyld ignored (jsonld.js's safe mode rejects these)."""
        self.dropped.append(str(expanded_property))

    def _expand_iri(self, active_ctx, value, base=None, vocab=False, local_ctx=None, defined=None):
        # Outside context processing (no local_ctx), expanding a string depends only on the
        # active context, which is immutable once frozen and named by its _uuid.
        uid = active_ctx.get("_uuid") if isinstance(active_ctx, frozendict) else None
        if (
            uid is None
            or local_ctx is not None
            or defined is not None
            or not isinstance(value, str)
        ):
            return super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)
        key = (uid, value, base, vocab)
        iri = self._iris.get(key, _MISSING)
        if iri is _MISSING:
            if len(self._iris) >= _IRI_MEMO_SIZE:
                self._iris.clear()  # cheaper than LRU bookkeeping on this hot path
            iri = self._iris[key] = super()._expand_iri(active_ctx, value, base, vocab)
        return iri

    def expand(self, input_, options):
        """Expand, then reject relative IRIs that RDF conversion would silently drop."""
        self.dropped = []
        expanded = super().expand(input_, options)
        relative = _relative_iris(expanded, [])
        if self.dropped or relative:
            raise UnsafeJsonLdError(
                "Some data would be left out of the signature because JSON-LD cannot map it to "
                f"IRIs: {', '.join(dict.fromkeys(self.dropped + relative))} (undefined terms or "
                "relative IRIs)."
            )
        return expanded

    def _process_context(  # noqa: PLR0913 - mirrors pyld's signature
        self,
        active_ctx,
        local_ctx,
        options,
        override_protected=False,
        propagate=True,
        validate_scoped=True,
        cycles=None,
    ):
        uid = active_ctx.get("_uuid")
        if uid is None or cycles:
            return super()._process_context(
                active_ctx,
                local_ctx,
                options,
                override_protected,
                propagate,
                validate_scoped,
                cycles,
            )
        if isinstance(local_ctx, str):
            local_key: Any = local_ctx
        elif isinstance(local_ctx, list) and all(isinstance(c, str) for c in local_ctx):
            local_key = tuple(local_ctx)
        else:
            # Inline contexts are keyed by identity; the entry holds the object so its
            # id cannot be reused by another object while the entry exists.
            local_key = id(local_ctx)
        key = (
            uid,
            local_key,
            override_protected,
            propagate,
            validate_scoped,
            options.get("base"),
            options.get("processingMode"),
        )
        hit = self._memo.get(key)
        if hit is not None and (not isinstance(local_key, int) or hit[0] is local_ctx):
            return hit[1]
        processed = super()._process_context(
            active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
        )
        self._memo[key] = (local_ctx, processed)
        return processed


class Canonicalizer:
    """Turn JSON-LD documents into canonical N-Quads, reusing processed contexts.

    Not thread-safe: use one per thread (canonicalize() below does that for you).
    """

    def __init__(self) -> None:
        self._processor = _CachingProcessor()
        self._resolver = ContextResolver(_resolved_context_cache, _loader)

    def to_dataset(self, document: dict[str, Any]) -> dict[str, list]:
        """Convert JSON-LD to a pyld RDF dataset using only shipped contexts."""
        return self._processor.to_rdf(
            document,
            {"documentLoader": _loader, "contextResolver": self._resolver, "base": None},
        )

    def canonicalize(self, document: dict[str, Any]) -> str:
        """Return the RDFC-1.0 canonical N-Quads of a JSON-LD document."""
        dataset = self.to_dataset(document)
        if _needs_rdfc_serializer(dataset):
            return _Rdfc10().canonical_nquads(dataset)
        # Without such characters pyld's serialization is already RDFC-1.0's.
        return URDNA2015().main(dataset, {"format": "application/n-quads"})


_local = threading.local()


def default_canonicalizer() -> Canonicalizer:
    """Return this thread's shared Canonicalizer."""
    canonicalizer = getattr(_local, "canonicalizer", None)
    if canonicalizer is None:
        canonicalizer = _local.canonicalizer = Canonicalizer()
    return canonicalizer


def canonicalize(document: dict[str, Any]) -> str:
    """Return the RDFC-1.0 canonical N-Quads of a JSON-LD document (shipped contexts only)."""
    return default_canonicalizer().canonicalize(document)
