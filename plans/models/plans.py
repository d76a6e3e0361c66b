"""An educator's individual learning plan: goals, target competencies and items with dates."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person


class LearningPlan(models.Model):
    """One person's plan in one organisation (usually their school)."""

    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="learning_plans")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="learning_plans"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["owner__family_name", "owner__given_name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "organisation"], name="one_plan_per_place")
        ]

    def __str__(self) -> str:
        return f"{self.owner} — {self.organisation}"


class Goal(models.Model):
    class Origin(models.TextChoices):
        OWN = "own", _("My own goal")
        WITH_ADMINISTRATOR = "with-administrator", _("Set with my administrator")

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField()
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.OWN)
    set_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Where a goal came from a template, so assigning the template again adds nothing.
    source_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_goal_per_source",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class TargetCompetency(models.Model):
    """A competency the educator is working on, and the proficiency level they aim for."""

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="targets")
    competency = models.ForeignKey(
        "frameworks.Competency", on_delete=models.CASCADE, related_name="plan_targets"
    )
    level = models.ForeignKey(
        "frameworks.ProficiencyLevel", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "target competencies"
        constraints = [
            models.UniqueConstraint(fields=["plan", "competency"], name="one_target_per_competency")
        ]

    def __str__(self) -> str:
        return f"{self.competency} at {self.level}"


class PlanItem(models.Model):
    class Kind(models.TextChoices):
        MICRO_CREDENTIAL = "micro_credential", _("Micro-credential")
        PLAYLIST = "playlist", _("Playlist")
        EXPERIENCE = "experience", _("Leadership experience")
        RESOURCE = "resource", _("Resource")
        MENTORING = "mentoring", _("Mentoring")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    class Origin(models.TextChoices):
        OWN = "own", _("Added by me")
        TEMPLATE = "template", _("From a plan template")
        SUGGESTION = "suggestion", _("Accepted suggestion")

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=500)
    micro_credential = models.ForeignKey(
        "credentials.MicroCredential",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_items",
    )
    resource = models.ForeignKey(
        "learning.Resource", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    playlist = models.ForeignKey(
        "learning.Playlist", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    experience = models.ForeignKey(
        "learning.LeadershipExperience",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    start_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True)
    # Private to the plan's owner: leaders reading the plan never see it.
    note = models.TextField(blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.OWN)
    template = models.ForeignKey(
        "plans.PlanTemplate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the item stands for ("micro_credential:<slug>", "experience:<slug>", …): one item
    # per thing in a plan, and how earned credentials find the item they complete.
    source_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["start_on", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_item_per_source",
            )
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"]),
            models.Index(fields=["source_key"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NOT_STARTED, self.Status.IN_PROGRESS)
