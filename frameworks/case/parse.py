"""Read a CASE 1.0 CFPackage from bytes, text or an already-decoded dict."""

import copy
import json
from typing import Any

from .checks import check_package
from .errors import CaseError, Problems, describe
from .fields import CaseObjectT
from .model import (
    CaseAssociation,
    CaseDefinitions,
    CaseDocument,
    CaseItem,
    CasePackage,
    CaseRubric,
    Link,
)
from .read import label, read_object

PACKAGE_KEYS = ("CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics")
# Keys that only a CFDocument has: a file with these at the top is a document without its package.
DOCUMENT_ONLY_KEYS = ("creator", "CFPackageURI", "adoptionStatus", "officialSourceURL")


def parse_package(data: bytes | str | dict[str, Any]) -> CasePackage:
    """Parse a CFPackage, raising CaseError with every problem found."""
    raw = _decode(data)
    problems = Problems()
    raw = _unwrap(raw, problems)
    document = read_object(CaseDocument, raw["CFDocument"], "The CFDocument", problems)
    if document is None:
        raise CaseError(problems.errors)
    items = _read_list(CaseItem, raw, "CFItems", problems)
    associations = _read_list(CaseAssociation, raw, "CFAssociations", problems)
    rubrics = _read_list(CaseRubric, raw, "CFRubrics", problems) if "CFRubrics" in raw else None
    package = CasePackage(
        document=document,
        items=items,
        associations=associations,
        rubrics=rubrics,
        definitions=_read_definitions(raw.get("CFDefinitions"), problems),
        extra={k: copy.deepcopy(v) for k, v in raw.items() if k not in PACKAGE_KEYS},
    )
    _link_to_document(package)
    for message in check_package(package):
        problems.error(message)
    problems.raise_if_any()
    package.warnings = problems.warnings
    return package


def _decode(data: bytes | str | dict[str, Any]) -> Any:
    """Turn bytes or text into JSON, explaining what is wrong when it is not JSON."""
    if isinstance(data, dict):
        return data
    if isinstance(data, (bytes, bytearray)):
        try:
            # utf-8-sig because files saved by Windows editors often start with a BOM.
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CaseError(
                [
                    f"The file is not UTF-8 text (byte {exc.start} cannot be read). "
                    "Save it as UTF-8 JSON and upload it again."
                ]
            ) from exc
    if not isinstance(data, str):
        raise CaseError([f"A CASE package must be JSON text, but {describe(data)} was given."])
    try:
        return json.loads(data.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise CaseError(
            [
                f"The file is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}. "
                "Upload the CASE package exactly as it was downloaded, as a .json file."
            ]
        ) from exc


def _unwrap(raw: Any, problems: Problems) -> dict[str, Any]:
    """Find the CFPackage, also inside a {"CFPackage": …} wrapper, or say why it is not one."""
    if isinstance(raw, dict) and "CFDocument" not in raw and isinstance(raw.get("CFPackage"), dict):
        problems.warn("The package was wrapped in a CFPackage key; its contents were read.")
        raw = raw["CFPackage"]
    if not isinstance(raw, dict):
        raise CaseError(
            [
                f"This is not a CASE package: the JSON is {describe(raw)}, but a CASE package is "
                "an object with a CFDocument. Upload a CFPackage file."
            ]
        )
    if "CFDocument" in raw:
        return raw
    if any(key in raw for key in DOCUMENT_ONLY_KEYS):
        raise CaseError(
            [
                "This is a CFDocument on its own, not a CASE package: it has no CFItems or "
                "CFAssociations. Download the whole CFPackage for this framework and upload that."
            ]
        )
    raise CaseError(
        [
            "This is not a CASE package: it has no CFDocument. A CASE package is a JSON object "
            "with CFDocument, CFItems and CFAssociations; upload one of those."
        ]
    )


def _read_list(
    cls: type[CaseObjectT], raw: dict[str, Any], key: str, problems: Problems
) -> list[CaseObjectT]:
    """Read one of the package's top-level object lists; an absent list is empty."""
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.error(
            f"{key} is {describe(value)}, but it must be a list of {cls.NAME} objects. "
            f"Put the {cls.NAME} objects in a list and try again."
        )
        return []
    objects = [read_object(cls, obj, label(cls, obj, n), problems) for n, obj in enumerate(value)]
    return [obj for obj in objects if obj is not None]


def _read_definitions(value: Any, problems: Problems) -> CaseDefinitions | None:
    """Read CFDefinitions, which OpenSALT writes as [] when a framework has none."""
    if value is None:
        return None
    if value == []:
        return CaseDefinitions()
    return read_object(CaseDefinitions, value, "CFDefinitions", problems)


def _link_to_document(package: CasePackage) -> None:
    """Complete bare-URI CFPackageURI/CFDocumentURI links that name this package's document.

    CASE 1.0 defines both as LinkURI objects; some exporters write only the URI. The title and
    identifier are the document's own, so filling them in loses nothing and makes them usable.
    """
    document = package.document
    if document.package_uri is not None and document.package_uri.is_bare:
        document.package_uri = Link(
            uri=document.package_uri.uri, identifier=document.identifier, title=document.title
        )
    pointing: list[CaseItem | CaseAssociation] = [*package.items, *package.associations]
    for obj in pointing:
        link = obj.document_uri
        if link is not None and link.is_bare and link.uri == document.uri:
            obj.document_uri = Link(
                uri=link.uri, identifier=document.identifier, title=document.title
            )
