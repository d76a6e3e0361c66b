"""Check CASE dates and date-times, completing the ones that lack a time zone."""

import re
from datetime import UTC, date, datetime

RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)
PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def normalise_datetime(value: str, *, date_allowed: bool) -> str | None:
    """Return `value` as an RFC 3339 date-time (or a plain date when allowed), None if unreadable.

    Older OpenSALT exports write "2017-05-25T18:05:33" with no zone. OpenSALT keeps UTC, and
    the schema's date-time format needs a zone, so such values are read as UTC. A value that
    is already well-formed is returned unchanged, character for character.
    """
    text = value.strip()
    if RFC3339.fullmatch(text) and _parses(text):
        return value
    if PLAIN_DATE.fullmatch(text) and _parses(text):
        return value if date_allowed else f"{text}T00:00:00+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _parses(text: str) -> bool:
    """Tell whether a well-shaped value is also a real calendar date and time."""
    try:
        if PLAIN_DATE.fullmatch(text):
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return False
    return True
