"""CFDefinitions: the concepts, subjects, licenses, item types and groupings a package uses."""

from dataclasses import dataclass, field
from typing import ClassVar

from .fields import Kind, case_key
from .link import JSONDict


@dataclass(kw_only=True)
class _Definition:
    """The keys every CFDefinitions entry starts with; each kind adds its own, in CASE order."""

    identifier: str = case_key("identifier", Kind.UUID, required=True)
    uri: str = case_key("uri", required=True)
    title: str = case_key("title", required=True)
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseConcept(_Definition):
    """A CFConcept."""

    NAME: ClassVar[str] = "CFConcept"
    keywords: str | None = case_key("keywords")
    hierarchy_code: str = case_key("hierarchyCode", required=True)
    description: str | None = case_key("description")


@dataclass(kw_only=True)
class CaseSubject(_Definition):
    """A CFSubject."""

    NAME: ClassVar[str] = "CFSubject"
    hierarchy_code: str = case_key("hierarchyCode", required=True)
    description: str | None = case_key("description")


@dataclass(kw_only=True)
class CaseLicense(_Definition):
    """A CFLicense."""

    NAME: ClassVar[str] = "CFLicense"
    description: str | None = case_key("description")
    license_text: str = case_key("licenseText", required=True)


@dataclass(kw_only=True)
class CaseItemType(_Definition):
    """A CFItemType."""

    NAME: ClassVar[str] = "CFItemType"
    description: str | None = case_key("description")
    hierarchy_code: str = case_key("hierarchyCode", required=True)
    type_code: str | None = case_key("typeCode")


@dataclass(kw_only=True)
class CaseAssociationGrouping(_Definition):
    """A CFAssociationGrouping."""

    NAME: ClassVar[str] = "CFAssociationGrouping"
    description: str | None = case_key("description")


@dataclass(kw_only=True)
class CaseDefinitions:
    """CFDefinitions: the vocabularies a package's items and associations refer to."""

    NAME: ClassVar[str] = "CFDefinitions"
    concepts: list[CaseConcept] | None = case_key("CFConcepts", Kind.OBJECT_LIST, cls=CaseConcept)
    subjects: list[CaseSubject] | None = case_key("CFSubjects", Kind.OBJECT_LIST, cls=CaseSubject)
    licenses: list[CaseLicense] | None = case_key("CFLicenses", Kind.OBJECT_LIST, cls=CaseLicense)
    item_types: list[CaseItemType] | None = case_key(
        "CFItemTypes", Kind.OBJECT_LIST, cls=CaseItemType
    )
    association_groupings: list[CaseAssociationGrouping] | None = case_key(
        "CFAssociationGroupings", Kind.OBJECT_LIST, cls=CaseAssociationGrouping
    )
    extra: JSONDict = field(default_factory=dict)
