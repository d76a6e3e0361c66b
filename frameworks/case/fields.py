"""Describe how each CASE JSON key maps to a dataclass attribute and what it must hold."""

from dataclasses import dataclass
from enum import Enum


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


@dataclass(frozen=True)
class Field:
    """One CASE key: its JSON name, attribute name, kind and whether CASE requires it."""

    key: str
    attr: str
    kind: Kind = Kind.TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()  # misspellings real files use, read only when `key` is absent
    cls: type | None = None  # the dataclass for OBJECT and OBJECT_LIST fields


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
