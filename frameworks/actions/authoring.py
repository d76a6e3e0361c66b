"""Write an organisation's own framework and its competencies; adopt a shared one.

Edits made on the pages end in `sync.sync_package`, as imports do, so a framework is always
a valid CASE package: an edit rebuilds the package, changes it and syncs it back, and the
checks that guard imports guard edits too. A framework imported from CASE mirrors its source
and is not edited here; an organisation adapts it by copying it (see `adapting.py`).
"""

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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

from ..case_rows import STANDARD_SPECIALTIES, put_extension, take_extension
from ..exporting import framework_package
from ..models import Competency, Framework, FrameworkAdoption, FrameworkVersion
from ..sync import sync_package
from .importing import case_now, import_case_data, record_version


def new_case_identifier() -> str:
    return str(uuid.uuid4())


def case_uri(identifier: str) -> str:
    """Return the URI Trellis mints for its own CASE objects: stable wherever it is served."""
    return f"urn:uuid:{identifier}"


def _sync_edit(framework: Framework, package: CasePackage, by: Person, summary: str) -> bool:
    """Check an edited package and sync it back; record a version if anything changed."""
    try:
        package = parse_package(export_package(package))
    except CaseError as failure:
        raise ActionError(failure.messages[0]) from failure
    result = sync_package(framework, package, timezone.now())
    if result.changed:
        record_version(framework, by, summary)
    return result.changed


def _check_editable(framework: Framework) -> None:
    """Lock the framework's row and re-read it, then refuse a framework Trellis can't edit.

    Edits of one framework take turns: each rebuilds the whole CASE package, and checks such
    as "no other current competency has this code" (which no constraint can hold, since an
    imported framework may repeat codes) must see the edit that went before.
    """
    framework.refresh_from_db(from_queryset=Framework.objects.select_for_update())
    if framework.organisation_id is None:
        raise ActionError(
            _(
                "Shared frameworks cannot be edited here; copy one to adapt it for your "
                "organisation."
            )
        )
    if framework.origin == Framework.Origin.IMPORTED:
        raise ActionError(
            _(
                "“%(title)s” mirrors its CASE source, so it changes only when that file is "
                "imported again. To change it yourself, copy it to adapt it."
            )
            % {"title": framework.title}
        )


def _check_code_free(framework: Framework, code: str, competency: Competency | None) -> None:
    """Refuse a code another current competency of the framework already has."""
    code = code.strip()
    if not code:
        return
    clash = Competency.objects.filter(
        framework=framework, retired_at__isnull=True, code__iexact=code
    )
    if competency is not None:
        clash = clash.exclude(pk=competency.pk)
    other = clash.first()
    if other is not None:
        raise ActionError(
            _(
                "The code %(code)s is already used by “%(name)s” in this framework. "
                "Give this competency a code of its own."
            )
            % {"code": code, "name": other.name[:80]},
            field="code",
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
    _check_code_free(framework, text["code"], None)
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
    competency = Competency.objects.get(framework=framework, case_identifier=identifier)
    competency.written_in_trellis = True
    competency.save(update_fields=["written_in_trellis"])
    return competency


def _next_sequence_number(package: CasePackage, parent_identifier: str) -> int | None:
    """Number a new child after its siblings, unless the siblings are ordered another way."""
    index = PackageIndex(package)
    numbers: list[int] = []
    for association in package.associations:
        if association.association_type != "isChildOf":
            continue
        found = index.resolve(association.destination, hierarchical=True)
        if (found.identifier or "").lower() == parent_identifier.lower():
            if association.sequence_number is None:
                return None  # siblings are ordered by coding scheme or file order; keep it that way
            numbers.append(association.sequence_number)
    return max(numbers, default=0) + 1


@transaction.atomic
def edit_competency(competency: Competency, text: dict[str, Any], by: Person) -> bool:
    """Change a competency's code, title, statement, notes and level and specialty texts."""
    framework = competency.framework
    _check_editable(framework)
    _check_competency_text(text["title"], text["statement"])
    _check_code_free(framework, text["code"], competency)
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
