"""Every write to frameworks goes through these functions.

Imports, built-in content and edits made on the pages all end in `sync.sync_package`, so a
framework is always a valid CASE package: an edit rebuilds the package, changes it and syncs
it back, and the checks that guard imports guard edits too.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frameworks.case import (
    CaseAssociation,
    CaseError,
    CaseItem,
    CasePackage,
    Link,
    PackageIndex,
    export_package,
    parse_package,
)
from frameworks.case.export import object_json
from lib.errors import ActionError
from organisations.models import Organisation, Person

from .case_rows import STANDARD_SPECIALTIES, put_extension, take_extension
from .exporting import framework_package
from .models import Competency, Framework, FrameworkAdoption, FrameworkVersion
from .sync import SyncSummary, sync_package


class ImportFailed(ActionError):
    """A CASE package that cannot be imported, with every problem the reader found."""

    def __init__(self, messages: list[str]):
        super().__init__(messages[0] if messages else _("The CASE package could not be read."))
        self.messages = messages


@dataclass
class ImportResult:
    framework: Framework
    created: bool
    summary: SyncSummary
    warnings: list[str] = field(default_factory=list)


def case_now() -> str:
    """Return the current time as CASE writes lastChangeDateTime."""
    return timezone.now().astimezone(UTC).isoformat(timespec="seconds")


def new_case_identifier() -> str:
    return str(uuid.uuid4())


def case_uri(identifier: str) -> str:
    """Return the URI Trellis mints for its own CASE objects: stable wherever it is served."""
    return f"urn:uuid:{identifier}"


def read_package(data: bytes | str | dict[str, Any]) -> CasePackage:
    """Read a CASE package, turning the reader's problems into an ImportFailed."""
    try:
        return parse_package(data)
    except CaseError as failure:
        raise ImportFailed(failure.messages) from failure


def import_case_data(
    data: bytes | str | dict[str, Any] | CasePackage,
    organisation: Organisation | None,
    by: Person | None,
    source: str = "",
    origin: str = Framework.Origin.IMPORTED,
) -> ImportResult:
    """Import a CASE package for the organisation (None: shared), updating by identifier."""
    package = data if isinstance(data, CasePackage) else read_package(data)
    _check_identifier_lengths(package)
    with transaction.atomic():
        framework = (
            Framework.objects.filter(
                organisation=organisation, case_identifier__iexact=package.document.identifier
            )
            .select_for_update()
            .first()
        )
        created = framework is None
        if created:
            framework = Framework(organisation=organisation, origin=origin, created_by=by)
        summary = sync_package(framework, package, timezone.now())
        framework.imported_from = source[:1000]
        framework.import_warnings = _unique(summary.warnings)
        framework.save(update_fields=["imported_from", "import_warnings"])
        if created:
            _record_version(framework, by, _describe_import(summary, source), first=True)
        elif summary.changed:
            _record_version(framework, by, _describe_import(summary, source))
    return ImportResult(framework, created, summary, framework.import_warnings)


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


def _describe_import(summary: SyncSummary, source: str) -> str:
    """Say in a sentence what an import changed."""
    parts = [
        ngettext("%(n)s competency added", "%(n)s competencies added", summary.created)
        % {"n": summary.created},
        ngettext("%(n)s updated", "%(n)s updated", summary.updated) % {"n": summary.updated},
        ngettext("%(n)s removed", "%(n)s removed", summary.retired) % {"n": summary.retired},
    ]
    text = _("Imported from CASE: %(parts)s.") % {"parts": ", ".join(parts)}
    if source:
        text += " " + _("Source: %(source)s.") % {"source": source}
    return text


