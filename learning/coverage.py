"""Count what teaches and recognises each competency of a framework, and find the gaps.

Three queries (micro-credentials, resources, experiences, each as competency–item pairs)
answer for the whole framework at once, so the page costs the same number of queries for
20 competencies or 2,000. A parent competency counts everything aligned to it or to any
competency below it, each item once.
"""

from dataclasses import dataclass, field

from django.db.models import Q

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
    # What is aligned to this competency itself, when it has competencies below it.
    own: tuple[int, int, int] | None = None
    is_gap: bool = field(init=False)
    cannot_be_credentialed: bool = field(init=False)
    url: str = ""

    def __post_init__(self) -> None:
        self.is_gap = not (self.micro_credentials or self.resources or self.experiences)
        # Something to learn from, but no micro-credential to show it was learned.
        self.cannot_be_credentialed = not self.micro_credentials and not self.is_gap

    @property
    def has_children(self) -> bool:
        return self.own is not None

    @property
    def total(self) -> int:
        return self.micro_credentials + self.resources + self.experiences


def _pairs(through, owner: str, framework: Framework, owner_filter: Q) -> dict[int, set[int]]:
    rows = (
        through.objects.filter(owner_filter, competency__framework=framework)
        .values_list("competency_id", f"{owner}_id")
        .distinct()
    )
    found: dict[int, set[int]] = {}
    for competency_id, owner_id in rows:
        found.setdefault(competency_id, set()).add(owner_id)
    return found


def _roll_up(competencies: list[Competency], aligned: dict[int, set[int]]) -> dict[int, set[int]]:
    """Return, for each competency, the items aligned to it or to anything below it."""
    subtree = {c.pk: set(aligned.get(c.pk, ())) for c in competencies}
    # Deepest first, so each child's set is complete before it joins its parent's.
    for competency in sorted(competencies, key=lambda c: -c.depth):
        if competency.parent_id in subtree:
            subtree[competency.parent_id] |= subtree[competency.pk]
    return subtree


def framework_coverage(framework: Framework, user: Person) -> list[CoverageRow]:
    """Return every current competency in tree order with what is aligned to its subtree."""
    competencies = list(
        Competency.objects.filter(framework=framework, retired_at__isnull=True)
        .only(
            "pk",
            "framework_id",
            "parent_id",
            "key",
            "code",
            "title",
            "statement",
            "depth",
            "tree_order",
        )
        .order_by("tree_order")
    )
    aligned = [
        _pairs(
            MicroCredential.competencies.through,
            "microcredential",
            framework,
            Q(microcredential__status=MicroCredential.Status.PUBLISHED),
        ),
        _pairs(
            Resource.competencies.through,
            "resource",
            framework,
            Q(resource__organisation__isnull=True) | related_q(user, "resource__organisation__"),
        ),
        _pairs(
            LeadershipExperience.competencies.through,
            "leadershipexperience",
            framework,
            Q(leadershipexperience__status=LeadershipExperience.Status.OFFERED)
            & (
                Q(leadershipexperience__organisation__isnull=True)
                | related_q(user, "leadershipexperience__organisation__")
            ),
        ),
    ]
    totals = [_roll_up(competencies, kind) for kind in aligned]
    parents = {c.parent_id for c in competencies}
    rows = []
    for c in competencies:
        own = tuple(len(kind.get(c.pk, ())) for kind in aligned)
        rows.append(
            CoverageRow(
                c,
                *(len(kind[c.pk]) for kind in totals),
                own=own if c.pk in parents else None,  # type: ignore[arg-type]
            )
        )
    return rows
