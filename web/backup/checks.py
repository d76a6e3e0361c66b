"""Prove a restored installation works: keys decrypt, credentials verify, uploads read back."""

import hashlib
from collections.abc import Iterator

from cryptography.fernet import InvalidToken
from django.apps import apps
from django.core.files.storage import Storage
from django.db import models
from django.utils import timezone

from credentials import keystore, verification
from credentials.models import Award, SigningKey

CHUNK = 1024 * 1024


def undecryptable_signing_keys() -> tuple[int, list[str]]:
    """Return how many signing keys there are and the ones the key-encryption key can't open."""
    keys = SigningKey.objects.select_related("issuer").order_by("pk")
    failed = []
    for key in keys:
        try:
            keystore.key_pair(key.issuer, key)
        except InvalidToken:
            failed.append(f"signing key {key.public_key_multibase} of {key.issuer}")
    return len(keys), failed


def credentials_that_do_not_verify() -> tuple[int, list[str]]:
    """Return how many credentials there are and those whose verdict is not what it was.

    A revoked credential fails only its status check, an expired one only its dates.
    """
    count = 0
    failed = []
    now = timezone.now()
    awards = Award.objects.only("public_id", "signed_json", "revoked_at", "valid_until")
    for award in awards.order_by("pk").iterator(chunk_size=200):
        count += 1
        allowed = {"status"} if award.revoked_at else set()
        if award.valid_until and award.valid_until < now:
            allowed.add("dates")
        verdict = verification.verify(award.signed_json)
        failing = {check["check"] for check in verdict["checks"] if not check["ok"]}
        if failing - allowed:
            failed.append(f"credential {award.url} fails {', '.join(sorted(failing - allowed))}")
    return count, failed


def stored_file_names() -> Iterator[str]:
    """Yield the name of every upload a row of any model points to."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                names = (
                    model._base_manager.exclude(**{f"{field.name}__isnull": True})
                    .exclude(**{field.name: ""})
                    .values_list(field.name, flat=True)
                )
                yield from names.iterator()


def unreadable_uploads(storage: Storage, checksums: dict[str, str]) -> tuple[int, list[str]]:
    """Return how many uploads rows name and those missing or unlike the backed-up file."""
    count = 0
    failed = []
    for name in stored_file_names():
        count += 1
        digest = hashlib.sha256()
        try:
            with storage.open(name, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except OSError:
            failed.append(f"upload {name} is missing")
            continue
        if name in checksums and checksums[name] != digest.hexdigest():
            failed.append(f"upload {name} differs from the backed-up file")
    return count, failed
