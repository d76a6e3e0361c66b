"""Download a CASE package safely: http(s) only, public hosts, limited size and time.

The page refuses addresses inside the server's own network (localhost, 10.x, 169.254.x …),
so nobody can use the import to read internal services; the management command, run by an
operator, may fetch from anywhere. Redirects are checked the same way as the first address.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

MAX_CASE_BYTES = 50 * 1024 * 1024  # a 5,000-item package is about 6 MB
TIMEOUT_SECONDS = 20


class FetchError(Exception):
    """A package that could not be downloaded, with a sentence saying why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_address(url: str, allow_private: bool) -> None:
    """Refuse anything but an http(s) address of a public host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(
            _(
                "“%(url)s” is not a web address Trellis can fetch. Give one that starts with "
                "http:// or https://."
            )
            % {"url": url[:200]}
        )
    if allow_private:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except (OSError, UnicodeError):
        raise FetchError(
            _("The host %(host)s could not be found. Check the address for typing mistakes.")
            % {"host": parts.hostname}
        ) from None
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise FetchError(
                _(
                    "%(host)s is an address inside a private network, which Trellis does not "
                    "fetch from. Download the package and upload the file instead."
                )
                % {"host": parts.hostname}
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_case_package(
    url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS
) -> bytes:
    """Return the bytes at `url`, or raise FetchError with a message a person can act on."""
    url = url.strip()
    check_address(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "Trellis CASE import"}
    )
    host = urlsplit(url).hostname
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_CASE_BYTES:
                raise _too_large()
            data = response.read(MAX_CASE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise FetchError(
            _(
                "%(host)s answered “%(code)s %(reason)s” instead of the package. Check that "
                "the address points to a CFPackage and that it is public."
            )
            % {"host": host, "code": error.code, "reason": error.reason}
        ) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timed_out(host, timeout) from None
        raise FetchError(
            _("%(host)s could not be reached (%(reason)s). Check the address and try again.")
            % {"host": host, "reason": error.reason}
        ) from None
    except TimeoutError:
        raise _timed_out(host, timeout) from None
    if len(data) > MAX_CASE_BYTES:
        raise _too_large()
    return data


def _too_large() -> FetchError:
    return FetchError(
        _("The package is larger than %(limit)s MB, which is more than Trellis imports at once.")
        % {"limit": MAX_CASE_BYTES // 2**20}
    )


def _timed_out(host: str | None, timeout: float) -> FetchError:
    return FetchError(
        _("%(host)s did not send the package within %(seconds)s seconds. Try again later.")
        % {"host": host, "seconds": int(timeout) or timeout}
    )
