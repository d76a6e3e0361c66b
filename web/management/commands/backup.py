"""Write a backup of the whole installation: the database and every uploaded file."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from web.backup import BackupError
from web.backup.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write one tar.gz with a consistent copy of the database (SQLite's online backup or "
        "pg_dump), every uploaded file and a manifest of checksums. The key-encryption key "
        "(TRELLIS_KEY_ENCRYPTION_KEY) is not included: keep it safe separately."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "output",
            nargs="?",
            metavar="ARCHIVE",
            help="file to write (default: var/backups/trellis-<UTC time>.tar.gz)",
        )

    def handle(self, *args, output: str | None, **options):
        if output:
            path = Path(output)
        else:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            path = Path(settings.VAR_DIR) / "backups" / f"trellis-{stamp}.tar.gz"
        try:
            manifest = write_backup(path, connection, default_storage)
        except BackupError as failure:
            raise CommandError(str(failure)) from None
        except OSError as failure:
            raise CommandError(f"Could not write {path}: {failure.strerror or failure}.") from None
        size = sum(entry["bytes"] for entry in manifest["files"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {path}: the {manifest['database']['engine']} database and "
                f"{len(manifest['files'])} uploaded files ({size / 2**20:.1f} MB)."
            )
        )
        self.stdout.write(
            "TRELLIS_KEY_ENCRYPTION_KEY is not in the backup; a restore needs it. "
            "Keep it safe, apart from the backups."
        )
