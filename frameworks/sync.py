"""Make a framework's rows say what a CASE package says, matching objects by CASE identifier.

Only `actions.py` calls this, inside its transaction. Every step reads once and writes in
batches, so the number of queries grows with the number of batches, never with items:
new competencies are created level by level (parents first, so each child knows its parent's
id), changed rows are bulk-updated, and rows the package no longer has are retired
(competencies, which other records may be aligned to) or deleted (associations).

The summary names what was retired, the competencies written in Trellis whose text the
package changes, and the items an isChildOf to a parent outside the package cut loose from
the tree, so an import can be confirmed and reported in words, not only in counts.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.utils.translation import gettext as _

from frameworks.case import CasePackage, ItemTree, PackageIndex, item_tree
from frameworks.case.export import object_json

from .case_rows import (
    ASSOCIATION_COLUMNS,
    DEFAULT_LEVELS,
    DOCUMENT_COLUMNS,
    ITEM_COLUMNS,
    read_named_list,
    read_texts,
    split_columns,
    take_extension,
)
from .models import (
    Association,
    Competency,
    Framework,
    LevelDescriptor,
    ProficiencyLevel,
    Specialty,
    SpecialtyVariation,
)

BATCH_SIZE = 500
COMPETENCY_FIELDS = [*ITEM_COLUMNS.values(), "key", "case_extra", "file_position"]
TEXT_FIELDS = ["code", "title", "statement", "notes"]
TREE_FIELDS = ["parent_id", "ancestors", "depth", "tree_order", "retired_at"]
ASSOCIATION_FIELDS = [
    *ASSOCIATION_COLUMNS.values(),
    "case_extra",
    "file_position",
    "origin_id",
    "destination_id",
    "origin_identifier",
    "destination_identifier",
]


@dataclass
class SyncSummary:
    """What an import or edit changed; `changed` says whether it makes a new version."""

    document_changed: bool = False
    created: int = 0
    updated: int = 0
    retired: int = 0
    associations_created: int = 0
    associations_updated: int = 0
    associations_deleted: int = 0
    levels_changed: bool = False
    details_changed: bool = False
    rubrics_added: int = 0
    rubrics_updated: int = 0
    rubrics_removed: int = 0
    warnings: list[str] = field(default_factory=list)
    retired_names: list[str] = field(default_factory=list)
    retired_ids: list[int] = field(default_factory=list)
    # Competencies written in Trellis whose code, title, statement or notes the package changes.
    overwritten_names: list[str] = field(default_factory=list)
    # Items placed only under a parent outside the package, shown at the top instead.
    detached: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        counts = (
            self.created,
            self.updated,
            self.retired,
            self.associations_created,
            self.associations_updated,
            self.associations_deleted,
        )
        flags = (self.document_changed, self.levels_changed, self.details_changed)
        return any(counts) or any(flags)


@dataclass
class _Entry:
    identifier: str
    values: dict[str, Any]
    extension: dict[str, Any]
    parent: str | None  # the lower-cased identifier of the first parent, None at the top
    depth: int
    order: int


def sync_package(framework: Framework, package: CasePackage, now: datetime) -> SyncSummary:
    """Update the framework (saving it first if new) and its rows to match the package."""
    summary = SyncSummary(warnings=list(package.warnings))
    document_extension = _apply_document(framework, package, summary)
    levels = _sync_named(framework, ProficiencyLevel, _levels_of(document_extension, summary))
    specialties = _sync_named(
        framework, Specialty, read_named_list(document_extension.get("specialties")) or []
    )
    summary.levels_changed = levels.changed or specialties.changed
    rows, extensions = _sync_competencies(framework, package, now, summary)
    _sync_associations(framework, package, rows, summary)
    summary.details_changed = _sync_details(
        framework, rows, extensions, levels.by_key, specialties.by_key, summary
    )
    return summary


def _apply_document(framework: Framework, package: CasePackage, summary: SyncSummary) -> dict:
    """Copy the CFDocument and the package's other parts onto the framework and save it."""
    data = object_json(package.document)
    extension = take_extension(data)
    values = split_columns(data, DOCUMENT_COLUMNS)
    values["case_extra"] = data
    key = extension.get("key")
    values["key"] = key[:80] if isinstance(key, str) else ""
    values["case_definitions"] = (
        None if package.definitions is None else object_json(package.definitions)
    )
    values["case_rubrics"] = (
        None if package.rubrics is None else [object_json(rubric) for rubric in package.rubrics]
    )
    values["case_package_extra"] = package.extra
    _count_rubrics(
        framework.case_rubrics if framework.pk else None, values["case_rubrics"], summary
    )
    if framework.pk is None:
        for name, value in values.items():
            setattr(framework, name, value)
        framework.save()
        return extension
    changed = [name for name, value in values.items() if getattr(framework, name) != value]
    for name in changed:
        setattr(framework, name, values[name])
    if changed:
        framework.save(update_fields=changed)
        summary.document_changed = True
    return extension


