"""Trellis's settings with the cache turned off, for the benchmarks' cold-cache figures."""

from trellis.settings import *  # noqa: F403 - the same settings, one change

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
