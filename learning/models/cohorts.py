"""Cohorts: people learning together, with a facilitator and a shared space of posts and files."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person


class Cohort(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    facilitator = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="facilitated_cohorts"
    )
    micro_credential = models.ForeignKey(
        "credentials.MicroCredential",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
        help_text=_("The micro-credential the cohort pursues together, if any."),
    )
    # Plan templates live on a higher floor (plans/), so the cohort names one by its stable
    # slug; the apps that know templates offer them through `cohort_plan_templates()`.
    plan_template_slug = models.SlugField(
        max_length=80,
        blank=True,
        help_text=_("The learning plan template the cohort works through together, if any."),
    )
    members = models.ManyToManyField(Person, through="CohortMembership", related_name="cohorts")
    created_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cohort_memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__family_name", "person__given_name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="one_membership_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.cohort}"


def post_file_path(post: "CohortPost", filename: str) -> str:
    # Random names: the original name is kept in the database, never used on disk.
    return f"cohorts/{post.cohort_id}/{uuid.uuid4().hex}"


class CohortPost(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cohort_posts")
    text = models.TextField(blank=True)
    file = models.FileField(upload_to=post_file_path, blank=True, max_length=255)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["cohort", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author} in {self.cohort}"
