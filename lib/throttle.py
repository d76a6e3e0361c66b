"""Throttle repeated requests (failed sign-ins, public verifications) with django-ratelimit.

Counters live in the "throttle" cache (settings.RATELIMIT_USE_CACHE). RATELIMIT_ENABLE turns
throttling off in tests, except in the tests that switch it on to prove it works.
"""

from collections.abc import Callable, Iterable

from django.http import HttpRequest
from django_ratelimit.core import get_usage

Key = str | Callable[[str, HttpRequest], str]


def over_limit(
    request: HttpRequest, group: str, limits: Iterable[tuple[Key, str]], *, count: bool
) -> bool:
    """Return whether any (key, rate) limit of the group is exceeded; count this request if asked.

    With count=False the counters are only read, so a caller can refuse early and count only the
    requests that matter (a failed sign-in, not a successful one).
    """
    exceeded = False
    for i, (key, rate) in enumerate(limits):
        usage = get_usage(request, group=f"{group}:{i}", key=key, rate=rate, increment=count)
        if usage is None:  # throttling is off
            continue
        # Counted, this request is refused once it goes past the limit; only read, once the
        # limit is reached (the next request would go past it).
        exceeded |= usage["should_limit"] if count else usage["count"] >= usage["limit"]
    return exceeded
