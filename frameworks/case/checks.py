"""Check a package as a whole: unique identifiers, followable references, no isChildOf loops.

See the package docstring (frameworks/case/__init__.py) for when a reference that leaves the
package is external, and allowed, or dangling, and an error.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from .fields import spec_of
from .model import (
    ASSOCIATION_TYPES,
    CaseAssociation,
    CaseDefinitions,
    CaseDocument,
    CaseItem,
    CasePackage,
    Link,
)

Place = Literal["document", "item", "external", "dangling"]


@dataclass(frozen=True)
class Resolution:
    """Where a reference leads: to this package's document or an item, elsewhere, or nowhere."""

    place: Place
    identifier: str = ""  # the in-package node's identifier, as that node spells it
    reason: str = ""  # for dangling references: why, as the end of a sentence
    fix: str = ""  # for dangling references: what to do, with {key} for the field's name


class PackageIndex:
    """Look up a package's document and items by identifier and URI."""

    def __init__(self, package: CasePackage) -> None:
        document = package.document
        self.document_id = document.identifier
        self.nodes: dict[str, tuple[Place, str]] = {}
        self.uris: dict[str, tuple[Place, str]] = {}
        self.prefixes: set[str] = set()
        nodes: list[tuple[Place, CaseDocument | CaseItem]] = [("document", document)]
        nodes += [("item", item) for item in package.items]
        for place, node in nodes:
            self.nodes.setdefault(node.identifier.lower(), (place, node.identifier))
            if node.uri:
                self.uris.setdefault(node.uri, (place, node.identifier))
                # A URI minted as <prefix><identifier> tells us this package's own address space.
                if node.identifier and node.uri.lower().endswith(node.identifier.lower()):
                    self.prefixes.add(node.uri[: -len(node.identifier)])

    def resolve(self, link: Link, *, hierarchical: bool = False) -> Resolution:
        """Say where `link` leads; `hierarchical` applies the stricter isChildOf rule."""
        found = self.nodes.get((link.identifier or "").lower())
        if found is not None:
            return Resolution(found[0], found[1])
        uri = (link.uri or "").strip()
        if not _is_absolute(uri):
            return Resolution(
                "dangling",
                reason=", and the reference has no URI saying where else it lives",
                fix="Add that CFItem to the package, or give {key} the full URI of the item "
                "in the framework it comes from.",
            )
        owner = self.uris.get(uri)
        if owner is not None:
            return Resolution(
                "dangling",
                reason=f", although its URI {uri} is that of the {_kind_name(owner[0])} {owner[1]}",
                fix="Make the identifier and uri in {key} name the same item.",
            )
        if hierarchical and any(uri.startswith(prefix) for prefix in self.prefixes):
            return Resolution(
                "dangling",
                reason=f", although its URI {uri} is in this package's own address space",
                fix="Add that CFItem to the package, or remove the association if the item "
                "was deleted on purpose.",
            )
        return Resolution("external")


def check_package(package: CasePackage) -> list[str]:
    """Return a message for every whole-package problem; an empty list means it is usable."""
    index = PackageIndex(package)
    messages = _duplicate_identifiers(package)
    for association in package.associations:
        messages += _association_problems(association, index)
    messages += _rubric_problems(package, index)
    messages += _loops(package, index)
    return messages


def _kind_name(place: Place) -> str:
    """Name a node kind as CASE does."""
    return "CFDocument" if place == "document" else "CFItem"


def _is_absolute(uri: str) -> bool:
    """Tell whether a URI names a place on its own (http://host/…, urn:…)."""
    parts = urlsplit(uri)
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme.lower() == "urn")


def _all_objects(package: CasePackage) -> list[tuple[str, Any]]:
    """List every identified object in the package with its CASE type name."""
    objects: list[tuple[str, Any]] = [("CFDocument", package.document)]
    objects += [("CFItem", item) for item in package.items]
    objects += [("CFAssociation", a) for a in package.associations]
    for rubric in package.rubrics or []:
        objects.append(("CFRubric", rubric))
        for criterion in rubric.criteria or []:
            objects.append(("CFRubricCriterion", criterion))
            objects += [("CFRubricCriterionLevel", level) for level in criterion.levels or []]
    definitions = package.definitions
    if definitions is not None:
        for spec in spec_of(CaseDefinitions):
            entries = getattr(definitions, spec.attr)
            objects += [(entry.NAME, entry) for entry in entries or []]
    return objects