def _count_rubrics(before: list | None, after: list | None, summary: SyncSummary) -> None:
    """Count the CFRubrics the package adds, changes and no longer has."""
    old = {str(r.get("identifier", "")).lower(): r for r in before or []}
    new = {str(r.get("identifier", "")).lower(): r for r in after or []}
    summary.rubrics_added = len(new.keys() - old.keys())
    summary.rubrics_removed = len(old.keys() - new.keys())
    summary.rubrics_updated = sum(1 for key in new.keys() & old.keys() if new[key] != old[key])


def _levels_of(extension: dict, summary: SyncSummary) -> list[dict[str, str]]:
    """Return the levels the document's extension names, or the default four."""
    if "levels" not in extension:
        return DEFAULT_LEVELS
    levels = read_named_list(extension["levels"])
    if not levels:
        summary.warnings.append(
            "The framework's Trellis levels could not be read, so the four standard levels "
            "(basic, proficient, highly proficient, expert) are used."
        )
        return DEFAULT_LEVELS
    return levels


# A framework's own list of named things: its proficiency levels, or its specialties.
Named = TypeVar("Named", ProficiencyLevel, Specialty)


@dataclass
class _NamedSync(Generic[Named]):
    by_key: dict[str, Named]
    changed: bool


def _sync_named(
    framework: Framework, model: type[Named], wanted: list[dict[str, str]]
) -> _NamedSync[Named]:
    """Make the framework's levels or specialties exactly `wanted`, in that order."""
    existing = {row.key: row for row in model.objects.filter(framework=framework)}
    wanted = list({entry["key"]: entry for entry in wanted}.values())
    changed = False
    stale = [row.pk for key, row in existing.items() if key not in {w["key"] for w in wanted}]
    if stale:
        model.objects.filter(pk__in=stale).delete()
        changed = True
    by_key: dict[str, Named] = {}
    new: list[Named] = []
    edited: list[Named] = []
    for position, entry in enumerate(wanted):
        values: dict[str, Any] = {
            "title": entry["title"],
            "description": entry["description"],
            "position": position,
        }
        row = existing.get(entry["key"])
        if row is None:
            row = model(framework=framework, key=entry["key"], **values)
            new.append(row)
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            edited.append(row)
        by_key[entry["key"]] = row
    model.objects.bulk_create(new)
    model.objects.bulk_update(edited, ["title", "description", "position"])
    return _NamedSync(by_key, changed or bool(new or edited))


def _placements(package: CasePackage, tree: ItemTree) -> dict[str, tuple[str | None, int, int]]:
    """Map each item to its first place in the tree: parent, depth and display order."""
    document_id = package.document.identifier
    first: dict[str, tuple[str | None, int, int]] = {}
    for order, placement in enumerate(tree.walk()):
        if placement.item_id in first:
            continue
        parent = placement.parent_id
        parent = None if parent in (None, document_id) else parent.lower()
        first[placement.item_id] = (parent, placement.depth, order)
    return first


