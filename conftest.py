"""Test-wide set-up: the language each test starts in; browser tests' database access."""

import os

import pytest
from django.conf import settings
from django.utils import translation

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _english_by_default():
    """Start every test in English: a request in Spanish leaves Spanish active on its thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
