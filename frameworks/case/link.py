"""The pointer CASE uses between objects: a LinkURI or LinkGenURI."""

from dataclasses import dataclass, field
from typing import Any

JSONDict = dict[str, Any]


@dataclass(kw_only=True)
class Link:
    """A LinkURI or LinkGenURI: a pointer to a CASE object by title, identifier and URI.

    A link with neither title nor identifier (nor extra keys) came from, and is written
    back as, a bare URI string.
    """

    uri: str | None = None
    identifier: str | None = None
    title: str | None = None
    extra: JSONDict = field(default_factory=dict)

    @property
    def is_bare(self) -> bool:
        """Tell whether this link is only a URI string."""
        return self.title is None and self.identifier is None and not self.extra
