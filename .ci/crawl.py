"""Crawl a served Trellis as each demo role: no page may answer 5xx, every asset must load.

Talks plain HTTP to the server as the README's HTTPS proxy would (X-Forwarded-Proto: https,
X-Real-IP), keeps the Secure cookies itself, follows same-site links breadth-first from the
home page (GET only, never sign-out), visits a few pages of each shape of address (/x/12/ and
/x/13/ are one shape), and checks every <script src>, <link href> and <img src> once, plus the
source maps and url()s inside the static scripts and style sheets (collectstatic rewrites
those). Standard library only, so it runs before any venv.

    python3 .ci/crawl.py --base http://127.0.0.1:8123 --password trellis-demo \
        clarendon.teacher@example.org issuer@example.org anonymous
"""

import argparse
import http.client
import re
import sys
import time
from collections import Counter, deque
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

ANONYMOUS = "anonymous"
SLOW_SECONDS = 5  # gunicorn kills a worker after 30 s; a page near that is worth a look
# Links a crawler must not follow: they sign out or change something.
SKIP = re.compile(r"/(logout|sign-out|delete|remove|revoke)\b|/i18n/setlang", re.IGNORECASE)
ID_SEGMENT = re.compile(r"^(\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{32}|[A-Za-z0-9_-]{20,})$")
SOURCE_MAP = re.compile(rb"[#@] sourceMappingURL=([^\s*]+)")
CSS_URL = re.compile(rb"url\(\s*['\"]?(?!data:|#)([^'\")]+)['\"]?\s*\)")


