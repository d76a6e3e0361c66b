"""Uploads in progress live in a folder Trellis owns, and killed workers leave nothing there."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.test import SimpleTestCase, override_settings

from tests.processes import ROOT, environment, manage
from web.temporary_uploads import STALE_AFTER_SECONDS

# A process that starts an upload the way Django does and then waits to be killed.
UPLOADING = """
from django.core.files.uploadedfile import TemporaryUploadedFile
upload = TemporaryUploadedFile("evidence.pdf", "application/pdf", 0, None)
upload.write(b"half an upload")
upload.flush()
print(upload.temporary_file_path(), flush=True)
import time; time.sleep(60)
"""


def age(path: Path, seconds: float) -> None:
    """Make the file look untouched for `seconds`."""
    then = time.time() - seconds
    os.utime(path, (then, then))


class TemporaryUploadTests(SimpleTestCase):
    def setUp(self) -> None:
        self.var_dir = Path(self.enterContext(tempfile.TemporaryDirectory()))

    def test_large_uploads_stream_to_a_folder_under_the_var_dir(self) -> None:
        folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
        self.assertEqual(folder, settings.VAR_DIR / "tmp" / "uploads")
        upload = TemporaryUploadedFile("evidence.pdf", "application/pdf", 0, None)
        self.addCleanup(upload.close)
        self.assertEqual(Path(upload.temporary_file_path()).parent, folder)

    def test_start_up_creates_the_folder_and_removes_only_files_left_over_an_hour(self) -> None:
        folder = self.var_dir / "tmp" / "uploads"
        folder.mkdir(parents=True)
        (folder / "left-by-a-killed-worker.upload").write_bytes(b"old")
        age(folder / "left-by-a-killed-worker.upload", STALE_AFTER_SECONDS + 60)
        (folder / "still-being-written.upload").write_bytes(b"new")
        age(folder / "still-being-written.upload", STALE_AFTER_SECONDS - 60)
        (self.var_dir / "elsewhere").mkdir()
        with override_settings(FILE_UPLOAD_TEMP_DIR=str(folder)):
            apps.get_app_config("web").ready()
        self.assertEqual(sorted(p.name for p in folder.iterdir()), ["still-being-written.upload"])

    def test_start_up_creates_a_missing_folder(self) -> None:
        folder = self.var_dir / "new" / "tmp" / "uploads"
        with override_settings(FILE_UPLOAD_TEMP_DIR=str(folder)):
            apps.get_app_config("web").ready()
        self.assertTrue(folder.is_dir())

    def test_a_killed_worker_leaves_nothing_behind_after_the_next_start(self) -> None:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", UPLOADING],
            cwd=ROOT,
            env=environment({"TRELLIS_VAR_DIR": str(self.var_dir)}),
            stdout=subprocess.PIPE,
            text=True,
        )
        left = Path(worker.stdout.readline().strip())
        worker.kill()
        worker.wait()
        worker.stdout.close()
        self.assertEqual(left.parent, self.var_dir / "tmp" / "uploads")
        self.assertEqual(left.read_bytes(), b"half an upload")

        age(left, STALE_AFTER_SECONDS + 60)
        result = manage("check", env={}, var_dir=str(self.var_dir))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertFalse(left.exists())
