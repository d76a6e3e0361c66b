"""Propose plan items that close the loop, and let the educator accept or dismiss each one.

Suggestions come from a team assessment's growth areas (the recommendations for each member's
role, and the micro-credentials they name) and from a plan's target competencies (published
micro-credentials, resources and experiences aligned to them). Each thing is suggested to a
plan once: a dismissed suggestion never comes back, and nothing already in the plan, already
earned or already completed is proposed. A suggestion whose thing arrives in the plan another
way is settled then (`settle_suggestions`), and the plan page hides any that slipped through.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assessments.models import Assessment
from assessments.report import build_team_report
from credentials.models import Award, MicroCredential
from frameworks.models import Competency
from learning.models import ExperienceEnrolment, LeadershipExperience, Resource
from lib.errors import ActionError
from organisations.access import can_lead
from organisations.models import Person

from ..keys import learning_object_key, micro_credential_key, recommendation_key
from ..models import LearningPlan, PlanItem, Suggestion
from ..reasons import aligned_args, area_args, reason_text
from .planning import check_micro_credential, lock_plan, require_owner, touch
from .templates import plan_places, plans_for, published_by_slug


def held_slugs(owner_ids: list[int]) -> set[tuple[int, str]]:
    """Return (person, micro-credential slug) for every credential they hold, unrevoked."""
    return set(
        Award.objects.filter(earner_id__in=owner_ids, revoked_at__isnull=True).values_list(
            "earner_id", "micro_credential__slug"
        )
    )


def save_new(suggestions: list[Suggestion], plans: list[LearningPlan]) -> int:
    """Save suggestions the plans have never had and whose thing is not in them yet."""
    taken = set(
        Suggestion.objects.filter(plan__in=plans).values_list("plan_id", "target_key")
    ) | set(
        PlanItem.objects.filter(plan__in=plans)
        .exclude(source_key="")
        .values_list("plan_id", "source_key")
    )
    fresh = []
    for suggestion in suggestions:
        key = (suggestion.plan_id, suggestion.target_key)
        if key not in taken:
            taken.add(key)
            fresh.append(suggestion)
    Suggestion.objects.bulk_create(fresh, ignore_conflicts=True)
    return len(fresh)


def reasoned(args: dict[str, str]) -> dict:
    """Return a suggestion's reason fields: the facts, and the sentence in English for records."""
    with translation.override(settings.LANGUAGE_CODE):
        return {"reason_args": args, "reason": reason_text(args)}


@transaction.atomic
def suggest_from_assessment(assessment: Assessment, by: Person) -> int:
    """Propose, to each team member, the recommendations for their role in the growth areas."""
    if not can_lead(by, assessment.organisation):
        raise ActionError(_("Only a leader of the school can turn its assessment into plans."))
    report = build_team_report(assessment)
    areas = [(a, "growth") for a in report.section("growth")]
    areas += [(a, "differ") for a in report.section("differ")]
    if not areas:
        raise ActionError(
            _("This assessment has no growth areas yet; wait until members have submitted.")
        )
    members = report.members
    places = plan_places(assessment.organisation, [m.person for m in members])
    for member in members:
        # A district policymaker on a school's team keeps the plan at the district.
        places.setdefault(member.person_id, assessment.organisation_id)
    plans = plans_for(places)
    slugs = [
        s
        for a, _c in areas
        for recs in a.recommendations.values()
        for r in recs
        for s in r.micro_credentials
    ]
    mcs = published_by_slug(slugs)
    held = held_slugs(list(plans))
    suggestions = []
    for member in members:
        plan = plans[member.person_id]
        for area, category in areas:
            for rec in area.recommendations.get(member.role, []):
                suggestions.append(
                    Suggestion(
                        plan=plan,
                        kind=PlanItem.Kind.EXPERIENCE,
                        title=rec.text[:500],
                        **reasoned(area_args(category, area.area.title, member.role)),
                        source=Suggestion.Source.GROWTH_AREA,
                        target_key=recommendation_key(rec.pk),
                        assessment=assessment,
                    )
                )
                for slug in rec.micro_credentials:
                    mc = mcs.get(slug)
                    if mc is None or (member.person_id, slug) in held:
                        continue
                    suggestions.append(
                        Suggestion(
                            plan=plan,
                            kind=PlanItem.Kind.MICRO_CREDENTIAL,
                            title=mc.title,
                            micro_credential=mc,
                            **reasoned(area_args(category, area.area.title, member.role)),
                            source=Suggestion.Source.GROWTH_AREA,
                            target_key=micro_credential_key(slug),
                            assessment=assessment,
                        )
                    )
    return save_new(suggestions, list(plans.values()))


def covering_targets(plan: LearningPlan) -> dict[int, Competency]:
    """Return each target competency, and every competency below one, mapped to the target."""
    targets = {t.competency_id: t.competency for t in plan.targets.select_related("competency")}
    if not targets:
        return {}
    below = Q(pk__in=[])
    for competency_id in targets:
        below |= Q(ancestors__contains=f"/{competency_id}/")
    covered = dict(targets)
    for competency in Competency.objects.filter(below, retired_at__isnull=True).only(
        "pk", "ancestors"
    ):
        for ancestor in reversed(competency.ancestor_ids()):
            if ancestor in targets:
                covered[competency.pk] = targets[ancestor]
                break
    return covered


