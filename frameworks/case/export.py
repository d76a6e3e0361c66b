"""Write a CasePackage back out as CASE 1.0 CFPackage JSON."""

import copy
from typing import Any

from .fields import CaseObject, Kind, spec_of
from .link import LINK_PARTS, Link
from .model import CasePackage


def export_package(package: CasePackage) -> dict[str, Any]:
    """Return the package as a CASE 1.0 CFPackage dict, ready for json.dumps."""
    out: dict[str, Any] = {
        "CFDocument": object_json(package.document),
        "CFItems": [object_json(item) for item in package.items],
        "CFAssociations": [object_json(a) for a in package.associations],
    }
    if package.definitions is not None:
        out["CFDefinitions"] = object_json(package.definitions)
    if package.rubrics is not None:
        out["CFRubrics"] = [object_json(rubric) for rubric in package.rubrics]
    out.update(copy.deepcopy(package.extra))
    return out


def object_json(obj: CaseObject) -> dict[str, Any]:
    """Write one CASE dataclass as JSON: its known keys in CASE order, then its extra keys."""
    out: dict[str, Any] = {}
    for spec in spec_of(type(obj)):
        value = getattr(obj, spec.attr)
        if value is None:
            continue  # absent in CASE; the schema rejects null for most fields
        if spec.kind in (Kind.LINK, Kind.NODE):
            out[spec.key] = link_json(value)
        elif spec.kind is Kind.LINK_LIST:
            out[spec.key] = [link_json(link) for link in value]
        elif spec.kind is Kind.OBJECT:
            out[spec.key] = object_json(value)
        elif spec.kind is Kind.OBJECT_LIST:
            out[spec.key] = [object_json(child) for child in value]
        elif spec.kind in (Kind.TEXT_LIST, Kind.LEVEL_LIST):
            out[spec.key] = list(value)
        else:
            out[spec.key] = value
    for key, value in obj.extra.items():
        out.setdefault(key, copy.deepcopy(value))
    return out


def link_json(link: Link) -> str | dict[str, Any]:
    """Write a link as {title, identifier, uri}, or as the bare URI it was read from."""
    if link.is_bare:
        return link.uri or ""
    out: dict[str, Any] = {}
    for key in LINK_PARTS:
        value = getattr(link, key)
        if value is not None:
            out[key] = value
    for key, value in link.extra.items():
        out.setdefault(key, copy.deepcopy(value))
    return out
