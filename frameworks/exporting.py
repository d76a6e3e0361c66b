"""Turn a framework's rows back into the CASE 1.0 package they came from (or now say).

The package is rebuilt from the columns and the kept JSON, then read with `parse_package`,
so whatever Trellis exports has passed the same checks as anything it imports.
"""

from collections import defaultdict
from typing import Any

from frameworks.case import CasePackage, export_package, parse_package

from .case_rows import (
    ASSOCIATION_COLUMNS,
    DEFAULT_LEVELS,
    DOCUMENT_COLUMNS,
    ITEM_COLUMNS,
    merge_columns,
    put_extension,
)
from .models import Framework, LevelDescriptor, ProficiencyLevel, Specialty, SpecialtyVariation


def framework_json(framework: Framework) -> dict[str, Any]:
    """Return the framework as CFPackage JSON as stored, before any checking."""
    levels = list(ProficiencyLevel.objects.filter(framework=framework))
    specialties = list(Specialty.objects.filter(framework=framework))
    document = merge_columns(framework, framework.case_extra, DOCUMENT_COLUMNS)
    named = [
        [{"key": r.key, "title": r.title, "description": r.description} for r in rows]
        for rows in (levels, specialties)
    ]
    put_extension(
        document,
        {
            "key": framework.key,
            "levels": [] if named[0] == DEFAULT_LEVELS else named[0],
            "specialties": named[1],
        },
    )
    competencies = list(
        framework.competencies.filter(retired_at__isnull=True).order_by("file_position", "pk")
    )
    details = _details(framework, levels, specialties)
    items = []
    for competency in competencies:
        item = merge_columns(competency, competency.case_extra, ITEM_COLUMNS)
        put_extension(item, {"key": competency.key, **details[competency.pk]})
        items.append(item)
    associations = [
        merge_columns(row, row.case_extra, ASSOCIATION_COLUMNS)
        for row in framework.associations.order_by("file_position", "pk")
    ]
    package: dict[str, Any] = {
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
    }
    if framework.case_definitions is not None:
        package["CFDefinitions"] = framework.case_definitions
    if framework.case_rubrics is not None:
        package["CFRubrics"] = framework.case_rubrics
    package.update(framework.case_package_extra)
    return package


def _details(
    framework: Framework, levels: list[ProficiencyLevel], specialties: list[Specialty]
) -> dict[int, dict[str, dict[str, str]]]:
    """Return each competency's level descriptors and specialty variations by key."""
    level_keys = {level.pk: level.key for level in levels}
    specialty_keys = {specialty.pk: specialty.key for specialty in specialties}
    details: dict[int, dict[str, dict[str, str]]] = defaultdict(
        lambda: {"levels": {}, "specialties": {}}
    )
    for row in LevelDescriptor.objects.filter(competency__framework=framework):
        details[row.competency_id]["levels"][level_keys[row.level_id]] = row.description
    for variation in SpecialtyVariation.objects.filter(competency__framework=framework):
        key = specialty_keys[variation.specialty_id]
        details[variation.competency_id]["specialties"][key] = variation.description
    return details


def framework_package(framework: Framework) -> CasePackage:
    """Return the framework as a checked CasePackage; raises CaseError if it is not valid."""
    return parse_package(framework_json(framework))


def export_framework(framework: Framework) -> dict[str, Any]:
    """Return the framework as CASE 1.0 CFPackage JSON, ready for json.dumps."""
    return export_package(framework_package(framework))
