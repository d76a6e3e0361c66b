"""Starter plans by role and pathway, which an administrator assigns to several people."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Role


class PlanTemplate(models.Model):
    class Pathway(models.TextChoices):
        ASPIRING_TEACHER_LEADER = "aspiring-teacher-leader", _("Aspiring teacher leader")
        INSTRUCTIONAL_COACH = "instructional-coach", _("Instructional coach")
        ASPIRING_PRINCIPAL = "aspiring-principal", _("Aspiring principal")
        CENTRAL_OFFICE_LEADER = "central-office-leader", _("Central-office leader")
        OTHER = "other", _("Other")

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=Role.choices)
    pathway = models.CharField(max_length=40, choices=Pathway.choices, default=Pathway.OTHER)
    summary = models.TextField(blank=True)
    # Plain data from the content file: goal texts, [{"key", "level"}], [{"kind", "ref", …}].
    goals = models.JSONField(default=list)
    target_competencies = models.JSONField(default=list)
    items = models.JSONField(default=list)
    source = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title