def _record_version(
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


def _sync_edit(framework: Framework, package: CasePackage, by: Person, summary: str) -> bool:
    """Check an edited package and sync it back; record a version if anything changed."""
    try:
        package = parse_package(export_package(package))
    except CaseError as failure:
        raise ActionError(failure.messages[0]) from failure
    result = sync_package(framework, package, timezone.now())
    if result.changed:
        _record_version(framework, by, summary)
    return result.changed


def _check_editable(framework: Framework) -> None:
    if framework.organisation_id is None:
        raise ActionError(
            _("Shared frameworks cannot be edited here; write your organisation's own instead.")
        )


@transaction.atomic
def create_framework(
    organisation: Organisation, title: str, description: str, specialties: list[str], by: Person
) -> Framework:
    """Start an organisation's own framework, with the four standard levels."""
    if not title.strip():
        raise ActionError(_("Give the framework a title."), field="title")
    identifier = new_case_identifier()
    document: dict[str, Any] = {
        "identifier": identifier,
        "uri": case_uri(identifier),
        "creator": organisation.name,
        "title": title.strip(),
        "lastChangeDateTime": case_now(),
        "publisher": organisation.name,
        "adoptionStatus": "Draft",
        "language": "en",
    }
    if description.strip():
        document["description"] = description.strip()
    put_extension(document, {"specialties": chosen_specialties([], specialties)})
    result = import_case_data(
        {"CFDocument": document, "CFItems": [], "CFAssociations": []},
        organisation,
        by,
        origin=Framework.Origin.AUTHORED,
    )
    FrameworkVersion.objects.filter(framework=result.framework, number=1).update(
        summary=_("Created in Trellis.")
    )
    return result.framework


@transaction.atomic
def edit_framework(
    framework: Framework, title: str, description: str, specialties: list[str], by: Person
) -> bool:
    """Change an organisation's framework's title, description and specialties."""
    _check_editable(framework)
    if not title.strip():
        raise ActionError(_("Give the framework a title."), field="title")
    package = framework_package(framework)
    document = package.document
    before = object_json(document)
    document.title = title.strip()
    document.description = description.strip() or None
    ours = take_extension(document.extra)
    ours["specialties"] = chosen_specialties(ours.get("specialties") or [], specialties)
    put_extension(document.extra, ours)
    if object_json(document) == before:
        return False
    document.last_change_date_time = case_now()
    return _sync_edit(
        framework, package, by, _("Edited the framework’s title, description or specialties.")
    )


def chosen_specialties(current: list[dict], keys: list[str]) -> list[dict]:
    """Return the chosen specialties: the framework's own in their order, then new standard ones."""
    known = {entry["key"] for entry in current}
    chosen = [entry for entry in current if entry["key"] in keys]
    chosen += [
        dict(entry, description="")
        for entry in STANDARD_SPECIALTIES
        if entry["key"] in keys and entry["key"] not in known
    ]
    return chosen


def _document_link(package: CasePackage) -> Link:
    document = package.document
    return Link(uri=document.uri, identifier=document.identifier, title=document.title)


def _check_competency_text(title: str, statement: str) -> None:
    if not statement.strip():
        raise ActionError(
            _("Write the competency’s full statement: what an educator knows or does."),
            field="statement",
        )
    if len(title) > 1000:
        raise ActionError(_("Keep the short title under 1,000 characters."), field="title")


def _apply_competency_text(item: CaseItem, text: dict[str, Any]) -> bool:
    """Set the fields people edit on a CFItem and its level and specialty texts; say if changed.

    lastChangeDateTime moves only when something else did, so saving an unchanged form is
    not a new version.
    """
    before = object_json(item)
    item.full_statement = text["statement"].strip()
    item.abbreviated_statement = text["title"].strip() or None
    item.human_coding_scheme = text["code"].strip() or None
    item.notes = text["notes"].strip() or None
    ours = take_extension(item.extra)
    ours["levels"] = {k: v.strip() for k, v in text["levels"].items() if v.strip()}
    ours["specialties"] = {k: v.strip() for k, v in text["specialties"].items() if v.strip()}
    put_extension(item.extra, ours)
    if object_json(item) == before:
        return False
    item.last_change_date_time = case_now()
    return True


@transaction.atomic
def add_competency(
    framework: Framework, parent: Competency | None, text: dict[str, Any], by: Person
) -> Competency:
    """Add a competency as the last child of `parent` (or at the top), as CASE items are."""
    _check_editable(framework)
    _check_competency_text(text["title"], text["statement"])
    package = framework_package(framework)
    identifier = new_case_identifier()
    item = CaseItem(
        identifier=identifier,
        uri=case_uri(identifier),
        full_statement="",
        last_change_date_time=case_now(),
        document_uri=_document_link(package),
    )
    _apply_competency_text(item, text)
    package.items.append(item)
    destination = _document_link(package)
    if parent is not None:
        destination = Link(
            uri=parent.case_extra.get("uri"),
            identifier=parent.case_identifier,
            title=parent.code or parent.name[:60],
        )
    association_id = new_case_identifier()
    package.associations.append(
        CaseAssociation(
            identifier=association_id,
            uri=case_uri(association_id),
            association_type="isChildOf",
            origin=Link(uri=item.uri, identifier=identifier, title=text["code"] or "Competency"),
            destination=destination,
            last_change_date_time=case_now(),
            sequence_number=_next_sequence_number(package, destination.identifier or ""),
            document_uri=_document_link(package),
        )
    )
    name = text["code"] or text["title"] or text["statement"][:60]
    _sync_edit(framework, package, by, _("Added the competency %(name)s.") % {"name": name})
    return Competency.objects.get(framework=framework, case_identifier=identifier)


def _next_sequence_number(package: CasePackage, parent_identifier: str) -> int | None:
    """Number a new child after its siblings, unless the siblings are ordered another way."""
    index = PackageIndex(package)
    numbers = []
    for association in package.associations:
        if association.association_type != "isChildOf":
            continue
        found = index.resolve(association.destination, hierarchical=True)
        if (found.identifier or "").lower() == parent_identifier.lower():
            numbers.append(association.sequence_number)
    if any(number is None for number in numbers):
        return None  # siblings are ordered by coding scheme or file order; keep it that way
    return max(numbers, default=0) + 1


@transaction.atomic
def edit_competency(competency: Competency, text: dict[str, Any], by: Person) -> bool:
    """Change a competency's code, title, statement, notes and level and specialty texts."""
    framework = competency.framework
    _check_editable(framework)
    _check_competency_text(text["title"], text["statement"])
    package = framework_package(framework)
    wanted = competency.case_identifier.lower()
    item = next(i for i in package.items if i.identifier.lower() == wanted)
    if not _apply_competency_text(item, text):
        return False
    name = text["code"] or text["title"] or text["statement"][:60]
    return _sync_edit(framework, package, by, _("Edited the competency %(name)s.") % {"name": name})


@transaction.atomic
def adopt_framework(
    framework: Framework, organisation: Organisation, by: Person
) -> FrameworkAdoption:
    """Record that the organisation uses a shared framework; adopting twice changes nothing."""
    if framework.organisation_id is not None:
        raise ActionError(
            _("Only shared frameworks can be adopted; this one already belongs to %(org)s.")
            % {"org": framework.organisation}
        )
    adoption, _created = FrameworkAdoption.objects.get_or_create(
        framework=framework, organisation=organisation, defaults={"adopted_by": by}
    )
    return adoption


@transaction.atomic
def stop_using_framework(framework: Framework, organisation: Organisation) -> bool:
    """Withdraw the organisation's adoption of a shared framework."""
    deleted, _detail = FrameworkAdoption.objects.filter(
        framework=framework, organisation=organisation
    ).delete()
    return bool(deleted)
