"""Re-encrypt every issuer's signing key with the first TRELLIS_KEY_ENCRYPTION_KEY."""

from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from credentials import keystore


class Command(BaseCommand):
    help = (
        "After putting a new key first in TRELLIS_KEY_ENCRYPTION_KEY (keeping the old ones after "
        "it), re-encrypt every stored signing key with the new one; the old ones can then go."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                count = keystore.reencrypt_all()
        except InvalidToken:
            raise CommandError(
                "A signing key could not be decrypted with any key in "
                "TRELLIS_KEY_ENCRYPTION_KEY. Keep the old wrapping keys after the new one "
                "until this command has run; nothing was changed."
            ) from None
        self.stdout.write(f"Re-encrypted {count} signing key(s) with the first wrapping key.")
