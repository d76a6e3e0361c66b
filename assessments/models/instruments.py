"""Instruments are data: groups of focus areas, one criterion per role, recommendations."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Role


class Instrument(models.Model):
    slug = models.SlugField(max_length=80)
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    instructions = models.TextField(blank=True)
    source = models.TextField(blank=True, help_text=_("Where the content comes from."))
    # Built-in instruments have no owner; an organisation's adapted copies belong to it.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="instruments"
    )
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="adaptations"
    )
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "version"],
                condition=models.Q(organisation__isnull=True),
                name="unique_builtin_instrument_version",
            ),
            models.UniqueConstraint(
                fields=["organisation", "slug", "version"], name="unique_instrument_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class FocusGroup(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="groups")
    key = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title


class FocusArea(models.Model):
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="areas")
    group = models.ForeignKey(FocusGroup, on_delete=models.CASCADE, related_name="areas")
    key = models.SlugField(max_length=80)
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="unique_area_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Criterion(models.Model):
    area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="criteria")
    role = models.CharField(max_length=20, choices=Role.choices)
    code = models.CharField(max_length=10)
    text = models.TextField()

    class Meta:
        ordering = ["area__number", "role"]
        constraints = [
            models.UniqueConstraint(fields=["area", "role"], name="one_criterion_per_role")
        ]

    def __str__(self) -> str:
        return self.code


class Recommendation(models.Model):
    area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="recommendations")
    role = models.CharField(max_length=20, choices=Role.choices)
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)
    # Slugs, not foreign keys: micro-credentials live in a higher app, linked by URL.
    micro_credentials = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.text[:60]
