"""Fetching CASE packages from web addresses: only public http(s), bounded in size and time."""

import datetime
import socket
import ssl
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from unittest import mock

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.test import SimpleTestCase

from frameworks import fetch
from frameworks.fetch import FetchError, fetch_case_package, is_public


class Handler(BaseHTTPRequestHandler):
    """Serve a few fixed answers on 127.0.0.1, so no test touches the network."""

    hosts: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        Handler.hosts.append(self.headers.get("Host", ""))
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
        with mock.patch.object(fetch, "is_public", local_server_counts_as_public):
            with self.assertRaises(FetchError) as caught:
                fetch_case_package(self.base + "/elsewhere")
        self.assertIn("10.0.0.1 is an address inside a private network", caught.exception.message)

    def test_it_refuses_a_host_with_any_private_address(self) -> None:
        answers = [answer("93.184.216.34"), answer("10.0.0.7")]
        with mock.patch("socket.getaddrinfo", return_value=answers):
            with self.assertRaises(FetchError) as caught:
                fetch_case_package("http://mixed.example.test/package.json")
        self.assertIn("mixed.example.test is an address inside a private", caught.exception.message)

    def test_it_connects_to_the_address_it_checked_not_to_a_later_answer(self) -> None:
        # DNS rebinding: the first answer passes the check, every later one is private.
        calls = []

        def rebinding(host, port, *args, **kwargs):
            calls.append(host)
            return [answer("127.0.0.1" if len(calls) == 1 else "10.255.255.1", port)]

        url = f"http://rebind.example.test:{self.server.server_port}/package.json"
        with (
            mock.patch("socket.getaddrinfo", side_effect=rebinding),
            mock.patch.object(fetch, "is_public", local_server_counts_as_public),
        ):
            data = fetch_case_package(url, timeout=2)
        self.assertEqual(data, b'{"CFDocument": {}}')
        self.assertEqual(calls, ["rebind.example.test"])
        self.assertEqual(Handler.hosts[-1], f"rebind.example.test:{self.server.server_port}")


class PinnedTLSTests(SimpleTestCase):
    """HTTPS to a pinned address still checks the certificate against the host's name."""

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.folder = tempfile.TemporaryDirectory()
        authority, chain = certificates(Path(cls.folder.name), "case.example.test")
        cls.names = []
        server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_tls.load_cert_chain(chain)
        server_tls.sni_callback = lambda sock, name, context: cls.names.append(name)
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.server.socket = server_tls.wrap_socket(cls.server.socket, server_side=True)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.client_tls = ssl.create_default_context(cafile=authority)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.shutdown()
        cls.server.server_close()
        cls.folder.cleanup()
        super().tearDownClass()

    def fetch(self, host: str) -> bytes:
        url = f"https://{host}:{self.server.server_port}/package.json"
        everything_is_local = [answer("127.0.0.1", self.server.server_port)]
        with (
            mock.patch("socket.getaddrinfo", return_value=everything_is_local) as lookup,
            mock.patch.object(fetch, "tls_context", return_value=self.client_tls),
        ):
            data = fetch_case_package(url, allow_private=True, timeout=5)
        self.assertEqual(lookup.call_count, 1)
        return data

    def test_it_sends_and_verifies_the_host_name_while_connecting_to_the_address(self) -> None:
        self.assertEqual(self.fetch("case.example.test"), b'{"CFDocument": {}}')
        self.assertEqual(self.names[-1], "case.example.test")

    def test_a_certificate_for_another_name_is_refused(self) -> None:
        with self.assertRaises(FetchError) as caught:
            self.fetch("impostor.example.test")
        self.assertIn("certificate", caught.exception.message)
        self.assertIn("impostor.example.test", caught.exception.message)


def answer(address: str, port: int = 80) -> tuple:
    """Return one getaddrinfo answer for an IPv4 address."""
    return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))


def local_server_counts_as_public(address: str) -> bool:
    """Let the test server on 127.0.0.1 stand in for a public host; the rest stays private."""
    return address == "127.0.0.1" or is_public(address)


def certificates(folder: Path, host: str) -> tuple[str, str]:
    """Write a test authority and a certificate for `host` it signed; return both paths."""
    now = datetime.datetime.now(datetime.UTC)

    def build(subject, issuer, key, signer, ca: bool, san=None):
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), False
            )
        )
        if ca:
            builder = builder.add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
        if san:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False
            )
        return builder.sign(signer, hashes.SHA256())

    authority_key = ec.generate_private_key(ec.SECP256R1())
    authority = build(
        "Trellis test authority", "Trellis test authority", authority_key, authority_key, ca=True
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = build(host, "Trellis test authority", server_key, authority_key, ca=False, san=host)
    pem = serialization.Encoding.PEM
    (folder / "authority.pem").write_bytes(authority.public_bytes(pem))
    (folder / "server.pem").write_bytes(
        server.public_bytes(pem)
        + server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(folder / "authority.pem"), str(folder / "server.pem")
