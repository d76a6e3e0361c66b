"""Verify an Open Badges 3.0 credential file with Trellis's verifier and print the verdict."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from credentials.verdict import MAX_CREDENTIAL_BYTES, verify_text


class Command(BaseCommand):
    help = (
        "Verify an Open Badges 3.0 credential (JSON file, or - for stdin). Prints a JSON verdict "
        "with each check and its reason; exits 0 when valid, 1 when not, 2 when unreadable."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the credential's JSON file; - for stdin")

    def handle(self, *args, file: str, **options):
        data = self._read(file)
        _document, result = verify_text(data)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        if not result["verified"]:
            failed = ", ".join(c["check"] for c in result["checks"] if not c["ok"])
            raise CommandError(f"The credential is not valid (failed: {failed}).", returncode=1)

    def _read(self, file: str) -> bytes:
        """Return at most one byte past the size limit, so a huge file is refused unread."""
        try:
            if file == "-":
                return sys.stdin.buffer.read(MAX_CREDENTIAL_BYTES + 1)
            with open(file, "rb") as handle:
                return handle.read(MAX_CREDENTIAL_BYTES + 1)
        except OSError as failure:
            raise CommandError(
                f"Could not read {file}: {failure.strerror or failure}.", returncode=2
            ) from None
