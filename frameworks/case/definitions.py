"""CFDefinitions: the concepts, subjects, licenses, item types and groupings a package uses."""

from dataclasses import dataclass, field
from typing import ClassVar

from .fields import Field, Kind
from .link import JSONDict


def _base() -> tuple[Field, ...]:
    """Return the identifier, uri, title and lastChangeDateTime fields every entry has."""
    return (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("uri", "uri", required=True),
        Field("title", "title", required=True),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
    )


@dataclass(kw_only=True)
class _Definition:
    """The fields every CFDefinitions entry has."""

    identifier: str = ""
    uri: str = ""
    title: str = ""
    last_change_date_time: str = ""
    description: str | None = None
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseConcept(_Definition):
    """A CFConcept."""

    NAME: ClassVar[str] = "CFConcept"
    SPEC: ClassVar[tuple[Field, ...]] = _base() + (
        Field("keywords", "keywords"),
        Field("hierarchyCode", "hierarchy_code", required=True),
        Field("description", "description"),
    )
    keywords: str | None = None
    hierarchy_code: str = ""


@dataclass(kw_only=True)
class CaseSubject(_Definition):
    """A CFSubject."""

    NAME: ClassVar[str] = "CFSubject"
    SPEC: ClassVar[tuple[Field, ...]] = _base() + (
        Field("hierarchyCode", "hierarchy_code", required=True),
        Field("description", "description"),
    )
    hierarchy_code: str = ""


@dataclass(kw_only=True)
class CaseLicense(_Definition):
    """A CFLicense."""

    NAME: ClassVar[str] = "CFLicense"
    SPEC: ClassVar[tuple[Field, ...]] = _base() + (
        Field("description", "description"),
        Field("licenseText", "license_text", required=True),
    )
    license_text: str = ""


@dataclass(kw_only=True)
class CaseItemType(_Definition):
    """A CFItemType."""

    NAME: ClassVar[str] = "CFItemType"
    SPEC: ClassVar[tuple[Field, ...]] = _base() + (
        Field("description", "description"),
        Field("hierarchyCode", "hierarchy_code", required=True),
        Field("typeCode", "type_code"),
    )
    hierarchy_code: str = ""
    type_code: str | None = None


@dataclass(kw_only=True)
class CaseAssociationGrouping(_Definition):
    """A CFAssociationGrouping."""

    NAME: ClassVar[str] = "CFAssociationGrouping"
    SPEC: ClassVar[tuple[Field, ...]] = _base() + (Field("description", "description"),)


@dataclass(kw_only=True)
class CaseDefinitions:
    """CFDefinitions: the vocabularies a package's items and associations refer to."""

    NAME: ClassVar[str] = "CFDefinitions"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("CFConcepts", "concepts", Kind.OBJECT_LIST, cls=CaseConcept),
        Field("CFSubjects", "subjects", Kind.OBJECT_LIST, cls=CaseSubject),
        Field("CFLicenses", "licenses", Kind.OBJECT_LIST, cls=CaseLicense),
        Field("CFItemTypes", "item_types", Kind.OBJECT_LIST, cls=CaseItemType),
        Field(
            "CFAssociationGroupings",
            "association_groupings",
            Kind.OBJECT_LIST,
            cls=CaseAssociationGrouping,
        ),
    )
    concepts: list[CaseConcept] | None = None
    subjects: list[CaseSubject] | None = None
    licenses: list[CaseLicense] | None = None
    item_types: list[CaseItemType] | None = None
    association_groupings: list[CaseAssociationGrouping] | None = None
    extra: JSONDict = field(default_factory=dict)
