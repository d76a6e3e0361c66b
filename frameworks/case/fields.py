"""Describe how each CASE JSON key maps to a dataclass attribute and what it must hold."""

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, ClassVar, Protocol, TypeVar


class Kind(Enum):
    """The shapes a CASE field can take."""

    TEXT = "text"
    UUID = "uuid"
    DATETIME = "datetime"  # RFC 3339 date-time
    DATE = "date"  # a date, or an RFC 3339 date-time
    INT = "int"
    NUMBER = "number"
    TEXT_LIST = "text_list"
    LEVEL_LIST = "level_list"  # like TEXT_LIST, but "09,10" also means ["09", "10"]
    LINK = "link"  # LinkURI: {title, identifier, uri}, or a bare URI string
    NODE = "node"  # LinkGenURI: like LINK, but the identifier is required
    LINK_LIST = "link_list"
    OBJECT = "object"
    OBJECT_LIST = "object_list"


class CaseObject(Protocol):
    """A CASE dataclass: its CASE name, its `case_key` attributes, and the keys CASE lacks."""

    NAME: ClassVar[str]
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    extra: dict[str, Any]

    def __init__(self, **values: Any) -> None: ...


CaseObjectT = TypeVar("CaseObjectT", bound=CaseObject)


@dataclass(frozen=True)
class Field:
    """One CASE key: its JSON name, attribute name, kind and whether CASE requires it."""

    key: str
    attr: str
    kind: Kind = Kind.TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()  # misspellings real files use, read only when `key` is absent
    cls: type[CaseObject] | None = None  # the dataclass for OBJECT and OBJECT_LIST fields


def case_key(
    key: str,
    kind: Kind = Kind.TEXT,
    *,
    required: bool = False,
    aliases: tuple[str, ...] = (),
    cls: type[CaseObject] | None = None,
    default_factory: Callable[[], Any] | None = None,
) -> Any:
    """Declare a dataclass attribute that holds the CASE key `key`.

    A required key defaults to "" (its absence is reported, and the object still built); an
    optional one to None, which means absent. Declare attributes in CASE order: export follows it.
    """
    metadata = {"case": Field(key, "", kind, required, aliases, cls)}
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, metadata=metadata)
    return dataclasses.field(default="" if required else None, metadata=metadata)


@cache
def spec_of(cls: type[CaseObject]) -> tuple[Field, ...]:
    """Return the CASE keys of a dataclass, in CASE order, from its `case_key` attributes."""
    return tuple(
        dataclasses.replace(attribute.metadata["case"], attr=attribute.name)
        for attribute in dataclasses.fields(cls)
        if "case" in attribute.metadata
    )


TEXT_EXPECTED = {
    Kind.TEXT: "text",
    Kind.UUID: "text holding a UUID",
    Kind.DATETIME: "a date and time like 2017-10-18T15:02:46+00:00",
    Kind.DATE: "a date like 2017-10-18",
    Kind.INT: "a whole number",
    Kind.NUMBER: "a number",
    Kind.TEXT_LIST: "a list of text values",
    Kind.LEVEL_LIST: "a list of text values",
    Kind.LINK: "an object with title, identifier and uri",
    Kind.NODE: "an object with title, identifier and uri",
    Kind.LINK_LIST: "a list of objects with title, identifier and uri",
    Kind.OBJECT: "an object",
    Kind.OBJECT_LIST: "a list of objects",
}
