"""Parse the XML Schema dateTime values credentials carry."""

from __future__ import annotations

from datetime import UTC, datetime

from .schema import RFC3339


def parse_datetime(value: object) -> datetime | None:
    """Return an aware datetime for an RFC 3339 date-time string, or None if it is not one."""
    if not isinstance(value, str) or not RFC3339.match(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
