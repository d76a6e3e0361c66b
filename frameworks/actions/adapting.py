"""Copy a framework into an organisation's own, to adapt: the way to change an imported one.

The copy is a new CASE document: every identifier the framework minted (document, items,
associations, rubrics) gets a new UUID, links between them follow, and links to other
frameworks stay as they were. Levels, specialties and their texts come along.
"""

import uuid
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from frameworks.case import export_package
from lib.errors import ActionError
from organisations.models import Organisation, Person

from ..case_rows import put_extension, take_extension
from ..exporting import framework_package
from ..models import Framework, FrameworkVersion
from .authoring import case_uri
from .importing import case_now, import_case_data

RENAMED_KEYS = ("rubricId", "rubricCriterionId")


@transaction.atomic
def copy_framework(
    framework: Framework, organisation: Organisation, title: str, by: Person
) -> Framework:
    """Copy the framework as the organisation's own, written in Trellis and open to edits."""
    title = title.strip()
    if not title:
        raise ActionError(_("Give the copy a title."), field="title")
    data = export_package(framework_package(framework))
    renamed = {
        str(entry["identifier"]).lower(): str(uuid.uuid4())
        for entry in _minted(data)
        if entry.get("identifier")
    }
    data = _renamed(data, renamed)
    document = data["CFDocument"]
    ours = take_extension(document)
    ours.pop("key", None)  # a built-in's key names the shared framework only
    put_extension(document, ours)
    document.update(
        title=title,
        creator=organisation.name,
        publisher=organisation.name,
        adoptionStatus="Draft",
        lastChangeDateTime=case_now(),
    )
    for item in data["CFItems"]:
        ours = take_extension(item)
        ours.pop("key", None)
        put_extension(item, ours)
    result = import_case_data(data, organisation, by, origin=Framework.Origin.AUTHORED)
    copy = result.framework
    copy.competencies.update(written_in_trellis=True)
    FrameworkVersion.objects.filter(framework=copy, number=1).update(
        summary=_("Copied from “%(title)s”, version %(version)s, to adapt.")
        % {"title": framework.title, "version": framework.version}
    )
    return copy


def _minted(data: dict[str, Any]) -> list[dict]:
    """Return the objects whose identifiers belong to this framework's document."""
    objects = [data["CFDocument"], *data.get("CFItems", []), *data.get("CFAssociations", [])]
    for rubric in data.get("CFRubrics") or []:
        objects.append(rubric)
        for criterion in rubric.get("CFRubricCriteria") or []:
            objects.append(criterion)
            objects += criterion.get("CFRubricCriterionLevels") or []
    return objects


def _renamed(value: Any, renamed: dict[str, str]) -> Any:
    """Return the JSON with every renamed identifier, and its URI, replaced."""
    if isinstance(value, list):
        return [_renamed(entry, renamed) for entry in value]
    if not isinstance(value, dict):
        return value
    out = {key: _renamed(entry, renamed) for key, entry in value.items()}
    new = renamed.get(str(value.get("identifier", "")).lower())
    if new is not None:
        out["identifier"] = new
        if "uri" in out:
            out["uri"] = case_uri(new)
    for key in RENAMED_KEYS:
        if isinstance(value.get(key), str) and value[key].lower() in renamed:
            out[key] = renamed[value[key].lower()]
    return out
