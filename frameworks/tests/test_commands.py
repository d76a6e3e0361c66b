"""`manage.py import_case` and `export_case`: the same import, from the command line."""

import json
import subprocess
import sys
import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.core.management.base import CommandError

from frameworks.case import parse_package
from frameworks.models import Competency, Framework
from lib.reference_data import shared_dir
from tests.base import TrellisTestCase

from .helpers import SAMPLE_NAMES, sample_bytes, snapshot
from .test_case import schema_errors


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class CaseCommandTests(TrellisTestCase):
    def setUp(self) -> None:
        self.folder = Path(tempfile.mkdtemp())

    def test_import_then_export_round_trips_every_real_sample(self) -> None:
        for name in SAMPLE_NAMES:
            with self.subTest(name):
                path = shared_dir() / "case-samples" / name
                out, _err = run("import_case", str(path))
                self.assertIn("Imported", out)
                identifier = json.loads(sample_bytes(name))["CFDocument"]["identifier"]
                target = self.folder / f"{identifier}.json"
                run("export_case", identifier, str(target))
                exported = json.loads(target.read_text())
                self.assertEqual(schema_errors(exported), [])
                self.assertEqual(parse_package(exported), parse_package(sample_bytes(name)))
                out, _err = run("import_case", str(target))
                self.assertIn("Unchanged", out)
        imported = Framework.objects.filter(origin=Framework.Origin.IMPORTED)
        self.assertEqual(imported.filter(organisation=None).count(), 3)

    def test_it_imports_for_an_organisation_given_by_slug(self) -> None:
        path = shared_dir() / "case-samples" / SAMPLE_NAMES[1]
        run("import_case", str(path), "--organisation", self.clarendon.slug)
        self.assertTrue(Framework.objects.filter(organisation=self.clarendon).exists())

    def test_it_imports_from_a_web_address(self) -> None:
        url = "http://case.internal.example/CFPackages/x"
        with mock.patch(
            "frameworks.management.commands.import_case.fetch_case_package",
            return_value=sample_bytes(SAMPLE_NAMES[2]),
        ) as fetch:
            run("import_case", url)
        fetch.assert_called_once_with(url, allow_private=True)
        framework = Framework.objects.get(imported_from=url)
        self.assertEqual(Competency.objects.filter(framework=framework).count(), 14)

    def test_bad_packages_fail_with_the_readers_messages_and_save_nothing(self) -> None:
        data = json.loads(sample_bytes("Ordering.json"))
        data["CFItems"].append(dict(data["CFItems"][0]))
        data["CFAssociations"][0]["originNodeURI"]["identifier"] = (
            "99999999-9999-4999-8999-999999999999"
        )
        files = {
            "not-json.json": ("{oops", "The file is not JSON"),
            "not-case.json": ('{"a": 1}', "This is not a CASE package"),
            "broken.json": (json.dumps(data), "is used by two CFItems"),
        }
        before = snapshot()
        for name, (content, message) in files.items():
            with self.subTest(name):
                path = self.folder / name
                path.write_text(content)
                with self.assertRaises(CommandError) as caught:
                    run("import_case", str(path))
                self.assertIn(message, str(caught.exception))
                self.assertIn("nothing was saved", str(caught.exception))
        self.assertIn("which is not in the package", str(caught.exception))
        self.assertEqual(snapshot(), before)

    def test_a_missing_file_or_framework_is_explained(self) -> None:
        with self.assertRaisesMessage(CommandError, "neither a file nor an http(s) address"):
            run("import_case", "/nowhere/case.json")
        with self.assertRaisesMessage(CommandError, "No framework has the CFDocument identifier"):
            run("export_case", "00000000-0000-4000-8000-000000000000", "out.json")

    def test_export_asks_which_copy_when_two_organisations_have_one(self) -> None:
        path = str(shared_dir() / "case-samples" / SAMPLE_NAMES[1])
        run("import_case", path, "--organisation", self.clarendon.slug)
        run("import_case", path, "--organisation", self.pomona.slug)
        identifier = json.loads(sample_bytes(SAMPLE_NAMES[1]))["CFDocument"]["identifier"]
        with self.assertRaisesMessage(CommandError, "choose one with --organisation"):
            run("export_case", identifier, str(self.folder / "x.json"))
        out = self.folder / "x.json"
        run("export_case", identifier, str(out), "--organisation", str(self.clarendon.pk))
        self.assertEqual(json.loads(out.read_text())["CFDocument"]["identifier"], identifier)

    def test_a_failing_command_exits_non_zero(self) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", "import_case", "/nowhere/case.json"],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertEqual(result.returncode, 1)
        self.assertIn("neither a file nor an http(s) address", result.stderr)
