"""Give an issuer a new signing key; what the old key signed keeps verifying."""

from django.core.management.base import BaseCommand, CommandError

from credentials import actions, keystore
from credentials.models import Issuer


class Command(BaseCommand):
    help = (
        "Generate a new Ed25519 signing key for the issuer and retire the current one. "
        "Credentials signed with the old key still verify; new credentials use the new key."
    )

    def add_arguments(self, parser):
        parser.add_argument("issuer_slug", help="The issuer's slug, as in /issuers/<slug>/.")

    def handle(self, *args, issuer_slug: str, **options):
        issuer = Issuer.objects.filter(slug=issuer_slug).first()
        if issuer is None:
            known = ", ".join(Issuer.objects.values_list("slug", flat=True)[:20]) or "none"
            raise CommandError(f"No issuer has the slug {issuer_slug!r} (issuers: {known}).")
        key = actions.rotate_issuer_key(issuer)
        self.stdout.write(
            f"{issuer.name} now signs with {key.public_key_multibase} "
            f"({keystore.issuer_did(issuer, key)}). "
            f"{issuer.keys.count() - 1} earlier key(s) stay listed for verification."
        )
