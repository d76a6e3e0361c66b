"""Personal API tokens: a person's keys for integrations, stored only as a hash."""

import hashlib

from django.db import models
from django.utils import timezone

from organisations.models import Person

TOKEN_PREFIX = "trellis_"


def hash_token(secret: str) -> str:
    """Return the SHA-256 hex digest that stands for a token secret in the database."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    # A random secret has enough entropy that an unsalted fast hash is safe to store.
    token_hash = models.CharField(max_length=64, unique=True)
    # The last characters of the secret, so a person can tell their tokens apart.
    hint = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.person})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
