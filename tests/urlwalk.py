"""Enumerate every URL of the site with its parameters, so tests can visit them all."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass
class Route:
    template: str
    name: str

    @property
    def parameters(self) -> list[str]:
        return [m.group("name") for m in PARAMETER.finditer(self.template)]

    def fill(self, values: dict[str, object]) -> str:
        return "/" + PARAMETER.sub(lambda m: str(values[m.group("name")]), self.template)


def all_routes() -> list[Route]:
    """Return every route of the site, including those inside included URL modules."""
    found: list[Route] = []

    def walk(patterns, prefix: str, namespace: str) -> None:
        for entry in patterns:
            route = str(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + route, inner)
            elif isinstance(entry, URLPattern):
                found.append(Route(prefix + route, f"{namespace}{entry.name or ''}"))

    walk(get_resolver().url_patterns, "", "")
    return found
