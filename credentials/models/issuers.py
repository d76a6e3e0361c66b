"""Issuers publish micro-credentials and sign the badges; reviewers assess evidence for them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person


class Issuer(models.Model):
    class DidMethod(models.TextChoices):
        WEB = "web", _("did:web (resolved from this site)")
        KEY = "key", _("did:key (self-contained)")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="issuer"
    )
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    # The name as verification compares it (`ob3.known_issuers.comparable_name`), so no issuer
    # takes a name another already has here. Empty only for an issuer that shared a name before
    # the rule, which keeps it; set by `actions.create_issuer`, never typed.
    comparable_name = models.CharField(max_length=600, blank=True, default="", editable=False)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    did_method = models.CharField(max_length=10, choices=DidMethod.choices, default=DidMethod.WEB)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["comparable_name"],
                condition=~models.Q(comparable_name=""),
                name="one_issuer_per_name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def profile_url(self) -> str:
        return f"{settings.SITE_URL}/issuers/{self.slug}/"


class SigningKey(models.Model):
    """An Ed25519 key of an issuer; the secret is stored encrypted and never leaves the server."""

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="keys")
    public_key_multibase = models.CharField(max_length=80, unique=True)
    encrypted_secret = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    # A rotated key signs nothing new but stays listed, so its credentials still verify.
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.public_key_multibase


class Reviewer(models.Model):
    class Kind(models.TextChoices):
        EXPERT = "expert", _("Expert")
        PEER = "peer", _("Peer who holds the credential")

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="reviewers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reviewer_roles")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.EXPERT)
    approved_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "person"], name="one_reviewer_seat")
        ]

    def __str__(self) -> str:
        return f"{self.person} reviews for {self.issuer}"
