"""The pointer CASE uses between objects: a LinkURI or LinkGenURI."""

from dataclasses import dataclass, field, fields
from typing import Any

JSONDict = dict[str, Any]


@dataclass(kw_only=True)
class Link:
    """A LinkURI or LinkGenURI: a pointer to a CASE object by title, identifier and URI.

    A link with neither title nor identifier (nor extra keys) came from, and is written
    back as, a bare URI string.
    """

    # In CASE order, as export writes them.
    title: str | None = None
    identifier: str | None = None
    uri: str | None = None
    extra: JSONDict = field(default_factory=dict)

    @property
    def is_bare(self) -> bool:
        """Tell whether this link is only a URI string."""
        return self.title is None and self.identifier is None and not self.extra


# The keys of a link object: title, identifier and uri.
LINK_PARTS = tuple(part.name for part in fields(Link) if part.name != "extra")