def _sync_competencies(
    framework: Framework, package: CasePackage, now: datetime, summary: SyncSummary
) -> tuple[dict[str, Competency], dict[str, dict]]:
    """Create, update and retire competencies; return them and their extensions by identifier."""
    existing = {row.case_identifier.lower(): row for row in framework.competencies.all()}
    tree = item_tree(package)
    placements = _placements(package, tree)
    summary.detached = _detached(package, tree)
    summary.warnings += summary.detached
    by_depth: dict[int, list[_Entry]] = defaultdict(list)
    for position, item in enumerate(package.items):
        data = object_json(item)
        extension = take_extension(data)
        values = split_columns(data, ITEM_COLUMNS)
        key = extension.get("key")
        values.update(
            key=key[:80] if isinstance(key, str) else "", case_extra=data, file_position=position
        )
        parent_identifier, depth, order = placements[item.identifier]
        by_depth[depth].append(
            _Entry(item.identifier.lower(), values, extension, parent_identifier, depth, order)
        )
    rows: dict[str, Competency] = {}
    extensions: dict[str, dict] = {}
    changed: list[Competency] = []
    for depth in sorted(by_depth):
        new: list[Competency] = []
        for entry in by_depth[depth]:
            parent = rows[entry.parent] if entry.parent else None
            entry.values.update(
                parent_id=parent.pk if parent else None,
                ancestors=f"{parent.ancestors or '/'}{parent.pk}/" if parent else "",
                depth=depth,
                tree_order=entry.order,
                retired_at=None,
            )
            row = existing.get(entry.identifier)
            if row is None:
                row = Competency(framework=framework, **entry.values)
                new.append(row)
            elif any(getattr(row, name) != value for name, value in entry.values.items()):
                if row.written_in_trellis and any(
                    getattr(row, name) != entry.values[name] for name in TEXT_FIELDS
                ):
                    summary.overwritten_names.append(_name(row))
                for name, value in entry.values.items():
                    setattr(row, name, value)
                changed.append(row)
            rows[entry.identifier] = row
            extensions[entry.identifier] = entry.extension
        Competency.objects.bulk_create(new, batch_size=BATCH_SIZE)
        summary.created += len(new)
    Competency.objects.bulk_update(changed, COMPETENCY_FIELDS + TREE_FIELDS, batch_size=BATCH_SIZE)
    summary.updated = len(changed)
    gone = [
        row
        for identifier, row in existing.items()
        if identifier not in rows and row.retired_at is None
    ]
    gone.sort(key=lambda row: row.tree_order)
    summary.retired_ids = [row.pk for row in gone]
    summary.retired_names = [_name(row) for row in gone]
    for start in range(0, len(gone), BATCH_SIZE):
        batch = summary.retired_ids[start : start + BATCH_SIZE]
        Competency.objects.filter(pk__in=batch).update(retired_at=now)
    summary.retired = len(gone)
    return rows, extensions


def _name(competency: Competency) -> str:
    """Name a competency in a sentence: its code and short name."""
    name = competency.title or competency.statement
    if len(name) > 80:
        name = name[:79] + "…"
    return f"{competency.code} {name}".strip()


def _detached(package: CasePackage, tree: ItemTree) -> list[str]:
    """Say which items only an isChildOf to a parent outside the package places."""
    index = PackageIndex(package)
    items = {item.identifier: item for item in package.items}
    orphans = set(tree.orphans)
    messages = []
    for association in package.associations:
        if association.association_type != "isChildOf":
            continue
        child = index.resolve(association.origin, hierarchical=True)
        if child.place != "item" or child.identifier not in orphans:
            continue
        if index.resolve(association.destination, hierarchical=True).place != "external":
            continue
        item = items[child.identifier]
        name = item.human_coding_scheme or item.abbreviated_statement or item.full_statement
        destination = association.destination
        messages.append(
            _(
                "The competency “%(name)s” (CFItem %(item)s) is placed by CFAssociation "
                "%(association)s under %(parent)s, which is not in this package, so it is "
                "shown at the top of the framework. Add that parent to the package, or "
                "place the item under one of the package’s own items."
            )
            % {
                "name": name[:80],
                "item": item.identifier,
                "association": association.identifier,
                "parent": destination.uri or destination.identifier,
            }
        )
    return messages


