"""Map CASE objects onto database columns and back, and read Trellis's own CASE extension.

A column is filled only with a non-empty value. Everything else the CASE JSON had, including
keys present with an empty value, stays in the row's `case_extra` and is written back as is.

Trellis data that CASE 1.0 has no field for (a framework's proficiency levels and specialties,
a competency's stable key, level descriptors and specialty variations) travels in an
`extensions` object under the key `trellis`, on the CFDocument and on CFItems, where the
CASE schema allows extra keys. It is written only when it says something: a framework with
the default levels and no specialties exports exactly the CASE it was imported from.
"""

import copy
from collections.abc import Callable
from typing import Any

EMPTY: tuple[object, ...] = (None, "", [])

DOCUMENT_COLUMNS = {
    "identifier": "case_identifier",
    "title": "title",
    "description": "description",
    "creator": "creator",
}
ITEM_COLUMNS = {
    "identifier": "case_identifier",
    "fullStatement": "statement",
    "abbreviatedStatement": "title",
    "humanCodingScheme": "code",
    "CFItemType": "item_type",
    "educationLevel": "education_levels",
    "notes": "notes",
}
ASSOCIATION_COLUMNS = {
    "identifier": "case_identifier",
    "associationType": "association_type",
    "sequenceNumber": "sequence_number",
}
COLUMN_DEFAULTS: dict[str, Callable[[], Any]] = {
    "education_levels": list,
    "sequence_number": lambda: None,
}

EXTENSIONS = "extensions"
OURS = "trellis"

# Used when a framework brings no levels of its own; the four-step continuum.
DEFAULT_LEVELS: list[dict[str, str]] = [
    {
        "key": "basic",
        "title": "Basic",
        "description": "Knows what the competency asks for and is trying it out with support.",
    },
    {
        "key": "proficient",
        "title": "Proficient",
        "description": "Practises the competency reliably and can show the difference it makes.",
    },
    {
        "key": "highly-proficient",
        "title": "Highly proficient",
        "description": "Adapts the competency to new situations and helps colleagues build it.",
    },
    {
        "key": "expert",
        "title": "Expert",
        "description": "Shapes how a school or district practises it and coaches others in it.",
    },
]
# The specialties an organisation can choose for a framework it writes.
STANDARD_SPECIALTIES: list[dict[str, str]] = [
    {"key": "elementary", "title": "Elementary"},
    {"key": "secondary", "title": "Secondary"},
    {"key": "blended-online", "title": "Blended and online"},
    {"key": "special-education", "title": "Special education"},
    {"key": "startup", "title": "New school startup"},
    {"key": "turnaround", "title": "Turnaround"},
    {"key": "rural", "title": "Rural"},
]


def split_columns(data: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """Move the non-empty values of column keys out of `data` and return them by column."""
    values: dict[str, Any] = {}
    for key, column in columns.items():
        value = data.get(key)
        if value in EMPTY:
            default = COLUMN_DEFAULTS.get(column)
            values[column] = default() if default else ""
        else:
            values[column] = data.pop(key)
    return values


def merge_columns(row: Any, rest: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """Return the CASE JSON of a row: its `case_extra` with the non-empty columns put back."""
    out = copy.deepcopy(rest)
    for key, column in columns.items():
        value = getattr(row, column)
        if value not in EMPTY:
            out[key] = copy.deepcopy(value)
    return out


def take_extension(data: dict[str, Any]) -> dict[str, Any]:
    """Remove and return Trellis's extension from a CASE object's JSON (or its `extra`)."""
    extensions = data.get(EXTENSIONS)
    if not isinstance(extensions, dict) or not isinstance(extensions.get(OURS), dict):
        return {}
    extensions = dict(extensions)
    ours = extensions.pop(OURS)
    if extensions:
        data[EXTENSIONS] = extensions
    else:
        del data[EXTENSIONS]
    return ours


def put_extension(data: dict[str, Any], ours: dict[str, Any]) -> None:
    """Add Trellis's extension to a CASE object's JSON, unless it has nothing to say."""
    ours = {key: value for key, value in ours.items() if value not in (None, "", [], {})}
    if not ours:
        return
    extensions = dict(data.get(EXTENSIONS) or {})
    extensions[OURS] = ours
    data[EXTENSIONS] = extensions


def read_named_list(value: Any) -> list[dict[str, str]] | None:
    """Return a list of {key, title, description} from an extension, or None if malformed."""
    if not isinstance(value, list):
        return None
    entries = []
    for entry in value:
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            return None
        entries.append(
            {
                "key": entry["key"][:80],
                "title": str(entry.get("title") or entry["key"])[:200],
                "description": str(entry.get("description") or ""),
            }
        )
    return entries


def read_texts(value: Any) -> dict[str, str]:
    """Return a {key: text} map from an extension, dropping anything that is not text."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str) and v}
