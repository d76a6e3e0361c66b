"""Competency frameworks: shared or an organisation's own, with their levels and specialties.

A framework is stored as the CASE 1.0 CFDocument it exports as: the fields Trellis shows are
columns, and every other CFDocument key stays in `case_extra`, exactly as the file had it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, OrganisationOwned, Person


class Framework(OrganisationOwned):
    class Origin(models.TextChoices):
        BUILT_IN = "built-in", _("Built in")
        IMPORTED = "imported", _("Imported from CASE")
        AUTHORED = "authored", _("Written in Trellis")

    # Shared frameworks have no owner; an organisation's own belong to it.
    organisation = OrganisationOwned.owner(related_name="frameworks")
    key = models.SlugField(max_length=80, blank=True, help_text=_("Stable key of a built-in."))
    origin = models.CharField(max_length=20, choices=Origin.choices)
    title = models.TextField()
    description = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    # The CFDocument: its identifier and creator as columns, everything else as written.
    case_identifier = models.CharField(max_length=255, db_index=True)
    creator = models.TextField(blank=True)
    case_extra = models.JSONField(default=dict, blank=True)
    # The rest of the CFPackage; None when the file had no CFDefinitions / CFRubrics.
    case_definitions = models.JSONField(null=True, blank=True)
    case_rubrics = models.JSONField(null=True, blank=True)
    case_package_extra = models.JSONField(default=dict, blank=True)
    imported_from = models.CharField(max_length=1000, blank=True)
    import_warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            *OrganisationOwned.unique_per_owner(
                "case_identifier",
                name="one_framework_per_document",
                shared_name="one_shared_framework_per_document",
            ),
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(organisation__isnull=True) & ~models.Q(key=""),
                name="unique_shared_framework_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_shared(self) -> bool:
        return self.organisation_id is None

    @property
    def notes(self) -> str:
        """Return the CFDocument's notes, where built-ins credit their sources."""
        return self.case_extra.get("notes", "")

    @property
    def case_uri(self) -> str:
        return self.case_extra.get("uri", "")

    @property
    def case_version(self) -> str:
        return self.case_extra.get("version", "")


class ProficiencyLevel(models.Model):
    """One step of a framework's continuum, such as basic or expert; lowest first."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    key = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "key"], name="unique_level_key")
        ]

    def __str__(self) -> str:
        return self.title


class Specialty(models.Model):
    """A setting a competency can look different in: elementary, rural, turnaround…"""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="specialties")
    key = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "specialties"
        constraints = [
            models.UniqueConstraint(fields=["framework", "key"], name="unique_specialty_key")
        ]

    def __str__(self) -> str:
        return self.title


class FrameworkAdoption(models.Model):
    """An organisation's choice to use a shared framework for its people."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="adoptions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="framework_adoptions"
    )
    adopted_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    adopted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "organisation"], name="one_adoption_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} uses {self.framework}"


class FrameworkVersion(models.Model):
    """One change to a framework's content: its number, what changed, who changed it."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    summary = models.TextField()
    changed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.framework} v{self.number}"