class Links(HTMLParser):
    """Collect the links and the assets of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[str] = []
        self.assets: list[str] = []
        self.form_fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "a" and found.get("href"):
            self.pages.append(found["href"])
        elif tag in ("script", "img") and found.get("src"):
            self.assets.append(found["src"])
        elif tag == "link" and found.get("href"):
            self.assets.append(found["href"])
        elif tag == "input" and found.get("name"):
            self.form_fields[found["name"]] = found.get("value", "")


class Client:
    """One visitor: plain HTTP to the server, as if through an HTTPS proxy, with its cookies."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.origin = f"https://{self.host}:{self.port}"
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: str = "", headers: dict | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        sent = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Real-IP": "203.0.113.7",  # the client address, as the README's proxy sets it
            "Accept-Language": "en",
            "User-Agent": "trellis-production-smoke",
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body.encode() or None, headers=sent)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, {k.lower(): v for k, v in response.headers.items()}, data

    def get(self, path: str) -> tuple[int, str, dict[str, str], bytes]:
        """GET, following same-site redirects; return the status, final path, headers, body."""
        for _hop in range(6):
            status, headers, body = self.request("GET", path)
            target = headers.get("location")
            if status not in (301, 302, 303, 307, 308) or not target:
                return status, path, headers, body
            path = self.same_site(urljoin(self.origin + path, target))
            if path is None:
                return status, target, headers, body  # off-site: not ours to check
        return 599, path, {}, b"too many redirects"

    def same_site(self, url: str) -> str | None:
        """Return the path and query of a URL on this site, else None."""
        parts = urlsplit(urldefrag(url)[0])
        if parts.scheme not in ("http", "https") or parts.hostname != self.host:
            return None
        if (parts.port or (443 if parts.scheme == "https" else 80)) != self.port:
            return None
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def sign_in(self, email: str, password: str) -> None:
        status, path, _headers, body = self.get("/accounts/login/")
        page = Links()
        page.feed(body.decode("utf-8", "replace"))
        token = page.form_fields.get("csrfmiddlewaretoken", "")
        if status != 200 or not token:
            raise RuntimeError(f"the sign-in page answered {status} without a form")
        form = urlencode({"csrfmiddlewaretoken": token, "username": email, "password": password})
        status, headers, _body = self.request(
            "POST",
            "/accounts/login/",
            form,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"{self.origin}/accounts/login/",
                "Origin": self.origin,
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in as {email} answered {status}, no session")


def shape(path: str) -> str:
    """Return the address with ids blanked and query values dropped: one kind of page."""
    parts = urlsplit(path)
    segments = ["<id>" if ID_SEGMENT.match(s) else s for s in parts.path.split("/")]
    keys = sorted({pair.split("=", 1)[0] for pair in parts.query.split("&") if pair})
    return "/".join(segments) + ("?" + "&".join(keys) if keys else "")


class Crawl:
    def __init__(self, base: str, per_shape: int, max_pages: int, verbose: bool) -> None:
        self.base = base
        self.verbose = verbose
        self.per_shape = per_shape
        self.max_pages = max_pages
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.assets: dict[str, int] = {}
        self.summary: list[tuple[str, int, Counter, float]] = []

    def role(self, who: str, password: str, seeds: list[str]) -> set[str]:
        """Crawl as one role; return every same-site page address it saw linked."""
        started = time.monotonic()
        client = Client(self.base)
        if who != ANONYMOUS:
            try:
                client.sign_in(who, password)
            except (RuntimeError, OSError) as failure:
                self.failures.append(f"{who}: {failure}")
                self.summary.append((who, 0, Counter(), time.monotonic() - started))
                return set()
        queue, queued, shapes = deque(), set(), Counter()
        seen_links: set[str] = set()

        def enqueue(path: str) -> None:
            if path in queued or SKIP.search(path) or shapes[shape(path)] >= self.per_shape:
                return
            queued.add(path)
            shapes[shape(path)] += 1
            queue.append(path)

        for seed in ["/", *seeds]:
            enqueue(seed)
        statuses: Counter = Counter()
        crawled = 0
        while queue and crawled < self.max_pages:
            path = queue.popleft()
            asked = time.monotonic()
            try:
                status, final, headers, body = client.get(path)
            except OSError as failure:
                self.failures.append(f"{who}: GET {path} failed: {failure}")
                continue
            crawled += 1
            statuses[status // 100 * 100] += 1
            took = time.monotonic() - asked
            if took > SLOW_SECONDS:
                self.notes.append(f"{who}: GET {path} took {took:.1f} s")
            if self.verbose:
                moved = f" -> {final}" if final != path else ""
                print(f"{who} {status} {took:5.2f} s {path}{moved}")
            if status >= 500:
                self.failures.append(f"{who}: GET {path} answered {status}")
                continue
            if status >= 400:
                # A link shown to someone who may not follow it: worth a look, not a crash.
                self.notes.append(f"{who}: GET {path} answered {status}")
            if who != ANONYMOUS and final.startswith("/accounts/login/"):
                self.failures.append(f"{who}: GET {path} sent the signed-in person to sign in")
            if "text/html" not in headers.get("content-type", ""):
                continue
            page = Links()
            page.feed(body.decode("utf-8", "replace"))
            here = client.origin + final
            for href in page.pages:
                target = client.same_site(urljoin(here, href))
                if target:
                    seen_links.add(target)
                    enqueue(target)
            for src in page.assets:
                target = client.same_site(urljoin(here, src))
                if target:
                    self.asset(client, target, f"{who} on {final}")
        self.summary.append((who, crawled, statuses, time.monotonic() - started))
        return seen_links

    def asset(self, client: Client, path: str, where: str) -> None:
        """Check a script, style sheet or image once: 200 directly, and what it refers to."""
        if path in self.assets:
            return
        status, headers, body = client.request("GET", path)
        self.assets[path] = status
        if status != 200:
            self.failures.append(f"{where}: {path} answered {status}")
            return
        # What collectstatic rewrote inside our static files must be there too.
        if not path.startswith("/static/"):
            return
        found = SOURCE_MAP.findall(body) if path.endswith((".js", ".css")) else []
        found += CSS_URL.findall(body) if path.endswith(".css") else []
        for name in found:
            target = client.same_site(urljoin(client.origin + path, name.decode()))
            if target:
                self.asset(client, target, path)


def wait_until_up(base: str, seconds: int) -> bool:
    """Return once /healthz answers 200, or False after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if Client(base).request("GET", "/healthz")[0] == 200:
                return True
        except OSError:
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="e.g. http://127.0.0.1:8123")
    parser.add_argument("--password", default="trellis-demo")
    parser.add_argument("--per-shape", type=int, default=2, help="pages per kind of address")
    parser.add_argument("--max-pages", type=int, default=150, help="pages per role")
    parser.add_argument("--wait", type=int, default=0, help="seconds to wait for the server")
    parser.add_argument("--verbose", action="store_true", help="print every page visited")
    parser.add_argument("roles", nargs="+", help=f"demo emails, or {ANONYMOUS}")
    options = parser.parse_args()
    if not wait_until_up(options.base, options.wait):
        print(f"{options.base}/healthz did not answer 200 within {options.wait} s.")
        return 1
    crawl = Crawl(options.base, options.per_shape, options.max_pages, options.verbose)
    linked: set[str] = set()
    for who in options.roles:
        # The anonymous visitor also tries every page the others saw linked (public pages).
        seeds = sorted(linked) if who == ANONYMOUS else ["/accounts/login/"]
        linked |= crawl.role(who, options.password, seeds)

    print("\nProduction smoke crawl")
    for who, crawled, statuses, seconds in crawl.summary:
        counts = ", ".join(f"{n}×{code // 100}xx" for code, n in sorted(statuses.items()))
        print(f"  {who:36} {crawled:4} pages  ({counts or 'none'})  {seconds:5.1f} s")
    bad_assets = sum(1 for status in crawl.assets.values() if status != 200)
    print(f"  static files and images checked: {len(crawl.assets)} ({bad_assets} not 200)")
    for note in crawl.notes:
        print(f"  note: {note}")
    print(f"  failures: {len(crawl.failures)}")
    for failure in crawl.failures:
        print(f"    - {failure}")
    return 1 if crawl.failures or not crawl.assets else 0


if __name__ == "__main__":
    sys.exit(main())
