"""Build the item hierarchy that a package's isChildOf associations describe."""

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .checks import PackageIndex
from .model import CaseAssociation, CaseItem, CasePackage

DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Placement:
    """One item in one place of the tree; `position` counts from 0 among its siblings."""

    item_id: str
    parent_id: str | None  # the document's identifier for top-level items, None for orphans
    depth: int  # 1 for the document's children and for orphans
    position: int
    association_id: str | None  # the isChildOf that puts it here; None for orphans


@dataclass
class ItemTree:
    """Parents and ordered children of every item, keyed by identifier.

    An item may have several parents (CASE allows one item in several places). `parents`
    lists only parents inside the package, in file order, so `parents[x][0]` is a stable
    primary parent. Items with none are `orphans`, including items whose only parent lives
    in another framework. `children` maps the document's and items' identifiers to their
    children in display order.
    """

    document_id: str
    children: dict[str, list[str]] = field(default_factory=dict)
    parents: dict[str, list[str]] = field(default_factory=dict)
    orphans: list[str] = field(default_factory=list)
    edges: dict[tuple[str, str], str] = field(default_factory=dict)  # (parent, child) → assoc id

    def walk(self) -> Iterator[Placement]:
        """Yield every placement parents-first; a shared item's subtree is walked only once."""
        seen: set[str] = set()
        yield from self._below(self.document_id, 0, seen)
        for position, orphan in enumerate(self.orphans):
            yield Placement(orphan, None, 1, position, None)
            if orphan not in seen:
                seen.add(orphan)
                yield from self._below(orphan, 1, seen)

    def _below(self, parent_id: str, depth: int, seen: set[str]) -> Iterator[Placement]:
        """Yield the placements under one node, depth first, without recursion."""
        stack = [(parent_id, depth, iter(enumerate(self.children.get(parent_id, []))))]
        while stack:
            parent, level, siblings = stack[-1]
            step = next(siblings, None)
            if step is None:
                stack.pop()
                continue
            position, child = step
            yield Placement(child, parent, level + 1, position, self.edges.get((parent, child)))
            if child not in seen:
                seen.add(child)
                stack.append((child, level + 1, iter(enumerate(self.children.get(child, [])))))


def natural_key(text: str | None) -> tuple[tuple[int, int, str], ...]:
    """Sort "L1.2" before "L1.10" by comparing runs of digits as numbers."""
    if not text:
        return ()
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower())
        for part in DIGITS.split(text)
        if part
    )


def sibling_key(association: CaseAssociation, item: CaseItem, position: int) -> tuple:
    """Order siblings by sequenceNumber, then listEnumeration, humanCodingScheme, file order.

    Files without sequence numbers rely on coding schemes, and OpenSALT's own ordering test
    expects them compared naturally, so "…L1.2" comes before "…L1.10".
    """
    number = association.sequence_number
    return (
        number is None,
        number or 0,
        item.list_enumeration is None,
        natural_key(item.list_enumeration),
        item.human_coding_scheme is None,
        natural_key(item.human_coding_scheme),
        position,
    )


def item_tree(package: CasePackage) -> ItemTree:
    """Return the hierarchy of a parsed package's items from its isChildOf associations."""
    index = PackageIndex(package)
    items = {item.identifier: item for item in package.items}
    tree = ItemTree(document_id=package.document.identifier)
    ranked: dict[str, list[tuple[tuple, str]]] = defaultdict(list)
    for position, association in enumerate(package.associations):
        if association.association_type != "isChildOf":
            continue
        child = index.resolve(association.origin, hierarchical=True)
        parent = index.resolve(association.destination, hierarchical=True)
        if child.place != "item" or parent.place not in ("item", "document"):
            continue  # cross-framework placement: nothing to build here
        if (parent.identifier, child.identifier) in tree.edges:
            continue  # the same placement stated twice
        tree.edges[(parent.identifier, child.identifier)] = association.identifier
        key = sibling_key(association, items[child.identifier], position)
        ranked[parent.identifier].append((key, child.identifier))
        tree.parents.setdefault(child.identifier, []).append(parent.identifier)
    for parent_id, entries in ranked.items():
        tree.children[parent_id] = [child for _, child in sorted(entries)]
    tree.orphans = [i.identifier for i in package.items if i.identifier not in tree.parents]
    return tree