def _duplicate_identifiers(package: CasePackage) -> list[str]:
    """Report identifiers that more than one object uses."""
    users: dict[str, list[str]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for name, obj in _all_objects(package):
        if obj.identifier:
            users[obj.identifier.lower()].append(name)
            spelling.setdefault(obj.identifier.lower(), obj.identifier)
    messages = []
    for key, names in users.items():
        if len(names) > 1:
            messages.append(
                f"The identifier {spelling[key]} is used by {_count_phrase(names)}. Every CASE "
                "object needs its own identifier; give all but one of them a new UUID."
            )
    return messages


def _count_phrase(names: list[str]) -> str:
    """Say "two CFItems" or "a CFItem and a CFAssociation"."""
    words = {2: "two", 3: "three", 4: "four"}
    parts = [
        f"{words.get(n, str(n))} {name}s" if n > 1 else f"a {name}"
        for name, n in Counter(names).items()
    ]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _association_problems(association: CaseAssociation, index: PackageIndex) -> list[str]:
    """Check one association's type and both of its ends."""
    name = f"CFAssociation {association.identifier}"
    kind = association.association_type
    if kind and kind not in ASSOCIATION_TYPES:
        return [
            f"{name} has associationType {kind!r}, which CASE 1.0 does not define. "
            f"Use one of {', '.join(ASSOCIATION_TYPES)}."
        ]
    hierarchical = kind == "isChildOf"
    messages = []
    for end, key, link in (
        ("origin", "originNodeURI", association.origin),
        ("destination", "destinationNodeURI", association.destination),
    ):
        if not link.identifier:
            continue  # already reported while reading
        found = index.resolve(link, hierarchical=hierarchical)
        if found.place == "dangling":
            messages.append(
                f"{name} points to {end} item {link.identifier} which is not in the package"
                f"{found.reason}. {found.fix.format(key=key)}"
            )
        elif hierarchical and end == "origin" and found.place == "document":
            messages.append(
                f"{name} makes the CFDocument a child of something. Only CFItems can be "
                "children; remove that association."
            )
    return messages


def _rubric_problems(package: CasePackage, index: PackageIndex) -> list[str]:
    """Check that rubric criteria name items that exist here or have a URI elsewhere."""
    messages = []
    for rubric in package.rubrics or []:
        for criterion in rubric.criteria or []:
            link = criterion.item_uri
            if link is None or not link.identifier:
                continue
            found = index.resolve(link)
            if found.place == "dangling":
                messages.append(
                    f"CFRubricCriterion {criterion.identifier} in CFRubric {rubric.identifier} "
                    f"points to item {link.identifier} which is not in the package{found.reason}. "
                    f"{found.fix.format(key='CFItemURI')}"
                )
    return messages


def _loops(package: CasePackage, index: PackageIndex) -> list[str]:
    """Report isChildOf associations that make an item its own ancestor."""
    parents: dict[str, list[str]] = defaultdict(list)
    for association in package.associations:
        if association.association_type != "isChildOf":
            continue
        child = index.resolve(association.origin, hierarchical=True)
        parent = index.resolve(association.destination, hierarchical=True)
        if child.place == "item" and parent.place == "item":
            parents[child.identifier].append(parent.identifier)
    messages = []
    for cycle in find_cycles(parents):
        if len(cycle) == 1:
            messages.append(
                f"CFItem {cycle[0]} is an isChildOf child of itself. Remove that association."
            )
        else:
            messages.append(
                f"The CFItems {', '.join(cycle)} are each other's ancestors through isChildOf "
                "associations, which makes a loop. Remove one of those associations so the "
                "hierarchy has a top."
            )
    return messages


def find_cycles(parents: dict[str, list[str]]) -> list[list[str]]:
    """Return one list of nodes per loop in a child→parents graph, without recursion."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    cycles: list[list[str]] = []
    for start in list(parents):
        if start in state:
            continue
        path: list[str] = [start]
        iterators = [iter(parents.get(start, ()))]
        state[start] = 1
        while path:
            following = next(iterators[-1], None)
            if following is None:
                state[path.pop()] = 2
                iterators.pop()
            elif state.get(following) == 1:
                cycles.append(path[path.index(following) :])
            elif following not in state:
                state[following] = 1
                path.append(following)
                iterators.append(iter(parents.get(following, ())))
    return cycles
