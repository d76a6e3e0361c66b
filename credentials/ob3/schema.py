"""Validate credentials against 1EdTech's official OB 3.0 JSON schemas (shipped in schemas/)."""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft201909Validator, FormatChecker
from jsonschema.exceptions import ValidationError

SCHEMAS_DIR = Path(__file__).resolve().parent / "schemas"
ACHIEVEMENT_CREDENTIAL_SCHEMA = "ob_v3p0_achievementcredential_schema.json"
ENDORSEMENT_CREDENTIAL_SCHEMA = "ob_v3p0_endorsementcredential_schema.json"

# RFC 3339 date-time, as the schema's "format": "date-time" means (jsonschema needs an
# extra package to check it, so we say it here).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_formats = FormatChecker()


@_formats.checks("date-time")
def _is_date_time(value: object) -> bool:
    """Accept RFC 3339 date-times (non-strings are the type keyword's business)."""
    return not isinstance(value, str) or bool(RFC3339.match(value))


@cache
def _validator(name: str) -> Draft201909Validator:
    """Load and compile one shipped schema."""
    schema = json.loads((SCHEMAS_DIR / name).read_text(encoding="utf-8"))
    return Draft201909Validator(schema, format_checker=_formats)


def schema_for(credential: dict[str, Any]) -> str:
    """Pick the OB 3.0 schema file for a credential from its type."""
    types = credential.get("type")
    types = types if isinstance(types, list) else [types]
    if "EndorsementCredential" in types:
        return ENDORSEMENT_CREDENTIAL_SCHEMA
    return ACHIEVEMENT_CREDENTIAL_SCHEMA


def _path(error: ValidationError) -> str:
    """Render where an error is, like credentialSubject.achievement.type[0]."""
    text = ""
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def _array_fixes(errors: list[ValidationError]) -> list[ValidationError]:
    """Find 'should be an array' errors on single values, also inside anyOf/oneOf."""
    found = []
    for error in errors:
        expected = error.validator_value if error.validator == "type" else None
        wants_array = expected == "array" or (isinstance(expected, list) and "array" in expected)
        if wants_array and not isinstance(error.instance, list):
            found.append(error)
        found.extend(_array_fixes(list(error.context or [])))
    return found


def _wrap(document: Any, path: list[Any]) -> bool:
    """Wrap the value at path in a one-element array; tell whether anything changed."""
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    if isinstance(parent[path[-1]], list):
        return False
    parent[path[-1]] = [parent[path[-1]]]
    return True


def validate(credential: dict[str, Any], schema: str | None = None) -> tuple[list[str], list[str]]:
    """Validate a credential; return (problems, single values read as one-element arrays).

    JSON-LD (and VC 2.0) treat a single value and an array of one as the same data, but
    the OB 3.0 schema only accepts arrays (e.g. for proof and type), so, as 1EdTech's own
    validator accepts such credentials, single values are read as arrays of one first.
    """
    validator = _validator(schema or schema_for(credential))
    document = copy.deepcopy(credential)
    wrapped: list[str] = []
    for _ in range(50):  # each round fixes every reported single value; nesting is shallow
        fixes = _array_fixes(list(validator.iter_errors(document)))
        changed = False
        for error in fixes:
            if error.absolute_path and _wrap(document, list(error.absolute_path)):
                wrapped.append(_path(error))
                changed = True
        if not changed:
            break
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    return [_describe(_deepest(error)) for error in errors], wrapped


def _deepest(error: ValidationError) -> ValidationError:
    """Follow anyOf/oneOf failures down to the most relevant underlying error."""
    while error.context:
        # Skip branches whose type does not even fit the value (e.g. "string" for an object).
        fitting = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
        error = max(fitting or error.context, key=lambda e: len(e.absolute_path))
    return error


def _describe(error: ValidationError) -> str:
    """Phrase one schema error for people."""
    where = _path(error)
    if error.validator == "contains" and isinstance(error.validator_value, dict):
        wanted = error.validator_value.get("enum")
        if wanted:
            return f"at {where}: {error.instance!r} must include {' or '.join(map(repr, wanted))}"
    return f"at {where}: {error.message}"


def is_valid(credential: dict[str, Any]) -> bool:
    """Tell whether a credential matches its OB 3.0 schema exactly (no arrays-of-one reading)."""
    return not any(_validator(schema_for(credential)).iter_errors(credential))
