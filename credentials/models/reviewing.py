"""A reviewer's assessment of one round of a submission against the scoring guide."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Person

from .catalogue import Requirement
from .earning import Submission


class Review(models.Model):
    class Decision(models.TextChoices):
        EARNED = "earned", _("Earned")
        NOT_YET = "not_yet", _("Not yet")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveIntegerField()
    reviewer = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="reviews")
    # The third review settles a disagreement between the first two.
    is_tiebreak = models.BooleanField(default=False)
    assigned_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    feedback = models.TextField(blank=True)

    class Meta:
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "round", "reviewer"], name="one_review_per_round"
            )
        ]
        indexes = [models.Index(fields=["reviewer", "completed_at"])]

    def __str__(self) -> str:
        return f"Review of {self.submission} by {self.reviewer}"


class RequirementScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField()
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "requirement"], name="one_score_each")
        ]

    def __str__(self) -> str:
        return f"{self.requirement}: {'met' if self.met else 'not yet'}"
