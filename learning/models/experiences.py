"""Job-embedded leadership experiences, and the people who take them on."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Organisation, OrganisationOwned, Person


class LeadershipExperience(OrganisationOwned):
    class Status(models.TextChoices):
        OFFERED = "offered", _("Offered")
        RETIRED = "retired", _("Retired")

    # Built-in experiences have no organisation and are offered to everyone.
    organisation = OrganisationOwned.owner(related_name="leadership_experiences")
    slug = models.SlugField(max_length=100)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    what_you_do = models.JSONField(default=list, blank=True)
    duration_weeks = models.PositiveSmallIntegerField(default=6)
    reflection_prompt = models.TextField(blank=True)
    competency_tags = models.JSONField(default=list, blank=True)
    competencies = models.ManyToManyField(
        "frameworks.Competency", blank=True, related_name="leadership_experiences"
    )
    source = models.TextField(blank=True)
    expects_mentor_sign_off = models.BooleanField(
        default=False,
        help_text=_("Whether people who complete it must name a mentor to sign it off."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OFFERED)

    class Meta:
        ordering = ["title"]
        constraints = OrganisationOwned.unique_per_owner(
            "slug",
            name="unique_experience_slug_per_organisation",
            shared_name="unique_builtin_experience_slug",
        )

    def __str__(self) -> str:
        return self.title

    @property
    def is_offered(self) -> bool:
        return self.status == self.Status.OFFERED

    @property
    def is_builtin(self) -> bool:
        return self.organisation_id is None


class ExperienceEnrolment(models.Model):
    class Status(models.TextChoices):
        TAKEN = "taken", _("Taken on")
        COMPLETED = "completed", pgettext_lazy("experience", "Completed")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="experience_enrolments"
    )
    experience = models.ForeignKey(
        LeadershipExperience, on_delete=models.CASCADE, related_name="enrolments"
    )
    # Where the person does the work: who may see it and who may sign it off.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="experience_enrolments"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TAKEN)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    reflection = models.TextField(blank=True)
    mentor = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentored_experiences",
    )
    mentor_signed_off_at = models.DateTimeField(null=True, blank=True)
    mentor_note = models.TextField(blank=True)
    # When the mentor last answered "not yet": the person reworks it and completes it again.
    mentor_sent_back_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "experience"],
                condition=models.Q(status="taken"),
                name="one_open_enrolment_per_experience",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.experience}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def awaits_sign_off(self) -> bool:
        return self.is_completed and self.mentor_id is not None and not self.mentor_signed_off_at

    @property
    def is_sent_back(self) -> bool:
        """Say whether the mentor answered "not yet" and the person has not completed it since."""
        return not self.is_completed and self.mentor_sent_back_at is not None
