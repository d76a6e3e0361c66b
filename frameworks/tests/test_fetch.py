"""Fetching CASE packages from web addresses: only public http(s), bounded in size and time."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

from django.test import SimpleTestCase

from frameworks import fetch
from frameworks.fetch import FetchError, fetch_case_package


class Handler(BaseHTTPRequestHandler):
    """Serve a few fixed answers on 127.0.0.1, so no test touches the network."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/package.json":
            self._send(200, b'{"CFDocument": {}}')
        elif self.path == "/huge.json":
            self._send(200, b"x" * 2048)
        elif self.path == "/slow.json":
            time.sleep(1)
            self._send(200, b"{}")
        elif self.path == "/elsewhere":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret.json")
            self.end_headers()
        else:
            self._send(404, b"no")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()  # no Content-Length, so the reader must stop by itself
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class FetchTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.base = f"http://127.0.0.1:{cls.server.server_port}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    def fetch(self, path: str, **options) -> bytes:
        return fetch_case_package(self.base + path, allow_private=True, **options)

    def assert_fails(self, message: str, path: str, **options) -> None:
        with self.assertRaises(FetchError) as caught:
            self.fetch(path, **options)
        self.assertIn(message, caught.exception.message)

    def test_it_returns_the_package_bytes(self) -> None:
        self.assertEqual(self.fetch("/package.json"), b'{"CFDocument": {}}')

    def test_it_says_what_the_server_answered(self) -> None:
        self.assert_fails("answered “404 Not Found” instead of the package", "/missing")

    def test_it_stops_reading_past_the_size_limit(self) -> None:
        with mock.patch.object(fetch, "MAX_CASE_BYTES", 1024):
            self.assert_fails("larger than", "/huge.json")

    def test_it_gives_up_after_the_timeout(self) -> None:
        self.assert_fails("did not send the package within", "/slow.json", timeout=0.2)

    def test_it_refuses_addresses_that_are_not_http(self) -> None:
        for url in ("file:///etc/passwd", "ftp://example.org/case.json", "case.json"):
            with self.assertRaises(FetchError) as caught:
                fetch_case_package(url)
            self.assertIn("http:// or https://", caught.exception.message)

    def test_the_page_refuses_addresses_inside_the_private_network(self) -> None:
        for url in (f"{self.base}/package.json", "http://10.1.2.3/x", "http://169.254.169.254/"):
            with self.assertRaises(FetchError) as caught:
                fetch_case_package(url)
            self.assertIn("inside a private network", caught.exception.message)

    def test_a_redirect_into_the_private_network_is_refused_too(self) -> None:
        def public_first_hop(url: str, allow_private: bool) -> None:
            if "10.0.0.1" in url:
                raise FetchError("10.0.0.1 is an address inside a private network.")

        with mock.patch.object(fetch, "check_address", side_effect=public_first_hop):
            with self.assertRaises(FetchError) as caught:
                fetch_case_package(self.base + "/elsewhere")
        self.assertIn("inside a private network", caught.exception.message)
