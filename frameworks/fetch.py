"""Download a CASE package safely: http(s) only, public hosts, limited size and time.

The page refuses addresses inside the server's own network (localhost, 10.x, 169.254.x …),
so nobody can use the import to read internal services; the management command, run by an
operator, may fetch from anywhere. Each address, and each redirect's, is resolved once, and the
connection goes to the addresses that were checked: a host whose DNS answers a public address
for the check and a private one a moment later (DNS rebinding) cannot slip past. HTTPS still
sends and verifies the host's name (SNI and the certificate), not the address. Proxies from the
environment are not used, since a proxy would resolve the name again.
"""

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from functools import partial
from typing import IO, Any
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

MAX_CASE_BYTES = 50 * 1024 * 1024  # a 5,000-item package is about 6 MB
TIMEOUT_SECONDS = 20

# Where to connect: the family and the socket address getaddrinfo gave, (host, port, …).
Target = tuple[socket.AddressFamily, tuple[str, int] | tuple[str, int, int, int]]


class FetchError(Exception):
    """A package that could not be downloaded, with a sentence saying why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_public(address: str) -> bool:
    """Return whether an IP address is on the public internet."""
    return ipaddress.ip_address(address.split("%")[0]).is_global


def _not_a_web_address(url: str) -> FetchError:
    return FetchError(
        _(
            "“%(url)s” is not a web address Trellis can fetch. Give one that starts with "
            "http:// or https://."
        )
        % {"url": url[:200]}
    )


def check_scheme(url: str) -> None:
    """Refuse anything but an http(s) address with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _not_a_web_address(url)


def resolve(url: str, allow_private: bool) -> list[Target]:
    """Return the addresses to connect to for `url`, resolved once and checked."""
    check_scheme(url)
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise _not_a_web_address(url) from None
    try:
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FetchError(
            _("The host %(host)s could not be found. Check the address for typing mistakes.")
            % {"host": parts.hostname}
        ) from None
    # Each getaddrinfo answer is (family, type, proto, canonname, sockaddr). An IP address
    # starts its sockaddr as text; a Python built without IPv6 gives (int, bytes) for those.
    targets: list[Target] = list(
        dict.fromkeys(
            (family, sockaddr)
            for family, _t, _p, _c, sockaddr in found
            if isinstance(sockaddr[0], str)
        )
    )
    if not allow_private and not all(is_public(sockaddr[0]) for _f, sockaddr in targets):
        raise FetchError(
            _(
                "%(host)s is an address inside a private network, which Trellis does not "
                "fetch from. Download the package and upload the file instead."
            )
            % {"host": parts.hostname}
        )
    return targets


def _connect(
    targets: list[Target], timeout: object, source_address: tuple[str, int] | None = None
) -> socket.socket:
    """Open a connection to the first of the checked addresses that answers."""
    failure: OSError = OSError("no address to connect to")
    for family, sockaddr in targets:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            if isinstance(timeout, int | float):
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            sock.close()
            failure = error
    raise failure


class _PinnedConnection(http.client.HTTPConnection):
    """Connect to the checked addresses; everything else, TLS included, is http.client's own.

    For HTTPS, http.client wraps the socket with server_hostname=self.host: SNI and the
    certificate check use the name in the address, not the pinned IP.
    """

    def __init__(self, host: str, *, targets: list[Target], **options: Any):
        super().__init__(host, **options)
        # http.client's hook for opening the socket (socket.create_connection by default).
        self._create_connection = lambda _address, timeout, source: _connect(
            targets, timeout, source
        )


class _PinnedHTTPConnection(_PinnedConnection, http.client.HTTPConnection):
    pass


class _PinnedHTTPSConnection(_PinnedConnection, http.client.HTTPSConnection):
    pass


def tls_context() -> ssl.SSLContext:
    """Return the TLS settings for HTTPS: the system's trusted authorities, names checked."""
    return ssl.create_default_context()


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool):
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        targets = resolve(req.full_url, self.allow_private)
        return self.do_open(partial(_PinnedHTTPConnection, targets=targets), req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool):
        self.context = tls_context()
        super().__init__(context=self.context)
        self.allow_private = allow_private

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        targets = resolve(req.full_url, self.allow_private)
        return self.do_open(
            partial(_PinnedHTTPSConnection, targets=targets), req, context=self.context
        )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        # The new address is resolved and checked when it is opened, like the first.
        check_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_case_package(
    url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS
) -> bytes:
    """Return the bytes at `url`, or raise FetchError with a message a person can act on."""
    url = url.strip()
    check_scheme(url)  # before urllib, which would open file:// and others itself
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _PinnedHTTPHandler(allow_private),
        _PinnedHTTPSHandler(allow_private),
        _CheckedRedirects(),
    )
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
