"""Turn one CASE JSON object into its dataclass, reporting every field that is wrong."""

import copy
import re
from functools import cache
from typing import Any

from .dates import normalise_datetime
from .errors import Problems, describe
from .fields import TEXT_EXPECTED, CaseObject, CaseObjectT, Field, Kind, spec_of
from .link import LINK_PARTS, Link

# The OpenSALT schema's own (unanchored) UUID pattern, so we accept exactly what it accepts.
UUID_PATTERN = re.compile(r"[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}")
WHOLE_NUMBER = re.compile(r"\s*[+-]?\d+\s*")


def label(cls: type[CaseObject], raw: Any, position: int | None) -> str:
    """Name an object for messages: by identifier when it has one, else by its place."""
    identifier = raw.get("identifier") if isinstance(raw, dict) else None
    if isinstance(identifier, str) and identifier:
        return f"{cls.NAME} {identifier}"
    if position is not None:
        return f"{cls.NAME} number {position + 1}"
    return cls.NAME


@cache
def _keys(cls: type[CaseObject]) -> tuple[dict[str, Field], dict[str, Field]]:
    """Map a class's CASE keys, and their known misspellings, to its fields."""
    spec = spec_of(cls)
    return {f.key: f for f in spec}, {a: f for f in spec for a in f.aliases}


def read_object(
    cls: type[CaseObjectT], raw: Any, where: str, problems: Problems
) -> CaseObjectT | None:
    """Build `cls` from `raw`, keeping unknown keys in `extra`; None if `raw` is no object."""
    if not isinstance(raw, dict):
        problems.error(
            f"{where} is {describe(raw)}, but it must be a JSON object. "
            f"Replace it with a {cls.NAME} object."
        )
        return None
    by_key, aliases = _keys(cls)
    by_alias = {a: f for a, f in aliases.items() if f.key not in raw}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in raw.items():
        spec = by_key.get(key) or by_alias.get(key)
        if spec is None:
            extra[key] = copy.deepcopy(value)
            continue
        if key != spec.key:
            problems.warn(
                f"Some objects spell {spec.key} as {key}; it was read as {spec.key} "
                "and will be exported under that name."
            )
        if value is None:
            # Treat null as absent: the schema rejects null for most fields.
            if not spec.required:
                problems.warn(
                    f"Some objects give {key} as null; it was treated as absent.",
                    topic=f"null:{key}",
                )
            continue
        if spec.kind is Kind.TEXT and isinstance(value, str):
            values[spec.attr] = value  # the common case, kept cheap for 5,000-item packages
            continue
        read = read_value(spec, value, where, key, problems)
        if read is not None:
            values[spec.attr] = read
    for spec in spec_of(cls):
        # A present but malformed value was reported above; only report the absent ones here.
        if spec.required and raw.get(spec.key) is None:
            problems.error(
                f"{where} has no {spec.key}. Every {cls.NAME} needs one; add it and try again."
            )
    return cls(**values, extra=extra)


