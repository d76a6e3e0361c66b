"""Competencies (CASE CFItems) in a hierarchy, and the associations (CFAssociations) between them.

Columns hold what Trellis shows and queries; `case_extra` keeps every other CASE key exactly as
the file had it, so an export writes back what was imported. A column is filled only with a
non-empty value: an empty string or list that a file really contained stays in `case_extra`,
so "present but empty" and "absent" survive a round trip as themselves.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .frameworks import Framework, ProficiencyLevel, Specialty


class Competency(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    key = models.SlugField(max_length=80, blank=True, db_index=True)
    case_identifier = models.CharField(max_length=255)
    code = models.TextField(blank=True, help_text=_("humanCodingScheme"))
    title = models.TextField(blank=True, help_text=_("abbreviatedStatement"))
    statement = models.TextField(blank=True, help_text=_("fullStatement"))
    item_type = models.TextField(blank=True, help_text=_("CFItemType"))
    education_levels = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    case_extra = models.JSONField(default=dict, blank=True)
    file_position = models.PositiveIntegerField(default=0)
    # The first place the item takes in the isChildOf hierarchy, for one-query tree pages.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    ancestors = models.TextField(blank=True, help_text=_("/12/45/"))
    depth = models.PositiveSmallIntegerField(default=1)
    tree_order = models.PositiveIntegerField(default=0)
    # Removed from the framework by a later import; kept so alignments to it are not lost.
    retired_at = models.DateTimeField(null=True, blank=True)
    # Written in Trellis (added on a page, or copied to adapt), not taken from a CASE file: an
    # import of the framework's CASE document never retires it.
    written_in_trellis = models.BooleanField(default=False)

    class Meta:
        ordering = ["framework", "tree_order"]
        verbose_name_plural = "competencies"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "case_identifier"], name="one_competency_per_item"
            )
        ]
        indexes = [models.Index(fields=["framework", "tree_order"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    @property
    def name(self) -> str:
        """Return the short name people know the competency by."""
        return self.title or self.statement

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.ancestors.strip("/").split("/") if part]


class Association(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="associations")
    case_identifier = models.CharField(max_length=255)
    association_type = models.CharField(max_length=40)
    sequence_number = models.IntegerField(null=True, blank=True)
    # Either end may be the CFDocument or a node in another framework: then the FK is empty.
    origin = models.ForeignKey(
        Competency, null=True, blank=True, on_delete=models.CASCADE, related_name="outgoing"
    )
    destination = models.ForeignKey(
        Competency, null=True, blank=True, on_delete=models.CASCADE, related_name="incoming"
    )
    origin_identifier = models.CharField(max_length=255)
    destination_identifier = models.CharField(max_length=255)
    case_extra = models.JSONField(default=dict, blank=True)
    file_position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["framework", "file_position"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "case_identifier"], name="one_row_per_association"
            )
        ]

    def __str__(self) -> str:
        return f"{self.origin_identifier} {self.association_type} {self.destination_identifier}"

    @property
    def origin_link(self) -> dict:
        return self.case_extra.get("originNodeURI") or {}

    @property
    def destination_link(self) -> dict:
        return self.case_extra.get("destinationNodeURI") or {}


class LevelDescriptor(models.Model):
    """What one competency looks like at one proficiency level."""

    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="level_descriptors"
    )
    level = models.ForeignKey(ProficiencyLevel, on_delete=models.CASCADE, related_name="+")
    description = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="one_descriptor_per_level")
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.level}"


class SpecialtyVariation(models.Model):
    """How one competency differs in one specialty, such as a rural or turnaround school."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="variations")
    specialty = models.ForeignKey(Specialty, on_delete=models.CASCADE, related_name="+")
    description = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "specialty"], name="one_variation_per_specialty"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.specialty}"
