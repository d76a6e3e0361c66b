"""An educator's submission of evidence for one micro-credential version, kept across rounds."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person

from .catalogue import MicroCredential, Requirement


class Submission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        EARNED = "earned", _("Earned")
        NOT_YET = "not_yet", _("Not yet")

    micro_credential = models.ForeignKey(
        MicroCredential, on_delete=models.PROTECT, related_name="submissions"
    )
    earner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="submissions")
    # The earner's school (or district) when they started: decides colleague exclusions.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    round = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]
        constraints = [
            # Starting twice at once must not give the earner two drafts of one version.
            models.UniqueConstraint(
                fields=["earner", "micro_credential"],
                condition=models.Q(status__in=["draft", "submitted", "not_yet"]),
                name="one_open_submission_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.earner} — {self.micro_credential}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.NOT_YET)


# How each kind of event reads in a submission's history.
EVENT_LABELS = {
    "started": _("Started"),
    "submitted": _("Submitted for review"),
    "resubmitted": _("Resubmitted for review"),
    "reviewed": _("Reviewed"),
    "earned": _("Earned"),
    "not_yet": _("Not yet"),
}


class SubmissionEvent(models.Model):
    """The history of a submission: started, submitted, reviewed, decided, resubmitted."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    round = models.PositiveIntegerField()
    kind = models.CharField(max_length=30)
    actor = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} (round {self.round})"

    @property
    def label(self) -> str:
        return str(EVENT_LABELS.get(self.kind, self.kind))


class Answer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "requirement"], name="one_answer_text")
        ]

    def __str__(self) -> str:
        return f"{self.submission} / {self.requirement}"


def artifact_path(artifact: "Artifact", filename: str) -> str:
    # Random names: the original name is kept in the database, never used on disk.
    return f"evidence/{artifact.submission_id}/{uuid.uuid4().hex}"


class Artifact(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        IMAGE = "image", _("Image")
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")
        LINK = "link", _("Link")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="artifacts")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=artifact_path, blank=True, max_length=255)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(blank=True, max_length=1000)
    description = models.CharField(max_length=500, blank=True)
    is_public = models.BooleanField(
        default=False, help_text=_("Shown as evidence on the public badge page.")
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # Removed while revising, after a round's reviewers saw it: no longer part of the current
    # submission, but kept (with its file) in that round's history.
    detached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name or self.url


class SubmissionRound(models.Model):
    """What the educator sent for review in one round, kept as it was when submitted."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveIntegerField()
    submitted_at = models.DateTimeField(default=timezone.now)
    # [{"requirement": id, "text": ...}] for every part answered in text.
    answers = models.JSONField(default=list)
    artifacts = models.ManyToManyField(Artifact, blank=True, related_name="rounds")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="one_snapshot_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.submission}, round {self.number}"
