"""Count what teaches and recognises each competency of a framework, and find the gaps.

Three grouped counts (micro-credentials, resources, experiences) answer for the whole
framework at once, so the page costs the same number of queries for 20 competencies or 2,000.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from credentials.models import MicroCredential
from frameworks.models import Competency, Framework
from organisations.models import Person

from .access import related_q
from .models import LeadershipExperience, Resource


@dataclass
class CoverageRow:
    competency: Competency
    micro_credentials: int
    resources: int
    experiences: int
    is_gap: bool = field(init=False)
    url: str = ""

    def __post_init__(self) -> None:
        self.is_gap = not (self.micro_credentials or self.resources or self.experiences)

    @property
    def total(self) -> int:
        return self.micro_credentials + self.resources + self.experiences


def _counts(through, owner: str, framework: Framework, owner_filter: Q) -> dict[int, int]:
    rows = (
        through.objects.filter(owner_filter, competency__framework=framework)
        .values("competency_id")
        .annotate(n=Count(f"{owner}_id", distinct=True))
    )
    return {row["competency_id"]: row["n"] for row in rows}


def framework_coverage(framework: Framework, user: Person) -> list[CoverageRow]:
    """Return every current competency in tree order with what is aligned to it."""
    competencies = list(
        Competency.objects.filter(framework=framework, retired_at__isnull=True)
        .only("pk", "framework_id", "key", "code", "title", "statement", "depth", "tree_order")
        .order_by("tree_order")
    )
    credentials = _counts(
        MicroCredential.competencies.through,
        "microcredential",
        framework,
        Q(microcredential__status=MicroCredential.Status.PUBLISHED),
    )
    resources = _counts(
        Resource.competencies.through,
        "resource",
        framework,
        Q(resource__organisation__isnull=True) | related_q(user, "resource__organisation__"),
    )
    experiences = _counts(
        LeadershipExperience.competencies.through,
        "leadershipexperience",
        framework,
        Q(leadershipexperience__status=LeadershipExperience.Status.OFFERED)
        & (
            Q(leadershipexperience__organisation__isnull=True)
            | related_q(user, "leadershipexperience__organisation__")
        ),
    )
    return [
        CoverageRow(c, credentials.get(c.pk, 0), resources.get(c.pk, 0), experiences.get(c.pk, 0))
        for c in competencies
    ]
