"""Sessions in the database, where a cookie Django never issued is no session at all."""

import re

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

# Django makes session keys of 32 lowercase letters and digits, and stores at most 40 characters.
SESSION_KEY = re.compile(r"[a-z0-9]{8,40}")


def is_session_key(key: str | None) -> bool:
    """Say whether the key could be one Django issued; anything else is forged or damaged."""
    return key is not None and SESSION_KEY.fullmatch(key) is not None


class SessionStore(DatabaseSessionStore):
    """Django's database store that treats a malformed key as no session.

    PostgreSQL refuses text holding a NUL byte, so looking up such a key from a cookie would be
    a server error on every page rather than an anonymous visit.
    """

    def _validate_session_key(self, key: str | None) -> bool:
        return is_session_key(key)
