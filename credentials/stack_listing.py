"""What stacks show to everyone: their published members, and an earner's progress through them."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Award, MicroCredential, Stack


@dataclass
class StackEntry:
    stack: Stack
    # The published version of each member, in the stack's order; drafts never show.
    members: list[MicroCredential]
    earned_slugs: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.members)

    @property
    def earned(self) -> int:
        return sum(1 for member in self.members if member.slug in self.earned_slugs)

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.earned == self.total

    def holds(self, slug: str) -> bool:
        return any(member.slug == slug for member in self.members)


def published_stacks(stacks: Iterable[Stack]) -> list[StackEntry]:
    """Return each stack with its published members (one query); stacks with none are left out."""
    stacks = list(stacks)
    current = {
        (mc.issuer_id, mc.slug): mc
        for mc in MicroCredential.objects.filter(
            issuer_id__in={s.issuer_id for s in stacks}, status=MicroCredential.Status.PUBLISHED
        )
    }
    entries = []
    for stack in stacks:
        members = [
            current[(stack.issuer_id, slug)]
            for slug in stack.micro_credential_slugs
            if (stack.issuer_id, slug) in current
        ]
        if members:
            entries.append(StackEntry(stack, members))
    return entries


def stacks_containing(micro_credential: MicroCredential) -> list[StackEntry]:
    """Return the issuer's stacks that hold this micro-credential."""
    stacks = Stack.objects.filter(issuer_id=micro_credential.issuer_id).order_by("title")
    return [e for e in published_stacks(stacks) if e.holds(micro_credential.slug)]


def progress(awards: Iterable[Award], started: Iterable[tuple[int, str]]) -> list[StackEntry]:
    """Return the stacks the earner has begun, each knowing which members they have earned.

    `awards` are the earner's (with `micro_credential`); `started` holds (issuer id, slug) of
    every micro-credential they have a submission for.
    """
    earned: dict[int, set[str]] = {}
    for award in awards:
        if award.state == "active":
            earned.setdefault(award.issuer_id, set()).add(award.micro_credential.slug)
    begun = set(started) | {(issuer, slug) for issuer, slugs in earned.items() for slug in slugs}
    if not begun:
        return []
    stacks = Stack.objects.filter(issuer_id__in={issuer for issuer, _slug in begun}).order_by(
        "title"
    )
    entries = []
    for entry in published_stacks(stacks):
        if any((entry.stack.issuer_id, m.slug) in begun for m in entry.members):
            entry.earned_slugs = earned.get(entry.stack.issuer_id, set())
            entries.append(entry)
    return entries