def _sync_associations(
    framework: Framework,
    package: CasePackage,
    rows: dict[str, Competency],
    summary: SyncSummary,
) -> None:
    """Create, update and delete associations to match the package."""
    existing = {row.case_identifier.lower(): row for row in framework.associations.all()}
    index = PackageIndex(package)
    seen: set[str] = set()
    new: list[Association] = []
    changed: list[Association] = []
    for position, association in enumerate(package.associations):
        data = object_json(association)
        values = split_columns(data, ASSOCIATION_COLUMNS)
        values.update(case_extra=data, file_position=position)
        for end, link in (("origin", association.origin), ("destination", association.destination)):
            found = index.resolve(link)
            competency = rows.get(found.identifier.lower()) if found.place == "item" else None
            values[f"{end}_id"] = competency.pk if competency else None
            values[f"{end}_identifier"] = link.identifier or ""
        identifier = association.identifier.lower()
        seen.add(identifier)
        row = existing.get(identifier)
        if row is None:
            new.append(Association(framework=framework, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
    Association.objects.bulk_create(new, batch_size=BATCH_SIZE)
    Association.objects.bulk_update(changed, ASSOCIATION_FIELDS, batch_size=BATCH_SIZE)
    gone = [row.pk for identifier, row in existing.items() if identifier not in seen]
    for start in range(0, len(gone), BATCH_SIZE):
        Association.objects.filter(pk__in=gone[start : start + BATCH_SIZE]).delete()
    summary.associations_created = len(new)
    summary.associations_updated = len(changed)
    summary.associations_deleted = len(gone)


def _sync_details(
    framework: Framework,
    rows: dict[str, Competency],
    extensions: dict[str, dict],
    levels: dict[str, ProficiencyLevel],
    specialties: dict[str, Specialty],
    summary: SyncSummary,
) -> bool:
    """Make level descriptors and specialty variations match the items' extensions."""
    levels_changed = _sync_descriptions(
        framework, LevelDescriptor, "level", "levels", levels, rows, extensions, summary
    )
    specialties_changed = _sync_descriptions(
        framework,
        SpecialtyVariation,
        "specialty",
        "specialties",
        specialties,
        rows,
        extensions,
        summary,
    )
    return levels_changed or specialties_changed


# What a competency says at one of the framework's levels, or in one of its specialties.
Description = TypeVar("Description", LevelDescriptor, SpecialtyVariation)


def _sync_descriptions(
    framework: Framework,
    model: type[Description],
    target: str,
    ext_key: str,
    lookup: Mapping[str, ProficiencyLevel | Specialty],
    rows: dict[str, Competency],
    extensions: dict[str, dict],
    summary: SyncSummary,
) -> bool:
    """Make one model's descriptions match what the items' extensions say under `ext_key`."""
    field_name = f"{target}_id"
    wanted: dict[tuple[int, int], str] = {}
    for identifier, extension in extensions.items():
        for key, text in read_texts(extension.get(ext_key)).items():
            if key in lookup:
                wanted[(rows[identifier].pk, lookup[key].pk)] = text
            else:
                summary.warnings.append(
                    f"A competency describes the {target} {key!r}, which the framework "
                    "does not define; that description was left out."
                )
    current = {
        (row.competency_id, getattr(row, field_name)): row
        for row in model.objects.filter(competency__framework=framework)
    }
    stale = [row.pk for pair, row in current.items() if pair not in wanted]
    for start in range(0, len(stale), BATCH_SIZE):
        model.objects.filter(pk__in=stale[start : start + BATCH_SIZE]).delete()
    edited: list[Description] = []
    for pair, text in wanted.items():
        row = current.get(pair)
        if row is not None and row.description != text:
            row.description = text
            edited.append(row)
    new = [
        model(competency_id=pair[0], **{field_name: pair[1]}, description=text)
        for pair, text in wanted.items()
        if pair not in current
    ]
    model.objects.bulk_create(new, batch_size=BATCH_SIZE)
    model.objects.bulk_update(edited, ["description"], batch_size=BATCH_SIZE)
    return bool(stale or edited or new)
