"""Production settings are hardened; every setting and make target is documented."""

import json
import re
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

from tests.processes import ROOT, manage

PRODUCTION_ENV = {
    "TRELLIS_ENV": "production",
    "TRELLIS_SECRET_KEY": "x" * 64 + "production-test-secret-0123456789",
    "TRELLIS_ALLOWED_HOSTS": "trellis.example.org",
    "TRELLIS_SITE_URL": "https://trellis.example.org",
    "TRELLIS_KEY_ENCRYPTION_KEY": "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=",
}


class ProductionSettingsTests(SimpleTestCase):
    def test_check_deploy_reports_no_issues(self) -> None:
        env = {k: v for k, v in PRODUCTION_ENV.items() if v}
        result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_production_refuses_to_start_without_a_secret_key(self) -> None:
        env = {
            "TRELLIS_ENV": "production",
            "TRELLIS_ALLOWED_HOSTS": "trellis.example.org",
            "TRELLIS_KEY_ENCRYPTION_KEY": PRODUCTION_ENV["TRELLIS_KEY_ENCRYPTION_KEY"],
        }
        result = manage("check", env=env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("TRELLIS_SECRET_KEY must be set in production", result.stderr)

    def test_production_refuses_a_secret_key_shorter_than_50_characters(self) -> None:
        env = {**PRODUCTION_ENV, "TRELLIS_SECRET_KEY": "s3cret-but-only-32-characters-ok"}
        result = manage("check", env=env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(
            "TRELLIS_SECRET_KEY must be at least 50 random characters in production; it has 32",
            result.stderr,
        )
        self.assertIn("secrets.token_urlsafe(50)", result.stderr)

    def test_production_refuses_a_long_secret_key_of_one_repeated_character(self) -> None:
        result = manage("check", env={**PRODUCTION_ENV, "TRELLIS_SECRET_KEY": "x" * 60})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("it has 60 (1 different)", result.stderr)

    def test_production_refuses_to_start_with_debug_on(self) -> None:
        result = manage("check", env={**PRODUCTION_ENV, "TRELLIS_DEBUG": "1"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("TRELLIS_DEBUG must be off in production", result.stderr)
        self.assertIn("Unset it or set TRELLIS_DEBUG=0.", result.stderr)

    def test_production_starts_with_debug_explicitly_off(self) -> None:
        result = manage("check", env={**PRODUCTION_ENV, "TRELLIS_DEBUG": "0"})
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_production_refuses_to_start_without_its_site_address(self) -> None:
        env = {k: v for k, v in PRODUCTION_ENV.items() if k != "TRELLIS_SITE_URL"}
        result = manage("check", env=env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("TRELLIS_SITE_URL must be set in production", result.stderr)

    def test_production_hashes_passwords_with_argon2(self) -> None:
        env = {k: v for k, v in PRODUCTION_ENV.items() if v}
        result = manage(
            "shell",
            "-c",
            "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])",
            env=env,
        )
        self.assertEqual(
            result.stdout.strip().splitlines()[-1],
            "django.contrib.auth.hashers.Argon2PasswordHasher",
        )

    def test_a_bad_boolean_setting_fails_loudly(self) -> None:
        result = manage("check", env={"TRELLIS_DEBUG": "maybe"})
        self.assertIn("TRELLIS_DEBUG must be one of", result.stderr)

    def test_a_bad_rate_fails_loudly(self) -> None:
        result = manage("check", env={"TRELLIS_SIGN_IN_RATE": "ten a minute"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("TRELLIS_SIGN_IN_RATE must be a count per period such as 10/m", result.stderr)


class StaticFilesTests(SimpleTestCase):
    def test_every_source_map_a_static_file_names_is_there(self) -> None:
        missing = []
        for path in ROOT.glob("*/static/**/*"):
            if path.suffix not in (".js", ".css"):
                continue
            for name in re.findall(r"sourceMappingURL=([^\s*]+)", path.read_text(errors="replace")):
                if not name.startswith("data:") and not (path.parent / name).is_file():
                    missing.append(f"{path.relative_to(ROOT)} -> {name}")
        self.assertEqual(missing, [], "Vendor the source map too, or remove the reference.")

    def test_production_collects_static_files_and_writes_the_manifest(self) -> None:
        env = {k: v for k, v in PRODUCTION_ENV.items() if v}
        with tempfile.TemporaryDirectory() as var_dir:
            result = manage("collectstatic", "--no-input", env=env, var_dir=var_dir)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            manifest = json.loads((Path(var_dir) / "static" / "staticfiles.json").read_text())
        self.assertIn("vendor/chart.umd.min.js", manifest["paths"])
        self.assertIn("vendor/chart.umd.min.js.map", manifest["paths"])


class DocumentationTests(SimpleTestCase):
    def test_every_environment_variable_is_in_the_readme(self) -> None:
        readme = (ROOT / "README.md").read_text()
        used = set()
        for path in [*ROOT.glob("trellis/*.py"), *ROOT.glob("bin/*"), *ROOT.glob("lib/*.py")]:
            used |= set(re.findall(r"\b(TRELLIS_[A-Z_]+|PORT)\b", path.read_text()))
        missing = sorted(name for name in used if name not in readme)
        self.assertEqual(missing, [], "Document these settings in the README.")

    def test_every_make_target_is_in_the_readme(self) -> None:
        readme = (ROOT / "README.md").read_text()
        targets = re.findall(r"^([a-z][a-z-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE)
        missing = [t for t in targets if f"make {t}" not in readme]
        self.assertEqual(missing, [], "Document these make targets in the README.")
