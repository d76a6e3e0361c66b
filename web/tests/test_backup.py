"""Nothing lost: a backup restored into a fresh installation verifies and reads back everything.

The round trip runs on the database the suite runs on, SQLite or PostgreSQL (pg_dump and
pg_restore from PATH or /usr/lib/postgresql/*/bin), and restores in a separate process, as an
operator would on a new server.
"""

import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TransactionTestCase, override_settings

from credentials.models import Artifact, Award
from credentials.tests.helpers import (
    PNG,
    approve,
    complete_submission,
    make_issuer,
    publish_sample,
    review_all,
)
from frameworks.content_loader import load_builtin_frameworks
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person
from tests.processes import ROOT, environment

# What the restored installation says about its data: each credential's verdict from the
# project's verifier, each upload read back through the storage, each signing key usable.
INSPECT = """
import json
from credentials import keystore
from credentials.models import Artifact, Award, SigningKey
from credentials.verification import verify
print(json.dumps({
    "verified": {str(a.public_id): verify(a.signed_json)["verified"] for a in Award.objects.all()},
    "uploads": {a.file.name: a.file.open("rb").read().hex() for a in Artifact.objects.all()},
    "keys": [bool(keystore.key_pair(k.issuer, k)) for k in SigningKey.objects.all()],
}))
"""
OTHER_KEY_ENCRYPTION_KEY = "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg="


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run manage.py in the installation `env` describes, as an operator would."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


class BackupRoundTripTests(TransactionTestCase):
    def setUp(self) -> None:
        self.folder = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.enterContext(override_settings(MEDIA_ROOT=str(self.folder / "media")))
        load_builtin_frameworks()
        district = create_organisation("Clarendon", Organisation.Kind.DISTRICT)
        school = create_organisation("Walker-Gamble Elementary", Organisation.Kind.SCHOOL, district)
        elsewhere = create_organisation("Pomona", Organisation.Kind.DISTRICT)
        # Alice earns the micro-credential with an uploaded agenda; Rita, from Pomona, reviews it.
        alice = make_person("alice@clarendon.example", "Alice", "Avery", Role.TEACHER, school)
        rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, elsewhere)
        issuer = make_issuer(district, "Clarendon Leadership Academy")
        micro_credential = publish_sample(issuer)
        approve(issuer, rita)
        review_all(complete_submission(micro_credential, alice), rita)
        self.award = Award.objects.get()
        self.upload = Artifact.objects.exclude(file="").get().file.name
        self.archive = self.folder / "backup.tar.gz"

    def fresh_installation(self, name: str) -> dict[str, str]:
        """Return the variables of a new installation: empty database, empty uploads."""
        var_dir = self.folder / name
        env = {
            "TRELLIS_VAR_DIR": str(var_dir),
            "TRELLIS_MEDIA_ROOT": str(var_dir / "media"),
            "TRELLIS_SITE_URL": settings.SITE_URL,
            "TRELLIS_SECRET_KEY": settings.SECRET_KEY,
            "TRELLIS_KEY_ENCRYPTION_KEY": ",".join(settings.KEY_ENCRYPTION_KEYS),
        }
        if connection.vendor == "postgresql":
            database = f"{connection.settings_dict['NAME']}_{name}"
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
                cursor.execute(f'CREATE DATABASE "{database}"')
            self.addCleanup(self.drop_database, database)
            db = connection.settings_dict
            credentials = quote(db["USER"] or "") + (
                f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
            )
            env["TRELLIS_DATABASE_URL"] = (
                f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
                f"/{database}"
            )
        return env

    def drop_database(self, database: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def test_a_restored_installation_verifies_every_credential_and_reads_every_upload(self):
        call_command("backup", str(self.archive), stdout=io.StringIO())
        with tarfile.open(self.archive) as tar:
            member = tar.extractfile("manifest.json")
            assert member is not None, "the archive has no manifest"
            manifest = json.load(member)
        self.assertEqual(manifest["database"]["engine"], connection.vendor)
        self.assertEqual([entry["name"] for entry in manifest["files"]], [self.upload])
        self.assertIn("TRELLIS_KEY_ENCRYPTION_KEY", manifest["key_encryption_key"])

        fresh = self.fresh_installation("restored")
        restored = run(fresh, "restore", str(self.archive))
        self.assertEqual(restored.returncode, 0, restored.stdout + restored.stderr)
        self.assertIn("Checked 1 signing keys, 1 credentials and 1 uploads.", restored.stdout)
        self.assertIn("every credential verifies and every upload reads back", restored.stdout)

        inspected = run(fresh, "shell", "--no-imports", "-c", INSPECT)
        self.assertEqual(
            json.loads(inspected.stdout),
            {
                "verified": {str(self.award.public_id): True},
                "uploads": {self.upload: PNG.hex()},
                "keys": [True],
            },
            inspected.stderr,
        )

    def test_a_restore_refuses_a_database_that_already_has_tables(self):
        call_command("backup", str(self.archive), stdout=io.StringIO())
        with self.assertRaisesMessage(CommandError, "The database already has tables"):
            call_command("restore", str(self.archive), stdout=io.StringIO())
        self.assertEqual(Award.objects.get(), self.award)

    def test_a_restore_with_another_key_encryption_key_says_the_key_is_needed(self):
        call_command("backup", str(self.archive), stdout=io.StringIO())
        fresh = {
            **self.fresh_installation("other_key"),
            "TRELLIS_KEY_ENCRYPTION_KEY": OTHER_KEY_ENCRYPTION_KEY,
        }
        restored = run(fresh, "restore", str(self.archive))
        self.assertEqual(restored.returncode, 1, restored.stdout + restored.stderr)
        self.assertIn("signing key", restored.stderr)
        self.assertIn("need the TRELLIS_KEY_ENCRYPTION_KEY of the site", restored.stderr)

    def test_a_damaged_archive_is_refused_before_anything_is_restored(self):
        call_command("backup", str(self.archive), stdout=io.StringIO())
        damaged = self.folder / "damaged.tar.gz"
        with tarfile.open(self.archive) as source, tarfile.open(damaged, "w:gz") as target:
            for member in source:
                data = source.extractfile(member).read()
                if member.name.startswith("media/"):
                    data = data.replace(b"IDAT", b"IDAX")
                target.addfile(member, io.BytesIO(data))
        with self.assertRaisesMessage(CommandError, f"media/{self.upload} does not match"):
            call_command("restore", str(damaged), stdout=io.StringIO())
