"""Assign a plan template to several people at once; assigning it again adds nothing twice."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from credentials.models import MicroCredential
from frameworks.access import shared_competencies_by_key
from frameworks.models import ProficiencyLevel
from learning.models import LeadershipExperience, Resource
from lib.errors import ActionError
from organisations.access import can_lead
from organisations.models import Membership, Organisation, Person

from ..keys import learning_key, micro_credential_key, template_key
from ..models import Goal, LearningPlan, PlanItem, PlanTemplate, TargetCompetency
from .planning import settle_suggestions
from .progress import complete_items_already_earned

KINDS = {PlanItem.Kind.RESOURCE: Resource, PlanItem.Kind.EXPERIENCE: LeadershipExperience}


def plan_places(organisation: Organisation, people: list[Person]) -> dict[int, int]:
    """Return, per person, the organisation their plan lives in: their deepest membership here."""
    places: dict[int, tuple[int, int]] = {}
    for membership in Membership.objects.filter(
        person__in=people, organisation__path__startswith=organisation.path
    ).select_related("organisation"):
        depth = membership.organisation.depth
        if membership.person_id not in places or depth > places[membership.person_id][0]:
            places[membership.person_id] = (depth, membership.organisation_id)
    return {person_id: place for person_id, (_depth, place) in places.items()}


def plans_for(places: dict[int, int]) -> dict[int, LearningPlan]:
    """Return each person's plan in the given organisation, starting the missing ones."""
    LearningPlan.objects.bulk_create(
        [LearningPlan(owner_id=p, organisation_id=o) for p, o in places.items()],
        ignore_conflicts=True,
    )
    wanted = {(p, o) for p, o in places.items()}
    found = LearningPlan.objects.filter(
        owner_id__in=list(places), organisation_id__in=set(places.values())
    )
    return {
        plan.owner_id: plan for plan in found if (plan.owner_id, plan.organisation_id) in wanted
    }


def published_by_slug(slugs: list[str]) -> dict[str, MicroCredential]:
    """Return the newest published version of each micro-credential slug (one query)."""
    found: dict[str, MicroCredential] = {}
    for mc in MicroCredential.objects.filter(
        slug__in=slugs, status=MicroCredential.Status.PUBLISHED
    ).order_by("slug", "-version"):
        found.setdefault(mc.slug, mc)
    return found


def builtin_learning(template: PlanTemplate) -> dict[tuple[str, str], object]:
    """Return the built-in resources and experiences the template names, by (kind, slug)."""
    refs = {kind: [i["ref"] for i in template.items if i["kind"] == kind] for kind in KINDS}
    found: dict[tuple[str, str], object] = {}
    for kind, model in KINDS.items():
        for obj in model.objects.filter(organisation__isnull=True, slug__in=refs[kind]):
            found[(kind, obj.slug)] = obj
    return found


def template_items(
    template: PlanTemplate,
    plan: LearningPlan,
    start,
    mcs: dict[str, MicroCredential],
    linked: dict[tuple[str, str], object],
) -> list[PlanItem]:
    """Return the template's items for one plan, not yet saved."""
    items = []
    for index, entry in enumerate(template.items):
        kind, ref = entry["kind"], entry.get("ref", "")
        micro_credential = mcs.get(ref) if kind == PlanItem.Kind.MICRO_CREDENTIAL else None
        if kind == PlanItem.Kind.MICRO_CREDENTIAL:
            key = micro_credential_key(ref)
        elif ref:
            key = learning_key(kind, ref)
        else:
            key = template_key(template.slug, "item", index)
        items.append(
            PlanItem(
                plan=plan,
                kind=kind,
                title=entry["title"],
                micro_credential=micro_credential,
                resource=linked.get((kind, ref)) if kind == PlanItem.Kind.RESOURCE else None,
                experience=linked.get((kind, ref)) if kind == PlanItem.Kind.EXPERIENCE else None,
                start_on=start + timedelta(weeks=entry.get("weeks_from_start", 0)),
                origin=PlanItem.Origin.TEMPLATE,
                template=template,
                source_key=key,
            )
        )
    return items


@transaction.atomic
def assign_template(
    template: PlanTemplate, organisation: Organisation, people: list[Person], by: Person
) -> dict[str, int]:
    """Add the template's goals, target competencies and items to each person's plan."""
    if not can_lead(by, organisation):
        raise ActionError(_("Only a leader of the school can assign plan templates."))
    if not people:
        raise ActionError(_("Choose at least one person to assign the template to."), "people")
    places = plan_places(organisation, people)
    if len(places) != len({p.pk for p in people}):
        raise ActionError(
            _("Everyone you assign a template to must belong to %(o)s.") % {"o": organisation},
            field="people",
        )
    plans = plans_for(places)
    competencies = shared_competencies_by_key([t["key"] for t in template.target_competencies])
    levels = {
        (level.framework_id, level.key): level
        for level in ProficiencyLevel.objects.filter(
            framework_id__in={c.framework_id for c in competencies.values()}
        )
    }
    existing = set(
        PlanItem.objects.filter(plan__in=plans.values())
        .exclude(source_key="")
        .values_list("plan_id", "source_key")
    )
    mcs = published_by_slug(
        [i["ref"] for i in template.items if i["kind"] == PlanItem.Kind.MICRO_CREDENTIAL]
    )
    linked = builtin_learning(template)
    goals, targets, items = [], [], []
    start = timezone.localdate()
    for plan in plans.values():
        goals += [
            Goal(
                plan=plan,
                text=text,
                origin=Goal.Origin.WITH_ADMINISTRATOR,
                set_by=by,
                source_key=template_key(template.slug, "goal", index),
            )
            for index, text in enumerate(template.goals)
        ]
        for entry in template.target_competencies:
            competency = competencies.get(entry["key"])
            level = competency and levels.get((competency.framework_id, entry["level"]))
            if competency and level:
                targets.append(TargetCompetency(plan=plan, competency=competency, level=level))
        items += [
            item
            for item in template_items(template, plan, start, mcs, linked)
            if (plan.pk, item.source_key) not in existing
        ]
    Goal.objects.bulk_create(goals, ignore_conflicts=True)
    TargetCompetency.objects.bulk_create(targets, ignore_conflicts=True)
    PlanItem.objects.bulk_create(items, ignore_conflicts=True)
    complete_items_already_earned([p.pk for p in plans.values()])
    settle_suggestions([p.pk for p in plans.values()])
    LearningPlan.objects.filter(pk__in=[p.pk for p in plans.values()]).update(
        updated_at=timezone.now()
    )
    return {"people": len(plans), "items_added": len(items)}
