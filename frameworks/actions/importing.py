"""Import a CASE package, updating the framework with the same CFDocument identifier.

The rule for importing again: the framework follows its CASE document, but an import never
loses work done in Trellis. Competencies written in Trellis (`written_in_trellis`) that the
file does not have are kept, with their place in the tree; only items that came from the
document are retired when it drops them. When an import would retire competencies or
overwrite the text of competencies written in Trellis, `confirm=False` refuses it, saving
nothing, and `ImportNeedsConfirmation` lists what would happen.
"""

from dataclasses import dataclass, field
from datetime import UTC
from pathlib import PurePath
from typing import Any

from django.db import transaction
from django.db.models import ManyToManyRel
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frameworks.case import CaseError, CasePackage, Link, export_package, parse_package
from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..exporting import framework_package
from ..models import Association as AssociationRow
from ..models import Competency, Framework, FrameworkVersion, LevelDescriptor, SpecialtyVariation
from ..sync import SyncSummary, sync_package


class ImportFailed(ActionError):
    """A CASE package that cannot be imported, with every problem the reader found."""

    def __init__(self, messages: list[str]):
        super().__init__(messages[0] if messages else _("The CASE package could not be read."))
        self.messages = messages


class ImportNeedsConfirmation(ActionError):
    """An import that would retire competencies or overwrite text written in Trellis."""

    def __init__(self, framework: Framework, summary: SyncSummary, aligned: int):
        super().__init__(
            _("Nothing was imported yet: check what this import would change, then confirm.")
        )
        self.framework = framework
        self.summary = summary
        self.aligned = aligned


@dataclass
class ImportResult:
    framework: Framework
    created: bool
    summary: SyncSummary
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # written in Trellis, not in the file


def case_now() -> str:
    """Return the current time as CASE writes lastChangeDateTime."""
    return timezone.now().astimezone(UTC).isoformat(timespec="seconds")


def read_package(data: bytes | str | dict[str, Any]) -> CasePackage:
    """Read a CASE package, turning the reader's problems into an ImportFailed."""
    try:
        return parse_package(data)
    except CaseError as failure:
        raise ImportFailed(failure.messages) from failure


def public_source(source: str) -> str:
    """Return a web address as it is, and only the name of a file: never a server path."""
    if source.lower().startswith(("http://", "https://")):
        return source
    return PurePath(source).name if source else ""


def import_case_data(
    data: bytes | str | dict[str, Any] | CasePackage,
    organisation: Organisation | None,
    by: Person | None,
    source: str = "",
    origin: str = Framework.Origin.IMPORTED,
    confirm: bool = True,
) -> ImportResult:
    """Import a CASE package for the organisation (None: shared), updating by identifier."""
    package = data if isinstance(data, CasePackage) else read_package(data)
    _check_identifier_lengths(package)
    source = public_source(source)
    with transaction.atomic():
        framework = (
            Framework.objects.filter(
                organisation=organisation, case_identifier__iexact=package.document.identifier
            )
            .select_for_update()
            .first()
        )
        created = framework is None
        kept: list[str] = []
        if framework is None:
            framework = Framework(organisation=organisation, origin=origin, created_by=by)
        else:
            package, kept = _with_trellis_work(framework, package)
        summary = sync_package(framework, package, timezone.now())
        if not created and not confirm and (summary.retired or summary.overwritten_names):
            raise ImportNeedsConfirmation(
                framework, summary, aligned_count(summary.retired_ids)
            )  # leaving the atomic block undoes the sync
        framework.imported_from = source[:1000]
        framework.import_warnings = _unique(summary.warnings)
        framework.save(update_fields=["imported_from", "import_warnings"])
        if created:
            record_version(framework, by, describe_import(summary, source, kept), first=True)
        elif summary.changed:
            record_version(framework, by, describe_import(summary, source, kept))
    return ImportResult(framework, created, summary, framework.import_warnings, kept)


def _with_trellis_work(framework: Framework, package: CasePackage) -> tuple[CasePackage, list]:
    """Add to the package the competencies written in Trellis that it lacks, with their links.

    A kept competency whose parent the package dropped moves to the top of the framework;
    its other links to dropped items go.
    """
    incoming = {item.identifier.lower() for item in package.items}
    written = framework.competencies.filter(written_in_trellis=True, retired_at__isnull=True)
    missing = {i.lower() for i in written.values_list("case_identifier", flat=True)} - incoming
    if not missing:
        return package, []
    current = framework_package(framework)
    document = package.document
    document_link = Link(uri=document.uri, identifier=document.identifier, title=document.title)
    present = incoming | missing | {document.identifier.lower()}
    kept_items = [item for item in current.items if item.identifier.lower() in missing]
    warnings = []
    for item in kept_items:
        if item.document_uri is not None:
            item.document_uri = document_link
    known = {a.identifier.lower() for a in package.associations}
    ours = {item.identifier.lower() for item in current.items} | {
        current.document.identifier.lower()
    }
    for association in current.associations:
        ends = (
            (association.origin.identifier or "").lower(),
            (association.destination.identifier or "").lower(),
        )
        if not set(ends) & missing or association.identifier.lower() in known:
            continue
        if ends[0] in ours and ends[0] not in present:
            continue  # it comes from an item the package dropped
        if ends[1] in ours and ends[1] not in present:
            if association.association_type != "isChildOf":
                continue
            association.destination = document_link
            warnings.append(
                _(
                    "The competency %(name)s, written in Trellis, was under an item this "
                    "package no longer has; it is now at the top of the framework."
                )
                % {"name": association.origin.title or association.origin.identifier}
            )
        if ends[1] == current.document.identifier.lower():
            association.destination = document_link
        if association.document_uri is not None:
            association.document_uri = document_link
        package.associations.append(association)
    package.items.extend(kept_items)
    try:
        merged = parse_package(export_package(package))
    except CaseError as failure:
        raise ImportFailed(failure.messages) from failure
    merged.warnings = [*package.warnings, *warnings]
    names = Competency.objects.filter(
        framework=framework, case_identifier__in=[item.identifier for item in kept_items]
    ).order_by("tree_order")
    return merged, [str(c) for c in names]