@transaction.atomic
def suggest_for_targets(plan: LearningPlan, by: Person) -> int:
    """Propose published micro-credentials aligned to the plan's target competencies."""
    require_owner(plan, by)
    covered = covering_targets(plan)
    if not covered:
        raise ActionError(
            _("Add a target competency first; suggestions are aligned to them."), "competency"
        )
    links = MicroCredential.competencies.through.objects.filter(
        competency_id__in=list(covered), microcredential__status=MicroCredential.Status.PUBLISHED
    ).select_related("microcredential")
    held = held_slugs([plan.owner_id])
    suggestions = []
    for link in links:
        mc, target = link.microcredential, covered[link.competency_id]
        if (plan.owner_id, mc.slug) in held:
            continue
        suggestions.append(
            Suggestion(
                plan=plan,
                kind=PlanItem.Kind.MICRO_CREDENTIAL,
                title=mc.title,
                micro_credential=mc,
                **reasoned(aligned_args(target.name)),
                source=Suggestion.Source.TARGET_COMPETENCY,
                target_key=micro_credential_key(mc.slug),
            )
        )
    suggestions += learning_suggestions(plan, covered)
    return save_new(suggestions, [plan])


def completed_experience_ids(owner_id: int) -> set[int]:
    """Return the leadership experiences the person has completed."""
    return set(
        ExperienceEnrolment.objects.filter(
            person_id=owner_id, status=ExperienceEnrolment.Status.COMPLETED
        ).values_list("experience_id", flat=True)
    )


def learning_suggestions(plan: LearningPlan, covered: dict[int, Competency]) -> list[Suggestion]:
    """Return resources and offered experiences aligned to the targets (one query each).

    Only the shared library and that of the plan's organisation and those above it count;
    experiences the owner has completed are left out.
    """
    above = plan.organisation.ancestor_ids()
    completed = completed_experience_ids(plan.owner_id)
    found = []
    for kind, model, field in (
        (PlanItem.Kind.RESOURCE, Resource, "resource"),
        (PlanItem.Kind.EXPERIENCE, LeadershipExperience, "leadershipexperience"),
    ):
        places = Q(**{f"{field}__organisation__isnull": True}) | Q(
            **{f"{field}__organisation_id__in": above}
        )
        rows = (
            model.competencies.through.objects.filter(places, competency_id__in=list(covered))
            .exclude(**{f"{field}__status": "retired"} if kind == "experience" else {})
            .select_related(field)
        )
        for row in rows:
            obj = getattr(row, field)
            if kind == PlanItem.Kind.EXPERIENCE and obj.pk in completed:
                continue
            found.append(
                Suggestion(
                    plan=plan,
                    kind=kind,
                    title=obj.title[:500],
                    **reasoned(aligned_args(covered[row.competency_id].name)),
                    source=Suggestion.Source.TARGET_COMPETENCY,
                    target_key=learning_object_key(kind, obj),
                    **{kind: obj},
                )
            )
    return found


def require_proposed(suggestion: Suggestion, by: Person) -> None:
    require_owner(suggestion.plan, by)
    if suggestion.status != Suggestion.Status.PROPOSED:
        if suggestion.status == Suggestion.Status.ACCEPTED:
            raise ActionError(_("You already accepted this suggestion."))
        raise ActionError(_("You already dismissed this suggestion."))


@transaction.atomic
def accept_suggestion(suggestion: Suggestion, by: Person) -> tuple[PlanItem, bool]:
    """Turn the suggestion into a plan item; return it, and False if it was already there."""
    lock_plan(suggestion.plan_id)
    suggestion = (
        # Lock only the suggestion row: PostgreSQL cannot lock the nullable side of a join.
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("plan", "micro_credential", "resource", "experience")
        .get(pk=suggestion.pk)
    )
    require_proposed(suggestion, by)
    if suggestion.kind == PlanItem.Kind.MICRO_CREDENTIAL:
        check_micro_credential(suggestion.micro_credential)
    item = PlanItem.objects.filter(plan=suggestion.plan, source_key=suggestion.target_key).first()
    added = item is None
    if added:
        item = PlanItem.objects.create(
            plan=suggestion.plan,
            kind=suggestion.kind,
            title=suggestion.title,
            micro_credential=suggestion.micro_credential,
            resource=suggestion.resource,
            experience=suggestion.experience,
            origin=PlanItem.Origin.SUGGESTION,
            source_key=suggestion.target_key,
            start_on=timezone.localdate(),
        )
    suggestion.status, suggestion.item = Suggestion.Status.ACCEPTED, item
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "item", "decided_at"])
    touch(suggestion.plan)
    return item, added


@transaction.atomic
def dismiss_suggestion(suggestion: Suggestion, by: Person) -> Suggestion:
    """Set the suggestion aside for good; it is never proposed to this plan again."""
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("plan")
        .get(pk=suggestion.pk)
    )
    require_proposed(suggestion, by)
    suggestion.status, suggestion.decided_at = Suggestion.Status.DISMISSED, timezone.now()
    suggestion.save(update_fields=["status", "decided_at"])
    return suggestion
