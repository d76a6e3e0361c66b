"""Lay out a framework's competencies, fetched in tree order, as nested lists for a page."""

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString, mark_safe


@dataclass
class TreeNode:
    competency: Any
    before: SafeString  # the closing and opening tags that put this item in its place


def nested(competencies: list[Any]) -> tuple[list[TreeNode], SafeString]:
    """Return each competency with the tags before it, and the tags that close the last one.

    The tags are fixed strings, never data, which is why marking them safe is safe.
    """
    nodes = []
    previous = 1
    for position, competency in enumerate(competencies):
        depth = max(competency.depth, 1)
        if position == 0:
            tags = "<ul>" * (depth - 1)
        elif depth > previous:
            tags = "<ul>" * (depth - previous)
        else:
            tags = "</li>" + "</ul></li>" * (previous - depth)
        nodes.append(TreeNode(competency, mark_safe(tags)))
        previous = depth
    end = "</li>" + "</ul></li>" * (previous - 1) if nodes else ""
    return nodes, mark_safe(end)
