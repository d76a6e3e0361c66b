"""Awarded Open Badges 3.0 credentials, their revocation status lists, and bulk award jobs."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from organisations.models import Person

from .catalogue import MicroCredential
from .earning import Submission
from .issuers import Issuer, SigningKey


class StatusList(models.Model):
    """A Bitstring Status List for revocation; each award takes the next free index."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="status_lists")
    # The key its credentials were signed with. A did:key issuer is named by its key, so the
    # list must keep that key's DID after a rotation; new credentials start a new list.
    signing_key = models.ForeignKey(
        SigningKey, null=True, blank=True, on_delete=models.PROTECT, related_name="status_lists"
    )
    size = models.PositiveIntegerField(default=131072)
    next_index = models.PositiveIntegerField(default=0)
    # The signed BitstringStatusListCredential, re-signed whenever a bit flips.
    signed_json = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Status list {self.public_id} of {self.issuer}"

    @property
    def url(self) -> str:
        return f"{settings.SITE_URL}/status-lists/{self.public_id}"


class Award(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="awards")
    micro_credential = models.ForeignKey(
        MicroCredential, on_delete=models.PROTECT, related_name="awards"
    )
    earner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="awards")
    # One award per submission, so awarding twice is harmless.
    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    awarded_at = models.DateTimeField(default=timezone.now)
    valid_until = models.DateTimeField(null=True, blank=True)
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="awards")
    status_index = models.PositiveIntegerField()
    signed_json = models.JSONField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-awarded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="one_award_per_status_bit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.micro_credential} — {self.earner}"

    @property
    def url(self) -> str:
        return f"{settings.SITE_URL}/credentials/{self.public_id}"

    @property
    def state(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.valid_until and self.valid_until < timezone.now():
            return "expired"
        return "active"


class AwardBatch(models.Model):
    """A bulk award to a cohort, run as a background task with visible progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("bulk award status", "Queued")
        RUNNING = "running", pgettext_lazy("bulk award status", "Running")
        DONE = "done", pgettext_lazy("bulk award status", "Done")
        FAILED = "failed", pgettext_lazy("bulk award status", "Failed")

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="batches")
    micro_credential = models.ForeignKey(
        MicroCredential, on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    earner_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # Chosen for this batch; blank uses the micro-credential's validity.
    valid_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Bulk award of {self.micro_credential} ({self.done}/{self.total})"
