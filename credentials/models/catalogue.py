"""Micro-credentials: one competency, its method, evidence requirements and scoring guides."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .issuers import Issuer


class MicroCredential(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        RETIRED = "retired", _("Retired")

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="micro_credentials")
    slug = models.SlugField(max_length=100)
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=200)
    competency = models.TextField(help_text=_("The one competency the educator demonstrates."))
    key_method = models.TextField(blank=True)
    method_components = models.JSONField(default=list, blank=True)
    research = models.TextField(blank=True, help_text=_("Research and rationale behind it."))
    resources = models.JSONField(default=list, blank=True)
    # Keys of built-in competencies named in content files; `competencies` holds the links.
    competency_tags = models.JSONField(default=list, blank=True)
    competencies = models.ManyToManyField(
        "frameworks.Competency", blank=True, related_name="micro_credentials"
    )
    source = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    blind_review = models.BooleanField(
        default=False, help_text=_("Reviewers do not see the educator's name or school.")
    )
    double_review = models.BooleanField(
        default=False, help_text=_("Two reviewers; a third decides when they disagree.")
    )
    exclude_colleagues = models.BooleanField(
        default=True, help_text=_("Reviewers never assess colleagues from their own school.")
    )
    # Blank: the credential never expires. Otherwise it is signed with a validUntil this far on.
    valid_for_months = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "slug", "version"], name="unique_micro_credential_version"
            )
        ]
        indexes = [models.Index(fields=["slug", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    # The fields a version's data carries (see as_data); publishing's actions read them back.
    TEXT_FIELDS = ("title", "competency", "key_method", "research", "source")
    LIST_FIELDS = ("method_components", "resources", "competency_tags")
    REVIEW_OPTIONS = ("blind_review", "double_review", "exclude_colleagues", "valid_for_months")

    def as_data(self) -> dict:
        """Return the data create_micro_credential() takes to make this version again."""
        names = self.TEXT_FIELDS + self.LIST_FIELDS + self.REVIEW_OPTIONS
        return {
            **{name: getattr(self, name) for name in names},
            "slug": self.slug,
            "competencies": list(self.competencies.all()),
            "requirements": [requirement.as_data() for requirement in self.requirements.all()],
        }


class Requirement(models.Model):
    class Kind(models.TextChoices):
        OVERVIEW = "overview", _("Overview questions")
        ARTIFACT = "artifact", _("Artifact")
        REFLECTION = "reflection", _("Reflection")

    micro_credential = models.ForeignKey(
        MicroCredential, on_delete=models.CASCADE, related_name="requirements"
    )
    key = models.SlugField(max_length=50)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=200)
    prompt = models.TextField()
    questions = models.JSONField(default=list, blank=True)
    # For artifacts: which kinds of evidence are accepted (document, image, audio, video, link).
    accepted = models.JSONField(default=list, blank=True)
    earned_guide = models.TextField(help_text=_("What “earned” looks like."))
    not_yet_guide = models.TextField(help_text=_("What “not yet” looks like."))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["micro_credential", "key"], name="unique_requirement_key"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def as_data(self) -> dict:
        """Return the part as a micro-credential's data lists it, scoring guide included."""
        return {
            "key": self.key,
            "kind": self.kind,
            "title": self.title,
            "prompt": self.prompt,
            "questions": self.questions,
            "accepted": self.accepted,
            "scoring_guide": {"earned": self.earned_guide, "not_yet": self.not_yet_guide},
        }


class Stack(models.Model):
    """A group of micro-credentials that together earn a larger recognition."""

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="stacks")
    slug = models.SlugField(max_length=100)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    micro_credential_slugs = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "slug"], name="unique_stack_slug")]

    def __str__(self) -> str:
        return self.title
