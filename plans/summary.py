"""What the plan page and the school view show, gathered in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from credentials.models import Award
from learning.models import ExperienceEnrolment
from organisations.models import Organisation

from .models import Goal, LearningPlan, PlanItem, Suggestion, TargetCompetency

# An item in progress that nobody has touched for this long is stalled.
STALLED_AFTER = timedelta(days=30)
STALLED_SHOWN = 50
# Suggestions shown at first in each group; the rest open on request.
SUGGESTIONS_SHOWN = 5
# Plans listed per page of the school view.
PLANS_SHOWN = 50
# Micro-credentials first: they are what a growth area or a target competency names most directly.
KIND_ORDER = [
    PlanItem.Kind.MICRO_CREDENTIAL,
    PlanItem.Kind.EXPERIENCE,
    PlanItem.Kind.PLAYLIST,
    PlanItem.Kind.RESOURCE,
    PlanItem.Kind.MENTORING,
]
OPEN = [PlanItem.Status.NOT_STARTED, PlanItem.Status.IN_PROGRESS]


@dataclass
class Progress:
    """Counts of items by status, and how much of the plan is done."""

    counts: dict[str, int] = field(default_factory=dict)
    stalled: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def active(self) -> int:
        """Return the items that still count: everything but those dropped."""
        return self.total - self.counts.get(PlanItem.Status.DROPPED, 0)

    @property
    def done(self) -> int:
        return self.counts.get(PlanItem.Status.DONE, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.active) if self.active else 0

    def by_status(self) -> list[tuple[str, str, int]]:
        return [(s.value, s.label, self.counts.get(s.value, 0)) for s in PlanItem.Status]


def stalled_q(prefix: str = "") -> Q:
    """Match items in progress with no update for a while, and open items past their due date."""
    now = timezone.now()
    return Q(**{f"{prefix}status": PlanItem.Status.IN_PROGRESS}) & Q(
        **{f"{prefix}updated_at__lt": now - STALLED_AFTER}
    ) | Q(**{f"{prefix}status__in": OPEN}) & Q(**{f"{prefix}due_on__lt": now.date()})


def is_stalled(item: PlanItem) -> bool:
    now = timezone.now()
    if item.status == PlanItem.Status.IN_PROGRESS and item.updated_at < now - STALLED_AFTER:
        return True
    return item.is_open and item.due_on is not None and item.due_on < now.date()


@dataclass
class SuggestionGroup:
    """The open suggestions from one source: the first few shown, the rest folded away."""

    source: str
    heading: str
    shown: list[Suggestion]
    more: list[Suggestion]

    @property
    def total(self) -> int:
        return len(self.shown) + len(self.more)


def group_suggestions(suggestions: list[Suggestion]) -> list[SuggestionGroup]:
    """Group suggestions by where they come from, micro-credentials first within each group."""
    groups = []
    headings = {
        Suggestion.Source.GROWTH_AREA: _("From your team's conditions assessment"),
        Suggestion.Source.TARGET_COMPETENCY: _("For your target competencies"),
    }
    for source, label in Suggestion.Source.choices:
        mine = [s for s in suggestions if s.source == source]
        mine.sort(key=lambda s: (KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER else 99, s.pk))
        if mine:
            groups.append(
                SuggestionGroup(
                    source,
                    str(headings.get(source, label)),
                    mine[:SUGGESTIONS_SHOWN],
                    mine[SUGGESTIONS_SHOWN:],
                )
            )
    return groups


@dataclass
class PlanPage:
    plan: LearningPlan
    own_goals: list[Goal]
    shared_goals: list[Goal]
    targets: list[TargetCompetency]
    items: list[PlanItem]
    suggestions: list[Suggestion]
    progress: Progress

    @property
    def suggestion_groups(self) -> list[SuggestionGroup]:
        return group_suggestions(self.suggestions)


def open_suggestions(plan: LearningPlan) -> QuerySet[Suggestion]:
    """Return the proposed suggestions still worth proposing (one query, with subqueries).

    Those whose thing is already in the plan, whose micro-credential the owner already holds,
    or whose experience the owner has already completed are left out, however they came about.
    """
    in_plan = PlanItem.objects.filter(plan_id=plan.pk, source_key=OuterRef("target_key"))
    held = Award.objects.filter(
        earner_id=plan.owner_id,
        revoked_at__isnull=True,
        micro_credential__slug=OuterRef("micro_credential__slug"),
    )
    completed = ExperienceEnrolment.objects.filter(
        person_id=plan.owner_id,
        experience_id=OuterRef("experience_id"),
        status=ExperienceEnrolment.Status.COMPLETED,
    )
    return (
        plan.suggestions.filter(status=Suggestion.Status.PROPOSED)
        .exclude(Exists(in_plan))
        .exclude(Exists(held))
        .exclude(Exists(completed))
    )


def plan_page(plan: LearningPlan, for_owner: bool) -> PlanPage:
    """Gather one plan; leaders get no private notes and no suggestions."""
    goals = list(plan.goals.select_related("set_by"))
    targets = list(plan.targets.select_related("competency__framework", "level"))
    items_query = plan.items.select_related("micro_credential", "template")
    items = list(items_query if for_owner else items_query.defer("note"))
    suggestions = list(open_suggestions(plan).select_related("assessment")) if for_owner else []
    progress = Progress()
    for item in items:
        progress.counts[item.status] = progress.counts.get(item.status, 0) + 1
        item.stalled = is_stalled(item)
        progress.stalled += item.stalled
    return PlanPage(
        plan=plan,
        own_goals=[g for g in goals if g.origin == Goal.Origin.OWN],
        shared_goals=[g for g in goals if g.origin != Goal.Origin.OWN],
        targets=targets,
        items=items,
        suggestions=suggestions,
        progress=progress,
    )


@dataclass
class PlanRow:
    plan: LearningPlan
    progress: Progress


@dataclass
class SchoolSummary:
    organisation: Organisation
    # One page of plans, most stalled first; a state keeps tens of thousands.
    page: Page
    rows: list[PlanRow]
    competencies: list[dict]
    stalled_items: list[PlanItem]
    stalled_total: int
    progress: Progress


def school_summary(organisation: Organisation, page_number: str | None = None) -> SchoolSummary:
    """Sum up the plans kept in the organisation and below it; never private notes.

    The totals cover every plan; the list of plans is one page of PLANS_SHOWN, so the page
    costs the same queries and about the same time for a school or a whole state.
    """
    within = {"plan__organisation__path__startswith": organisation.path}
    totals = PlanItem.objects.filter(**within).aggregate(
        stalled=Count("pk", filter=stalled_q()),
        **{status: Count("pk", filter=Q(status=status)) for status in PlanItem.Status.values},
    )
    overall = Progress(stalled=totals.pop("stalled"))
    overall.counts = {status: n for status, n in totals.items() if n}
    plans = (
        LearningPlan.objects.filter(organisation__path__startswith=organisation.path)
        .select_related("owner", "organisation")
        .annotate(stalled_items=Count("items", filter=stalled_q("items__")))
        .order_by("-stalled_items", "owner__family_name", "owner__given_name", "pk")
    )
    page = Paginator(plans, PLANS_SHOWN).get_page(page_number)
    rows = {plan.pk: PlanRow(plan, Progress(stalled=plan.stalled_items)) for plan in page}
    for entry in (
        PlanItem.objects.filter(plan_id__in=list(rows))
        .values("plan_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        rows[entry["plan_id"]].progress.counts[entry["status"]] = entry["n"]
    stalled_items = list(
        PlanItem.objects.filter(stalled_q(), **within)
        .select_related("plan__owner")
        .only(
            "title",
            "kind",
            "status",
            "due_on",
            "updated_at",
            "plan__owner__given_name",
            "plan__owner__family_name",
            "plan__owner__email",
        )
        .order_by("due_on", "updated_at")[:STALLED_SHOWN]
    )
    competencies = list(
        TargetCompetency.objects.filter(**within)
        .values(
            "competency_id",
            "competency__title",
            "competency__statement",
            "competency__framework__title",
        )
        .annotate(people=Count("plan__owner", distinct=True))
        .order_by("-people", "competency__title")
    )
    for entry in competencies:
        entry["name"] = entry["competency__title"] or entry["competency__statement"]
    return SchoolSummary(
        organisation=organisation,
        page=page,
        rows=list(rows.values()),
        competencies=competencies,
        stalled_items=stalled_items,
        stalled_total=overall.stalled,
        progress=overall,
    )
