"""Test-wide set-up: browser tests may touch the database from Playwright's event loop."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
