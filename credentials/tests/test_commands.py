"""The verify_credential and export_credentials commands."""

import io
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from django.core.management import call_command
from django.core.management.base import CommandError

from credentials import actions
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer
from .ob3_support import fixtures_dir
from .sharing_support import earn, expire
from .test_ob3_verify_fixtures import DOCUMENTS, EXPECTED


def temporary_folder(test) -> Path:
    folder = Path(tempfile.mkdtemp())
    test.addCleanup(shutil.rmtree, folder, ignore_errors=True)
    return folder


def run_verify(path: str | Path) -> tuple[int, Any, str]:
    """Run verify_credential; return its exit code, the printed verdict and the error message.

    The verdict is the JSON the command printed, None if it printed nothing.
    """
    out = io.StringIO()
    try:
        call_command("verify_credential", str(path), stdout=out)
    except CommandError as failure:
        code, message = failure.returncode, str(failure)
    else:
        code, message = 0, ""
    printed = out.getvalue()
    return code, json.loads(printed) if printed else None, message


class VerifyCommandTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.issuer = make_issuer(cls.clarendon, "Clarendon Leadership Academy")
        cls.rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, cls.armstrong)
        approve(cls.issuer, cls.rita)
        cls.award = earn(cls.issuer, cls.alice, cls.rita)

    def setUp(self) -> None:
        self.folder = temporary_folder(self)

    def write(self, name: str, content: str | bytes) -> Path:
        path = self.folder / name
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)
        return path

    def test_a_trellis_credential_is_valid_and_exits_zero(self) -> None:
        code, result, _message = run_verify(
            self.write("badge.json", json.dumps(self.award.signed_json))
        )
        self.assertEqual(code, 0)
        self.assertTrue(result["verified"])
        self.assertEqual(
            [c["check"] for c in result["checks"]],
            ["context", "type", "schema", "proof", "issuer", "dates", "status"],
        )
        self.assertTrue(all(c["reason"] for c in result["checks"]))

    def test_a_revoked_credential_exits_one_with_the_status_reason(self) -> None:
        actions.revoke_credential(self.award, self.dana, "Issued in error.")
        code, result, message = run_verify(
            self.write("badge.json", json.dumps(self.award.signed_json))
        )
        self.assertEqual(code, 1)
        self.assertFalse(result["verified"])
        status = next(c for c in result["checks"] if c["check"] == "status")
        self.assertIn("has been revoked", status["reason"])
        self.assertIn("failed: status", message)

    def test_an_expired_credential_exits_one_with_the_dates_reason(self) -> None:
        expire(self.award, days_ago=3)
        code, result, _message = run_verify(
            self.write("badge.json", json.dumps(self.award.signed_json))
        )
        self.assertEqual(code, 1)
        dates = next(c for c in result["checks"] if c["check"] == "dates")
        self.assertIn("validUntil has passed", dates["reason"])

    def test_a_tampered_credential_exits_one_with_the_proof_reason(self) -> None:
        tampered = {**self.award.signed_json, "name": "Something else"}
        code, result, _message = run_verify(self.write("badge.json", json.dumps(tampered)))
        self.assertEqual(code, 1)
        self.assertIn("proof", [c["check"] for c in result["checks"] if not c["ok"]])

    def test_garbage_exits_one_with_a_reason(self) -> None:
        for content in (b"not json", b"[]", b"\xff\xfe", b"{" * 50_000, b"x" * 2_000_000):
            with self.subTest(content=content[:10]):
                code, result, _message = run_verify(self.write("garbage.json", content))
                self.assertEqual(code, 1)
                self.assertEqual(result["checks"][0]["check"], "parse")
                self.assertFalse(result["checks"][0]["ok"])

    def test_an_unreadable_file_exits_two(self) -> None:
        for path in (self.folder / "missing.json", self.folder):
            with self.subTest(path=path.name):
                code, result, message = run_verify(path)
                self.assertEqual(code, 2)
                self.assertIsNone(result)
                self.assertIn("Could not read", message)

    def test_it_gives_each_1edtech_fixture_its_verdict_and_reason(self) -> None:
        # The fixtures' issuers live on example sites; serve their documents as a fetch would.
        with mock.patch("credentials.verification._fetch_remote", DOCUMENTS.get):
            for name, (verified, failing) in EXPECTED.items():
                with self.subTest(fixture=name):
                    code, result, _message = run_verify(fixtures_dir() / name)
                    self.assertEqual(code, 0 if verified else 1)
                    self.assertIs(result["verified"], verified)
                    failed = {c["check"]: c["reason"] for c in result["checks"] if not c["ok"]}
                    for check, pattern in failing.items():
                        self.assertRegex(failed.get(check, ""), re.compile(pattern))

    def test_without_fetching_another_site_a_fixture_says_its_key_could_not_be_fetched(
        self,
    ) -> None:
        code, result, _message = run_verify(fixtures_dir() / "simple.json")
        self.assertEqual(code, 1)
        proof = next(c for c in result["checks"] if c["check"] == "proof")
        self.assertIn("https://example.com/issuers/876543", proof["reason"])


class ExportCommandTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.issuer = make_issuer(cls.clarendon, "Clarendon Leadership Academy")
        cls.pomona_issuer = make_issuer(cls.pomona, "Pomona Teaching Institute")
        cls.rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, cls.armstrong)
        cls.zoe = make_person("zoe@clarendon.example", "Zoe", "Zhu", Role.TEACHER, cls.clarendon)
        approve(cls.issuer, cls.rita)
        approve(cls.pomona_issuer, cls.zoe)
        cls.active = earn(cls.issuer, cls.alice, cls.rita, title="Building Your Team")
        cls.revoked = earn(cls.issuer, cls.bob, cls.rita, title="Collaborative Coaching")
        actions.revoke_credential(cls.revoked, cls.dana, "Issued in error.")
        cls.expired = expire(earn(cls.issuer, cls.carl, cls.rita, title="Assessing Time"))
        cls.elsewhere = earn(cls.pomona_issuer, cls.oscar, cls.zoe, title="Building Your Team")

    def export(self, *options: str) -> tuple[Path, list[dict]]:
        folder = temporary_folder(self) / "archive"
        call_command("export_credentials", str(folder), *options, stderr=io.StringIO())
        return folder, json.loads((folder / "manifest.json").read_text())

    def test_it_writes_every_signed_credential_and_a_manifest_of_their_status(self) -> None:
        folder, manifest = self.export()
        self.assertEqual(
            manifest,
            [
                {"file": f"{a.public_id}.json", "id": a.url, "status": status}
                for a, status in (
                    (self.active, "active"),
                    (self.revoked, "revoked"),
                    (self.expired, "expired"),
                    (self.elsewhere, "active"),
                )
            ],
        )
        for award in (self.active, self.revoked, self.expired, self.elsewhere):
            award.refresh_from_db()
            written = json.loads((folder / f"{award.public_id}.json").read_text())
            self.assertEqual(written, award.signed_json)
        self.assertEqual(len(list(folder.iterdir())), 5)

    def test_it_limits_the_archive_to_one_organisation_by_slug_or_id(self) -> None:
        for value in (self.clarendon.slug, str(self.clarendon.pk)):
            with self.subTest(organisation=value):
                _folder, manifest = self.export("--organisation", value)
                self.assertEqual(
                    [entry["status"] for entry in manifest], ["active", "revoked", "expired"]
                )
        _folder, manifest = self.export("--organisation", self.pomona.slug)
        self.assertEqual([entry["id"] for entry in manifest], [self.elsewhere.url])

    def test_an_unknown_organisation_stops_with_a_message(self) -> None:
        with self.assertRaisesMessage(CommandError, "No organisation has the slug or id"):
            self.export("--organisation", "atlantis")

    def test_an_empty_archive_has_an_empty_manifest(self) -> None:
        _folder, manifest = self.export("--organisation", self.south_carolina.slug)
        self.assertEqual(len(manifest), 3)
        _folder, manifest = self.export("--organisation", self.armstrong.slug)
        self.assertEqual(manifest, [])

    def test_a_folder_that_cannot_be_written_stops_with_a_message(self) -> None:
        blocker = temporary_folder(self) / "a-file"
        blocker.write_text("")
        with self.assertRaisesMessage(CommandError, "Could not write to"):
            call_command("export_credentials", str(blocker / "archive"), stderr=io.StringIO())
