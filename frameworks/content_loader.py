"""Load the built-in frameworks in `content/` as shared frameworks, through the CASE import.

Each content file becomes a CASE 1.0 package whose identifiers are UUID5s of the content keys
in a fixed namespace, so every load (on any server) gives the same identifiers: re-loading
updates in place, and exports of the built-ins agree everywhere.
"""

import json
import uuid
from pathlib import Path
from typing import Any

from .actions import case_uri, import_case_data
from .case_rows import put_extension
from .models import Framework

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FILES = ("deeper-learning-competencies.json", "leadership-roles.json", "seven-conditions.json")
# Never change these: they are what makes built-in identifiers stable.
NAMESPACE = uuid.UUID("6f0b8a52-2d0e-5a43-9c53-7f1f3f7d9a10")
PUBLISHED = "2025-01-06T00:00:00+00:00"
CREATOR = "Trellis"


def stable_identifier(*parts: str) -> str:
    """Return the CASE identifier of a built-in object named by its keys."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _link(title: str, identifier: str) -> dict[str, str]:
    return {"title": title, "identifier": identifier, "uri": case_uri(identifier)}


def content_package(content: dict[str, Any]) -> dict[str, Any]:
    """Return a content file's framework as a CASE 1.0 package."""
    document_id = stable_identifier("framework", content["key"])
    document_link = _link(content["title"], document_id)
    document: dict[str, Any] = {
        "identifier": document_id,
        "uri": case_uri(document_id),
        "CFPackageURI": document_link,
        "creator": CREATOR,
        "title": content["title"],
        "lastChangeDateTime": PUBLISHED,
        "publisher": CREATOR,
        "description": content["summary"],
        "language": "en",
        "version": str(content["version"]),
        "adoptionStatus": "Adopted",
        "notes": content["source"],
    }
    put_extension(
        document,
        {
            "key": content["key"],
            "levels": [_named(level) for level in content["levels"]],
            "specialties": [_named(specialty) for specialty in content["specialties"]],
        },
    )
    type_id = stable_identifier("item-type", "competency")
    item_type = {
        "identifier": type_id,
        "uri": case_uri(type_id),
        "title": "Competency",
        "description": "What an educator knows and does; may be broken into narrower ones.",
        "hierarchyCode": "1",
        "typeCode": "Competency",
        "lastChangeDateTime": PUBLISHED,
    }
    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []
    pending = [(entry, document_link) for entry in content["competencies"]]
    positions: dict[str, int] = {}
    while pending:
        entry, parent = pending.pop(0)
        identifier = stable_identifier("competency", entry["key"])
        items.append(
            {
                "identifier": identifier,
                "uri": case_uri(identifier),
                "CFDocumentURI": document_link,
                "fullStatement": entry["description"],
                "abbreviatedStatement": entry["title"],
                "humanCodingScheme": entry["code"],
                "CFItemType": "Competency",
                "CFItemTypeURI": _link("Competency", type_id),
                "language": "en",
                "lastChangeDateTime": PUBLISHED,
                "extensions": {"trellis": _item_extension(entry)},
            }
        )
        positions[parent["identifier"]] = positions.get(parent["identifier"], 0) + 1
        association_id = stable_identifier("isChildOf", entry["key"], parent["identifier"])
        associations.append(
            {
                "identifier": association_id,
                "associationType": "isChildOf",
                "sequenceNumber": positions[parent["identifier"]],
                "uri": case_uri(association_id),
                "originNodeURI": _link(entry["code"], identifier),
                "destinationNodeURI": parent,
                "CFDocumentURI": document_link,
                "lastChangeDateTime": PUBLISHED,
            }
        )
        pending += [(child, _link(entry["code"], identifier)) for child in entry["children"]]
    return {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {"CFItemTypes": [item_type]},
    }


def _item_extension(entry: dict[str, Any]) -> dict[str, Any]:
    """Return a competency's Trellis extension: its key and any level or specialty texts."""
    extension: dict[str, Any] = {"key": entry["key"]}
    for field in ("levels", "specialties"):
        if entry.get(field):
            extension[field] = dict(entry[field])
    return extension


def _named(entry: dict[str, str]) -> dict[str, str]:
    return {
        "key": entry["key"],
        "title": entry["title"],
        "description": entry.get("description", ""),
    }


def load_builtin_frameworks() -> list[Framework]:
    """Load or update every built-in framework; unchanged content changes nothing."""
    frameworks = []
    for name in FILES:
        content = json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))
        result = import_case_data(
            content_package(content),
            None,
            None,
            source=f"frameworks/content/{name}",
            origin=Framework.Origin.BUILT_IN,
        )
        frameworks.append(result.framework)
    return frameworks
