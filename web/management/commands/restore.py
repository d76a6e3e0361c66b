"""Restore a backup into a fresh installation, then prove that credentials and uploads work."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from web.backup import BackupError, checks, databases
from web.backup.archive import read_manifest, restore_backup, stored_names

SHOWN_PROBLEMS = 20


class Command(BaseCommand):
    help = (
        "Restore a backup written by `backup` into an empty database and an empty upload "
        "storage, apply newer migrations, then check that every issuer's signing key decrypts, "
        "every credential verifies and every upload reads back. Needs the site's "
        "TRELLIS_KEY_ENCRYPTION_KEY and TRELLIS_SITE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="ARCHIVE", help="a file written by `backup`")

    def handle(self, *args, archive: str, **options):
        path = Path(archive)
        try:
            manifest = read_manifest(path)
            self._check_target(manifest)
            restore_backup(path, manifest, connection, default_storage)
        except BackupError as failure:
            raise CommandError(str(failure)) from None
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(
            f"Restored the {manifest['database']['engine']} database and "
            f"{len(manifest['files'])} uploaded files backed up at {manifest['created_at']} "
            f"(Trellis {manifest['trellis_version']})."
        )
        self._check_restored(manifest)

    def _check_target(self, manifest: dict) -> None:
        """Refuse to overwrite anything: restore goes into a fresh installation."""
        engine = databases.engine_name(connection)
        if manifest["database"]["engine"] != engine:
            raise BackupError(
                f"The backup holds a {manifest['database']['engine']} database and this "
                f"installation uses {engine}. Set TRELLIS_DATABASE_URL to the same kind."
            )
        if not databases.is_empty(connection):
            raise BackupError(
                "The database already has tables. Restore into an empty database (a new one, "
                "not migrated yet) so nothing is overwritten."
            )
        if next(stored_names(default_storage), None) is not None:
            raise BackupError(
                "The upload storage already holds files. Restore into an empty one "
                "(TRELLIS_MEDIA_ROOT, or the S3 bucket) so nothing is overwritten."
            )

    def _check_restored(self, manifest: dict) -> None:
        keys, locked = checks.undecryptable_signing_keys()
        awards, unverified = checks.credentials_that_do_not_verify()
        checksums = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
        uploads, unreadable = checks.unreadable_uploads(default_storage, checksums)
        self.stdout.write(
            f"Checked {keys} signing keys, {awards} credentials and {uploads} uploads."
        )
        problems = locked + unverified + unreadable
        if not problems:
            self.stdout.write(
                self.style.SUCCESS(
                    "Every signing key decrypts, every credential verifies and every upload "
                    "reads back."
                )
            )
            return
        hints = []
        if locked:
            hints.append(
                "Signing keys that do not decrypt need the TRELLIS_KEY_ENCRYPTION_KEY of the "
                "site that was backed up (it is not in the backup); set it and run "
                "`manage.py restore` again into a fresh database."
            )
        if unverified and manifest["site_url"] != settings.SITE_URL:
            hints.append(
                f"The backup comes from {manifest['site_url']} but TRELLIS_SITE_URL is "
                f"{settings.SITE_URL}; this site's issuers and status lists are named by it."
            )
        shown = "\n".join(f"  - {problem}" for problem in problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        raise CommandError(
            f"The backup is restored, but {len(problems)} checks failed:\n{shown}"
            + (f"\n  … and {more} more" if more > 0 else "")
            + "".join(f"\n{hint}" for hint in hints)
        )