def aligned_count(competency_ids: list[int]) -> int:
    """Count the records of other apps aligned to these competencies, without importing them.

    Resources, plan targets and micro-credentials live above this app, so their links are
    found through the model's reverse relations.
    """
    if not competency_ids:
        return 0
    own = {Competency, AssociationRow, LevelDescriptor, SpecialtyVariation}
    total = 0
    for relation in Competency._meta.related_objects:
        if relation.related_model in own:
            continue
        # Django sets a many-to-many relation's `through` model once the apps are loaded.
        through = relation.through if isinstance(relation, ManyToManyRel) else None
        if through is not None:
            column = next(
                f.name
                for f in through._meta.fields
                if f.is_relation and f.related_model is Competency
            )
            query = through._default_manager.filter(**{f"{column}__in": competency_ids})
        else:
            query = relation.related_model._default_manager.filter(
                **{f"{relation.field.name}__in": competency_ids}
            )
        total += query.count()
    return total


MAX_IDENTIFIER = 255


def _check_identifier_lengths(package: CasePackage) -> None:
    """Refuse identifiers too long to store; CASE identifiers are 36-character UUIDs."""
    identifiers = [package.document.identifier]
    identifiers += [item.identifier for item in package.items]
    for association in package.associations:
        identifiers += [
            association.identifier,
            association.origin.identifier or "",
            association.destination.identifier or "",
        ]
    too_long = [i for i in identifiers if len(i) > MAX_IDENTIFIER]
    if too_long:
        raise ImportFailed(
            [
                _(
                    "The identifier %(start)s… is %(n)s characters long; CASE identifiers are "
                    "UUIDs such as a33fc64e-5c40-11e7-82c4-3d54268aa9ee. Shorten it."
                )
                % {"start": identifier[:40], "n": len(identifier)}
                for identifier in too_long[:10]
            ]
        )


def _unique(messages: list[str]) -> list[str]:
    return list(dict.fromkeys(messages))


def listed(names: list[str], limit: int = 10) -> str:
    """Join names for a sentence, saying how many more there are past the limit."""
    text = "; ".join(names[:limit])
    if len(names) > limit:
        text += " " + _("and %(n)s more") % {"n": len(names) - limit}
    return text


def rubric_parts(summary: SyncSummary) -> list[str]:
    """Describe the CFRubrics an import added, changed or removed; nothing if none."""
    parts = []
    if summary.rubrics_added:
        parts.append(
            ngettext("%(n)s rubric added", "%(n)s rubrics added", summary.rubrics_added)
            % {"n": summary.rubrics_added}
        )
    if summary.rubrics_updated:
        parts.append(
            ngettext("%(n)s rubric updated", "%(n)s rubrics updated", summary.rubrics_updated)
            % {"n": summary.rubrics_updated}
        )
    if summary.rubrics_removed:
        parts.append(
            ngettext("%(n)s rubric removed", "%(n)s rubrics removed", summary.rubrics_removed)
            % {"n": summary.rubrics_removed}
        )
    return parts


def describe_import(summary: SyncSummary, source: str, kept: list[str] | None = None) -> str:
    """Say in a few sentences what an import changed."""
    parts = [
        ngettext("%(n)s competency added", "%(n)s competencies added", summary.created)
        % {"n": summary.created},
        ngettext("%(n)s updated", "%(n)s updated", summary.updated) % {"n": summary.updated},
        ngettext("%(n)s removed", "%(n)s removed", summary.retired) % {"n": summary.retired},
        *rubric_parts(summary),
    ]
    text = _("Imported from CASE: %(parts)s.") % {"parts": ", ".join(parts)}
    if summary.retired_names:
        text += " " + _("Removed: %(names)s.") % {"names": listed(summary.retired_names)}
    if kept:
        text += " " + ngettext(
            "Kept %(n)s competency written in Trellis that the file does not have.",
            "Kept %(n)s competencies written in Trellis that the file does not have.",
            len(kept),
        ) % {"n": len(kept)}
    if source:
        text += " " + _("Source: %(source)s.") % {"source": source}
    return text


def record_version(
    framework: Framework, by: Person | None, summary: str, first: bool = False
) -> None:
    """Count a new version of the framework and say what changed."""
    if not first:
        framework.version += 1
    framework.updated_at = timezone.now()
    framework.save(update_fields=["version", "updated_at"])
    FrameworkVersion.objects.create(
        framework=framework, number=framework.version, summary=summary, changed_by=by
    )
