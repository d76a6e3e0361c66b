"""Throttle repeated requests with django-ratelimit: failed sign-ins, resets, verifications.

Counters live in the "throttle" cache (settings.RATELIMIT_USE_CACHE). RATELIMIT_ENABLE turns
throttling off in tests, except in the tests that switch it on to prove it works.
"""

from collections.abc import Callable, Iterable

from django.http import HttpRequest
from django_ratelimit.core import _get_ip, get_usage

Key = str | Callable[[str, HttpRequest], str]


def wait_seconds(
    request: HttpRequest, group: str, limits: Iterable[tuple[Key, str]], *, count: bool
) -> int:
    """Return the seconds until every (key, rate) limit of the group allows a request, 0 if now.

    With count=True this request is counted first; with count=False the counters are only read,
    so a caller can refuse early and count only the requests that matter (a failed sign-in, not
    a successful one).
    """
    wait = 0
    for i, (key, rate) in enumerate(limits):
        usage = get_usage(request, group=f"{group}:{i}", key=key, rate=rate, increment=count)
        if usage is None:  # throttling is off
            continue
        # Counted, this request is refused once it goes past the limit; only read, once the
        # limit is reached (the next request would go past it).
        if usage["should_limit"] if count else usage["count"] >= usage["limit"]:
            wait = max(wait, usage["time_left"], 1)
    return wait


def over_limit(
    request: HttpRequest, group: str, limits: Iterable[tuple[Key, str]], *, count: bool
) -> bool:
    """Return whether a (key, rate) limit of the group is exceeded; count this request if asked."""
    return wait_seconds(request, group, limits, count=count) > 0


def client_address(request: HttpRequest) -> str:
    """Return the client's address as the counters see it (an IPv6 client by its /64 network)."""
    # django-ratelimit's own reading (it honours RATELIMIT_IP_META_KEY and the IPv6 mask), so
    # what we key by address agrees with its "ip" counters; the exact pin keeps it in place.
    return _get_ip(request)
