"""CFRubric with its criteria and their performance levels."""

from dataclasses import dataclass, field
from typing import ClassVar

from .fields import Kind, case_key
from .link import JSONDict, Link


@dataclass(kw_only=True)
class CaseRubricCriterionLevel:
    """A CFRubricCriterionLevel: one performance level of a rubric criterion."""

    NAME: ClassVar[str] = "CFRubricCriterionLevel"
    identifier: str = case_key("identifier", Kind.UUID, required=True)
    uri: str = case_key("uri", required=True)
    description: str | None = case_key("description")
    quality: str | None = case_key("quality")
    score: float | None = case_key("score", Kind.NUMBER)
    feedback: str | None = case_key("feedback")
    position: int | None = case_key("position", Kind.INT)
    rubric_criterion_id: str | None = case_key("rubricCriterionId", Kind.UUID)
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseRubricCriterion:
    """A CFRubricCriterion: one row of a rubric, optionally tied to a CFItem."""

    NAME: ClassVar[str] = "CFRubricCriterion"
    identifier: str = case_key("identifier", Kind.UUID, required=True)
    uri: str = case_key("uri", required=True)
    category: str | None = case_key("category")
    description: str | None = case_key("description")
    item_uri: Link | None = case_key("CFItemURI", Kind.LINK)
    weight: float | None = case_key("weight", Kind.NUMBER)
    position: int | None = case_key("position", Kind.INT)
    rubric_id: str | None = case_key("rubricId", Kind.UUID)
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    levels: list[CaseRubricCriterionLevel] | None = case_key(
        "CFRubricCriterionLevels", Kind.OBJECT_LIST, cls=CaseRubricCriterionLevel
    )
    extra: JSONDict = field(default_factory=dict)


@dataclass(kw_only=True)
class CaseRubric:
    """A CFRubric with its criteria and their levels."""

    NAME: ClassVar[str] = "CFRubric"
    identifier: str = case_key("identifier", Kind.UUID, required=True)
    uri: str = case_key("uri", required=True)
    title: str | None = case_key("title")
    description: str | None = case_key("description")
    last_change_date_time: str = case_key("lastChangeDateTime", Kind.DATETIME, required=True)
    criteria: list[CaseRubricCriterion] | None = case_key(
        "CFRubricCriteria", Kind.OBJECT_LIST, cls=CaseRubricCriterion
    )
    extra: JSONDict = field(default_factory=dict)