def read_value(spec: Field, value: Any, where: str, key: str, problems: Problems) -> Any:
    """Check and convert one field's value; report and return None when it is unusable."""
    kind = spec.kind
    prefix = f"{where} has {key} as"

    def wrong() -> None:
        shape = describe(value)
        if isinstance(value, list) and kind in (Kind.TEXT_LIST, Kind.LEVEL_LIST):
            odd = next(v for v in value if not isinstance(v, str))
            shape = f"a list containing {describe(odd)}"
        problems.error(
            f"{prefix} {shape}, but it must be {TEXT_EXPECTED[kind]}. "
            f"Correct {spec.key} and try again."
        )

    if kind in (Kind.TEXT, Kind.UUID):
        if not isinstance(value, str):
            return wrong()
        if kind is Kind.UUID and not UUID_PATTERN.search(value):
            problems.error(
                f"{prefix} {value!r}, which is not a UUID. CASE identifiers look like "
                "'a33fc64e-5c40-11e7-82c4-3d54268aa9ee'; give it one."
            )
            return None
        return value
    if kind in (Kind.DATETIME, Kind.DATE):
        return _read_datetime(spec, value, prefix, problems, wrong)
    if kind is Kind.INT:
        return _read_int(spec, value, prefix, problems, wrong)
    if kind is Kind.NUMBER:
        return _read_number(spec, value, prefix, problems, wrong)
    if kind in (Kind.TEXT_LIST, Kind.LEVEL_LIST):
        if isinstance(value, str):
            # CASE 1.0 allows a single string for subject and educationLevel; keep one shape.
            if kind is Kind.LEVEL_LIST:
                return [part.strip() for part in value.split(",") if part.strip()]
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return wrong()
        return list(value)
    if kind in (Kind.LINK, Kind.NODE):
        return read_link(value, prefix, problems, need_identifier=kind is Kind.NODE, key=spec.key)
    if kind is Kind.LINK_LIST:
        if not isinstance(value, list):
            return wrong()
        links = [read_link(v, prefix, problems, need_identifier=False, key=spec.key) for v in value]
        return [link for link in links if link is not None]
    cls = spec.cls
    if kind is Kind.OBJECT and cls is not None:
        return read_object(cls, value, f"{key} in {where}", problems)
    if kind is Kind.OBJECT_LIST and cls is not None:
        if not isinstance(value, list):
            return wrong()
        objects = [
            read_object(cls, raw, f"{label(cls, raw, n)} in {where}", problems)
            for n, raw in enumerate(value)
        ]
        return [obj for obj in objects if obj is not None]
    raise AssertionError(f"unhandled kind {kind} of {spec.key}, or no class for its objects")


def _read_datetime(
    spec: Field, value: Any, prefix: str, problems: Problems, wrong: Any
) -> str | None:
    """Read a date-time, completing one without a time zone as UTC."""
    if not isinstance(value, str):
        return wrong()
    normal = normalise_datetime(value, date_allowed=spec.kind is Kind.DATE)
    if normal is None:
        problems.error(
            f"{prefix} {value!r}, which is not {TEXT_EXPECTED[spec.kind]}. "
            f"Correct {spec.key} and try again."
        )
    elif normal != value:
        problems.warn(
            f"Some {spec.key} values are not full RFC 3339 date-times (like {value!r}); "
            f"they were completed as UTC (like {normal!r}).",
            topic=f"zone:{spec.key}",
        )
    return normal


def _read_int(spec: Field, value: Any, prefix: str, problems: Problems, wrong: Any) -> int | None:
    """Read a whole number, accepting digits in a string as OpenSALT sometimes writes them."""
    if isinstance(value, bool):
        return wrong()
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and WHOLE_NUMBER.fullmatch(value):
        problems.warn(
            f'Some objects give {spec.key} as text (like "{value.strip()}"); '
            "it was read as a whole number.",
            topic=f"int:{spec.key}",
        )
        return int(value)
    return wrong()


def _read_number(
    spec: Field, value: Any, prefix: str, problems: Problems, wrong: Any
) -> float | None:
    """Read a number, accepting a numeric string with a warning."""
    if isinstance(value, bool):
        return wrong()
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return wrong()
        problems.warn(f"Some objects give {spec.key} as text; it was read as a number.")
        return number
    return wrong()


def read_link(
    value: Any, prefix: str, problems: Problems, *, need_identifier: bool, key: str
) -> Link | None:
    """Read a LinkURI/LinkGenURI object, or a bare URI string where CASE tools write one."""
    if isinstance(value, str) and not need_identifier:
        return Link(uri=value)
    if not isinstance(value, dict):
        problems.error(
            f"{prefix} {describe(value)}, but it must be an object with title, identifier "
            f"and uri. Correct {key} and try again."
        )
        return None
    parts: dict[str, str | None] = {}
    for part in LINK_PARTS:
        item = value.get(part)
        if item is not None and not isinstance(item, str):
            problems.error(
                f"{prefix} an object whose {part} is {describe(item)}, but it must be text. "
                f"Correct {key} and try again."
            )
            item = None
        parts[part] = item
    if need_identifier and not parts["identifier"]:
        problems.error(
            f"{prefix} an object with no identifier, so it cannot be followed. "
            f"Give {key} the identifier of the node it points to."
        )
        return None
    extra = {k: copy.deepcopy(v) for k, v in value.items() if k not in parts}
    return Link(**parts, extra=extra)
