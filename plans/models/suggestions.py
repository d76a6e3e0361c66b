"""Plan items Trellis proposes, each with the reason it was proposed."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..reasons import reason_text
from .plans import LearningPlan, PlanItem


class Suggestion(models.Model):
    class Source(models.TextChoices):
        GROWTH_AREA = "growth-area", _("A growth area of your team's assessment")
        TARGET_COMPETENCY = "target-competency", _("A target competency in your plan")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=20, choices=PlanItem.Kind.choices)
    title = models.CharField(max_length=500)
    micro_credential = models.ForeignKey(
        "credentials.MicroCredential",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    resource = models.ForeignKey(
        "learning.Resource", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    experience = models.ForeignKey(
        "learning.LeadershipExperience",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The sentence in English, for records; `why` gives it in the reader's language.
    reason = models.TextField()
    # The facts behind the reason (see plans/reasons.py), so it reads in any language.
    reason_args = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices)
    # The thing suggested, as PlanItem.source_key; one suggestion per thing per plan, so a
    # dismissed suggestion never comes back.
    target_key = models.CharField(max_length=200)
    assessment = models.ForeignKey(
        "assessments.Assessment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    item = models.ForeignKey(
        PlanItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "target_key"], name="one_suggestion_per_thing")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def why(self) -> str:
        """Return the reason in the active language (older rows keep their saved sentence)."""
        return reason_text(self.reason_args) if self.reason_args else self.reason
