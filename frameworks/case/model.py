"""Typed CASE 1.0 objects; each attribute is the snake_case form of its CASE key.

Every class lists its CASE keys in `SPEC`. A value of None means the key was absent (or null)
in the file, so "" and [] survive a round trip as themselves. Keys CASE 1.0 does not define
are kept verbatim in `extra` and written back on export.
"""

from dataclasses import dataclass, field
from typing import ClassVar

from .definitions import (
    CaseAssociationGrouping,
    CaseConcept,
    CaseDefinitions,
    CaseItemType,
    CaseLicense,
    CaseSubject,
)
from .fields import Field, Kind
from .link import JSONDict, Link
from .rubrics import CaseRubric, CaseRubricCriterion, CaseRubricCriterionLevel

ASSOCIATION_TYPES = (
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
)


@dataclass(kw_only=True)
class CaseDocument:
    """The CFDocument: the framework itself."""

    NAME: ClassVar[str] = "CFDocument"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("uri", "uri", required=True),
        Field("CFPackageURI", "package_uri", Kind.LINK),
        Field("creator", "creator", required=True),
        Field("title", "title", required=True),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
        Field("officialSourceURL", "official_source_url"),
        Field("publisher", "publisher"),
        Field("description", "description"),
        Field("subject", "subject", Kind.TEXT_LIST),
        Field("subjectURI", "subject_uri", Kind.LINK_LIST),
        Field("language", "language"),
        Field("version", "version"),
        Field("adoptionStatus", "adoption_status"),
        Field("statusStartDate", "status_start_date", Kind.DATE),
        Field("statusEndDate", "status_end_date", Kind.DATE),
        Field("licenseURI", "license_uri", Kind.LINK),
        Field("notes", "notes"),
    )
    identifier: str = ""
    uri: str = ""
    creator: str = ""
    title: str = ""
    last_change_date_time: str = ""
    package_uri: Link | None = None
    official_source_url: str | None = None
    publisher: str | None = None
    description: str | None = None
    subject: list[str] | None = None
    subject_uri: list[Link] | None = None
    language: str | None = None
    version: str | None = None
    adoption_status: str | None = None
    status_start_date: str | None = None
    status_end_date: str | None = None
    license_uri: Link | None = None
    notes: str | None = None
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseItem:
    """A CFItem: one competency, standard or other statement in the framework."""

    NAME: ClassVar[str] = "CFItem"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("uri", "uri", required=True),
        Field("fullStatement", "full_statement", required=True),
        Field("alternativeLabel", "alternative_label"),
        Field("CFItemType", "item_type"),
        Field("CFItemTypeURI", "item_type_uri", Kind.LINK),
        Field("humanCodingScheme", "human_coding_scheme"),
        Field("listEnumeration", "list_enumeration"),
        Field("abbreviatedStatement", "abbreviated_statement"),
        Field("conceptKeywords", "concept_keywords", Kind.TEXT_LIST),
        Field("conceptKeywordsURI", "concept_keywords_uri", Kind.LINK),
        Field("notes", "notes"),
        Field("language", "language"),
        Field("educationLevel", "education_level", Kind.LEVEL_LIST, aliases=("educationalLevel",)),
        Field("licenseURI", "license_uri", Kind.LINK),
        Field("statusStartDate", "status_start_date", Kind.DATE),
        Field("statusEndDate", "status_end_date", Kind.DATE),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
        Field("CFDocumentURI", "document_uri", Kind.LINK),
    )
    identifier: str = ""
    uri: str = ""
    full_statement: str = ""
    last_change_date_time: str = ""
    alternative_label: str | None = None
    item_type: str | None = None
    item_type_uri: Link | None = None
    human_coding_scheme: str | None = None
    list_enumeration: str | None = None
    abbreviated_statement: str | None = None
    concept_keywords: list[str] | None = None
    concept_keywords_uri: Link | None = None
    notes: str | None = None
    language: str | None = None
    education_level: list[str] | None = None
    license_uri: Link | None = None
    status_start_date: str | None = None
    status_end_date: str | None = None
    document_uri: Link | None = None
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseAssociation:
    """A CFAssociation: a typed link from an origin node to a destination node."""

    NAME: ClassVar[str] = "CFAssociation"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("associationType", "association_type", required=True),
        Field("sequenceNumber", "sequence_number", Kind.INT),
        Field("uri", "uri", required=True),
        Field("originNodeURI", "origin", Kind.NODE, required=True),
        Field("destinationNodeURI", "destination", Kind.NODE, required=True),
        Field("CFAssociationGroupingURI", "grouping_uri", Kind.LINK),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
        Field("CFDocumentURI", "document_uri", Kind.LINK),
    )
    identifier: str = ""
    uri: str = ""
    association_type: str = ""
    origin: Link = field(default_factory=Link)
    destination: Link = field(default_factory=Link)
    last_change_date_time: str = ""
    sequence_number: int | None = None
    grouping_uri: Link | None = None
    document_uri: Link | None = None
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CasePackage:
    """A CFPackage: one CFDocument with its items, associations, rubrics and definitions.

    `rubrics` and `definitions` are None when the file had no CFRubrics / CFDefinitions.
    `warnings` lists repairs made while reading; it is never exported.
    """

    document: CaseDocument
    items: list[CaseItem] = field(default_factory=list)
    associations: list[CaseAssociation] = field(default_factory=list)
    rubrics: list[CaseRubric] | None = None
    definitions: CaseDefinitions | None = None
    extra: JSONDict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list, compare=False)


__all__ = [
    "ASSOCIATION_TYPES",
    "CaseAssociation",
    "CaseAssociationGrouping",
    "CaseConcept",
    "CaseDefinitions",
    "CaseDocument",
    "CaseItem",
    "CaseItemType",
    "CaseLicense",
    "CasePackage",
    "CaseRubric",
    "CaseRubricCriterion",
    "CaseRubricCriterionLevel",
    "CaseSubject",
    "JSONDict",
    "Link",
]
