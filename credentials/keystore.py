"""Issuer identifiers and signing keys: generated here, encrypted at rest, rotated in place."""

import base64

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import ob3
from .models import Issuer, SigningKey


def _fernet() -> MultiFernet:
    keys = list(settings.KEY_ENCRYPTION_KEYS)
    if not keys:
        # Outside production, derive a stable wrapping key from the secret key.
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"trellis-keys"
        ).derive(settings.SECRET_KEY.encode())
        keys = [base64.urlsafe_b64encode(derived).decode()]
    return MultiFernet([Fernet(key.encode()) for key in keys])


def site_host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]


def issuer_did(issuer: Issuer, key: SigningKey | None = None) -> str:
    """Return the issuer's identifier: a did:web under this site, or a key's did:key.

    A did:key issuer has one identifier per key; without `key` it is the current key's.
    """
    if issuer.did_method == Issuer.DidMethod.KEY:
        key = key or current_key(issuer)
        return f"did:key:{key.public_key_multibase}"
    return f"did:web:{site_host().replace(':', '%3A')}:issuers:{issuer.slug}"


def verification_method(issuer: Issuer, key: SigningKey) -> str:
    if issuer.did_method == Issuer.DidMethod.KEY:
        return ob3.did_key_verification_method(key.public_key_multibase)
    return f"{issuer_did(issuer, key)}#{key.public_key_multibase}"


@transaction.atomic
def create_signing_key(issuer: Issuer) -> SigningKey:
    """Generate a new Ed25519 key for the issuer and retire the previous one.

    Credentials signed with a retired key still verify: a did:web document keeps listing it,
    and a did:key credential names the old key itself. Each status list stays bound to the key
    of its credentials, so the next award starts a new list.
    """
    pair = ob3.generate_key_pair()
    Issuer.objects.select_for_update().filter(pk=issuer.pk).first()
    issuer.keys.filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return SigningKey.objects.create(
        issuer=issuer,
        public_key_multibase=pair.public_key_multibase,
        encrypted_secret=_fernet().encrypt(pair.secret_key_multibase.encode()).decode(),
    )


def current_key(issuer: Issuer) -> SigningKey:
    key = issuer.keys.filter(retired_at__isnull=True).order_by("-created_at").first()
    return key or create_signing_key(issuer)


def key_pair(issuer: Issuer, key: SigningKey | None = None) -> ob3.KeyPair:
    """Return the decrypted signing key, named by its verification method."""
    key = key or current_key(issuer)
    secret = _fernet().decrypt(key.encrypted_secret.encode()).decode()
    return ob3.key_pair_from_secret_multibase(secret, verification_method(issuer, key))


def reencrypt_all() -> int:
    """Re-encrypt every secret with the first wrapping key (after a new one was put first)."""
    fernet = _fernet()
    count = 0
    for key in SigningKey.objects.only("pk", "encrypted_secret").iterator():
        rotated = fernet.rotate(key.encrypted_secret.encode()).decode()
        SigningKey.objects.filter(pk=key.pk).update(encrypted_secret=rotated)
        count += 1
    return count


def did_document(issuer: Issuer) -> dict:
    """Return the did:web document listing every key the issuer ever signed with."""
    keys = list(issuer.keys.order_by("created_at").values_list("public_key_multibase", flat=True))
    return ob3.controller_document(issuer_did(issuer), keys)
