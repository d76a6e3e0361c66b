"""Typed CASE 1.0 objects; each attribute is the snake_case form of its CASE key.

Every class declares each attribute once, in CASE order, with `case_key(key, kind)`; `spec_of`
derives the list of keys from that. A value of None means the key was absent (or null)
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
from .fields import Kind, case_key
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
    identifier: str = case_key("identifier", Kind.UUID, required=True)
    uri: str = case_key("uri", required=True)
    package_uri: Link | None = case_key("CFPackageURI", Kind.LINK)
    creator: str = case_key("creator", required=True)
    title: str = case_key("title", required=True)
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    official_source_url: str | None = case_key("officialSourceURL")
    publisher: str | None = case_key("publisher")
    description: str | None = case_key("description")
    subject: list[str] | None = case_key("subject", Kind.TEXT_LIST)
    subject_uri: list[Link] | None = case_key("subjectURI", Kind.LINK_LIST)
    language: str | None = case_key("language")
    version: str | None = case_key("version")
    adoption_status: str | None = case_key("adoptionStatus")
    status_start_date: str | None = case_key("statusStartDate", Kind.DATE)
    status_end_date: str | None = case_key("statusEndDate", Kind.DATE)
    license_uri: Link | None = case_key("licenseURI", Kind.LINK)
    notes: str | None = case_key("notes")
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseItem:
    """A CFItem: one competency, standard or other statement in the framework."""

    NAME: ClassVar[str] = "CFItem"
    identifier: str = case_key("identifier", Kind.UUID, required=True)
    uri: str = case_key("uri", required=True)
    full_statement: str = case_key("fullStatement", required=True)
    alternative_label: str | None = case_key("alternativeLabel")
    item_type: str | None = case_key("CFItemType")
    item_type_uri: Link | None = case_key("CFItemTypeURI", Kind.LINK)
    human_coding_scheme: str | None = case_key("humanCodingScheme")
    list_enumeration: str | None = case_key("listEnumeration")
    abbreviated_statement: str | None = case_key("abbreviatedStatement")
    concept_keywords: list[str] | None = case_key("conceptKeywords", Kind.TEXT_LIST)
    concept_keywords_uri: Link | None = case_key("conceptKeywordsURI", Kind.LINK)
    notes: str | None = case_key("notes")
    language: str | None = case_key("language")
    education_level: list[str] | None = case_key(
        "educationLevel", Kind.LEVEL_LIST, aliases=("educationalLevel",)
    )
    license_uri: Link | None = case_key("licenseURI", Kind.LINK)
    status_start_date: str | None = case_key("statusStartDate", Kind.DATE)
    status_end_date: str | None = case_key("statusEndDate", Kind.DATE)
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    document_uri: Link | None = case_key("CFDocumentURI", Kind.LINK)
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseAssociation:
    """A CFAssociation: a typed link from an origin node to a destination node."""

    NAME: ClassVar[str] = "CFAssociation"
    identifier: str = case_key("identifier", Kind.UUID, required=True)
    association_type: str = case_key("associationType", required=True)
    sequence_number: int | None = case_key("sequenceNumber", Kind.INT)
    uri: str = case_key("uri", required=True)
    origin: Link = case_key("originNodeURI", Kind.NODE, required=True, default_factory=Link)
    destination: Link = case_key(
        "destinationNodeURI", Kind.NODE, required=True, default_factory=Link
    )
    grouping_uri: Link | None = case_key("CFAssociationGroupingURI", Kind.LINK)
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    document_uri: Link | None = case_key("CFDocumentURI", Kind.LINK)
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
