"""Demo plans: Clarendon's demo teacher and colleagues, with items in every status."""

from datetime import timedelta

from django.utils import timezone

from assessments.models import Assessment
from credentials.models import MicroCredential
from lib.errors import ActionError

from . import actions
from .content_loader import load_plan_templates
from .models import Goal, LearningPlan, PlanItem, PlanTemplate, Suggestion

STATUS_CYCLE = [
    PlanItem.Status.DONE,
    PlanItem.Status.IN_PROGRESS,
    PlanItem.Status.NOT_STARTED,
    PlanItem.Status.IN_PROGRESS,
    PlanItem.Status.DROPPED,
    PlanItem.Status.NOT_STARTED,
]


def build_plans(districts) -> None:
    """Assign a template at Clarendon's first school and move the plans along."""
    load_plan_templates()
    clarendon = next(d for d in districts if d.prefix == "clarendon")
    school = clarendon.schools[0]
    teacher, principal = clarendon.accounts["teacher"], clarendon.accounts["principal"]
    colleagues = clarendon.teachers[school.pk][1:9]
    template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
    actions.assign_template(template, school, [teacher, *colleagues[:5]], principal)
    coach = PlanTemplate.objects.get(slug="instructional-coach")
    actions.assign_template(coach, school, colleagues[5:8], principal)
    plan = LearningPlan.objects.get(owner=teacher, organisation=school)
    actions.add_goal(plan, "Open my classroom for two learning walks each term.", teacher)
    actions.add_goal(
        plan, "Share what I learn about time for collaboration at a staff meeting.", teacher
    )
    earned = MicroCredential.objects.filter(
        slug="assessing-how-time-is-currently-used", status=MicroCredential.Status.PUBLISHED
    ).first()
    if earned:
        # Already earned in the credentials demo: the item arrives done by itself.
        actions.add_item(plan, teacher, PlanItem.Kind.MICRO_CREDENTIAL, micro_credential=earned)
    _move_along(LearningPlan.objects.filter(organisation=school))
    # The school's team assessments (this year's and last year's) turn into suggestions.
    for assessment in Assessment.objects.filter(organisation=school).order_by("-created_at"):
        try:
            actions.suggest_from_assessment(assessment, principal)
        except ActionError:
            continue  # no submitted answers yet, so no growth areas
    actions.suggest_for_targets(plan, teacher)
    # The demo teacher has already turned one suggestion down; it stays down.
    first = Suggestion.objects.filter(plan=plan, status=Suggestion.Status.PROPOSED).first()
    if first:
        actions.dismiss_suggestion(first, teacher)
    Goal.objects.filter(plan__organisation=school, origin=Goal.Origin.WITH_ADMINISTRATOR).update(
        created_at=timezone.now() - timedelta(days=40)
    )


def _move_along(plans) -> None:
    """Give the items statuses, dates and update times that tell a story (one bulk update)."""
    now, today = timezone.now(), timezone.localdate()
    items = list(PlanItem.objects.filter(plan__in=plans).order_by("plan_id", "start_on", "pk"))
    for index, item in enumerate(items):
        if item.status == PlanItem.Status.DONE:
            continue
        item.status = STATUS_CYCLE[index % len(STATUS_CYCLE)]
        item.start_on = today - timedelta(weeks=10) + timedelta(weeks=index % 12)
        item.due_on = item.start_on + timedelta(weeks=6)
        # Some work in progress went quiet weeks ago: the school view shows it as stalled.
        quiet = index % 4 == 1
        item.updated_at = now - timedelta(days=45 if quiet else index % 10)
        item.completed_at = now - timedelta(days=3) if item.status == PlanItem.Status.DONE else None
    PlanItem.objects.bulk_update(
        items, ["status", "start_on", "due_on", "updated_at", "completed_at"], batch_size=500
    )
