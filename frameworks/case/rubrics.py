"""CFRubric with its criteria and their performance levels."""

from dataclasses import dataclass, field
from typing import ClassVar

from .fields import Field, Kind
from .link import JSONDict, Link


@dataclass(kw_only=True)
class CaseRubricCriterionLevel:
    """A CFRubricCriterionLevel: one performance level of a rubric criterion."""

    NAME: ClassVar[str] = "CFRubricCriterionLevel"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("uri", "uri", required=True),
        Field("description", "description"),
        Field("quality", "quality"),
        Field("score", "score", Kind.NUMBER),
        Field("feedback", "feedback"),
        Field("position", "position", Kind.INT),
        Field("rubricCriterionId", "rubric_criterion_id", Kind.UUID),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
    )
    identifier: str = ""
    uri: str = ""
    last_change_date_time: str = ""
    description: str | None = None
    quality: str | None = None
    score: float | None = None
    feedback: str | None = None
    position: int | None = None
    rubric_criterion_id: str | None = None
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseRubricCriterion:
    """A CFRubricCriterion: one row of a rubric, optionally tied to a CFItem."""

    NAME: ClassVar[str] = "CFRubricCriterion"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("uri", "uri", required=True),
        Field("category", "category"),
        Field("description", "description"),
        Field("CFItemURI", "item_uri", Kind.LINK),
        Field("weight", "weight", Kind.NUMBER),
        Field("position", "position", Kind.INT),
        Field("rubricId", "rubric_id", Kind.UUID),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
        Field(
            "CFRubricCriterionLevels",
            "levels",
            Kind.OBJECT_LIST,
            cls=CaseRubricCriterionLevel,
        ),
    )
    identifier: str = ""
    uri: str = ""
    last_change_date_time: str = ""
    category: str | None = None
    description: str | None = None
    item_uri: Link | None = None
    weight: float | None = None
    position: int | None = None
    rubric_id: str | None = None
    levels: list[CaseRubricCriterionLevel] | None = None
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseRubric:
    """A CFRubric with its criteria and their levels."""

    NAME: ClassVar[str] = "CFRubric"
    SPEC: ClassVar[tuple[Field, ...]] = (
        Field("identifier", "identifier", Kind.UUID, required=True),
        Field("uri", "uri", required=True),
        Field("title", "title"),
        Field("description", "description"),
        Field("lastChangeDateTime", "last_change_date_time", Kind.DATETIME, required=True),
        Field("CFRubricCriteria", "criteria", Kind.OBJECT_LIST, cls=CaseRubricCriterion),
    )
    identifier: str = ""
    uri: str = ""
    last_change_date_time: str = ""
    title: str | None = None
    description: str | None = None
    criteria: list[CaseRubricCriterion] | None = None
    extra: JSONDict = field(default_factory=dict)
