"""A team's assessment of one organisation: members, their answers and the discussion."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person, Role

from .instruments import Criterion, FocusArea, Instrument


class Rating(models.IntegerChoices):
    DONT_KNOW = 0, _("Don’t know")
    BELOW = 1, _("Not yet meeting")
    MEETS = 2, _("Meets")
    EXCEEDS = 3, _("Exceeds")


class Assessment(models.Model):
    class Status(models.TextChoices):
        COLLECTING = "collecting", _("Collecting answers")
        DISCUSSING = "discussing", _("Discussing")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assessments"
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.COLLECTING)
    started_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def accepts_answers(self) -> bool:
        return self.status == self.Status.COLLECTING


class TeamMember(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessment_seats")
    role = models.CharField(max_length=20, choices=Role.choices)
    invited_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["role", "person__family_name", "person__given_name"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "person"], name="one_seat_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role})"


class Response(models.Model):
    member = models.ForeignKey(TeamMember, on_delete=models.CASCADE, related_name="responses")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    evidence = models.TextField(blank=True)
    growth = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "criterion"], name="one_answer_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.member} on {self.criterion}"

    @property
    def is_answered(self) -> bool:
        return self.rating is not None


class AreaAgreement(models.Model):
    """What the team agreed about one focus area when they met."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="agreements")
    area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    position = models.TextField(blank=True)
    updated_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "area"], name="one_agreement_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.area}"


class NextStep(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="next_steps")
    area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=500)
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "created_at"]

    def __str__(self) -> str:
        return self.description
