"""Start a plan and change it: goals, target competencies, items and their progress."""

from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from credentials.models import MicroCredential
from frameworks.models import Competency, ProficiencyLevel
from learning.models import LeadershipExperience, Playlist, Resource
from lib.errors import ActionError
from organisations.access import can_lead, can_see, memberships_of
from organisations.models import Organisation, Person

from ..keys import learning_object_key, micro_credential_key
from ..models import Goal, LearningPlan, PlanItem, Suggestion, TargetCompetency
from .progress import complete_items_already_earned

GOAL_LIMIT = 1000


def require_owner(plan: LearningPlan, by: Person) -> None:
    if plan.owner_id != by.pk:
        raise ActionError(_("Only the plan's owner can change it."))


def touch(plan: LearningPlan) -> None:
    LearningPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())


def lock_plan(plan_id: int) -> None:
    """Lock the plan's row, which guards "each thing at most once in a plan".

    Adding the same thing twice at once (a double click, or a suggestion accepted while the
    item is added by hand) then takes turns, and the second finds the first's item.
    """
    LearningPlan.objects.select_for_update().get(pk=plan_id)


def settle_suggestions(plan_ids: list[int]) -> int:
    """Mark proposed suggestions whose thing is now an item as accepted with it (one update).

    However the item arrived (added by hand, from a template, through another suggestion),
    the suggestion is answered: proposing what the plan already holds would be noise.
    """
    same_thing = PlanItem.objects.filter(
        plan_id=OuterRef("plan_id"), source_key=OuterRef("target_key")
    )
    return (
        Suggestion.objects.filter(plan_id__in=plan_ids, status=Suggestion.Status.PROPOSED)
        .filter(Exists(same_thing))
        .update(
            status=Suggestion.Status.ACCEPTED,
            item=Subquery(same_thing.values("pk")[:1]),
            decided_at=timezone.now(),
        )
    )


@transaction.atomic
def start_plan(owner: Person, organisation: Organisation) -> LearningPlan:
    """Return the owner's plan in one of their organisations, starting it if needed."""
    if organisation.pk not in {m.organisation_id for m in memberships_of(owner)}:
        raise ActionError(
            _("You can keep a plan only in an organisation you belong to; choose one of yours."),
            field="organisation",
        )
    plan, _created = LearningPlan.objects.get_or_create(owner=owner, organisation=organisation)
    return plan


@transaction.atomic
def add_goal(plan: LearningPlan, text: str, by: Person) -> Goal:
    """Add a goal: the owner's own, or one set with them by a leader of their school."""
    text = (text or "").strip()
    if not text:
        raise ActionError(_("Write the goal in a sentence or two."), field="text")
    if len(text) > GOAL_LIMIT:
        raise ActionError(
            _("Keep the goal under %(n)s characters; split a long one in two.") % {"n": GOAL_LIMIT},
            field="text",
        )
    if plan.owner_id == by.pk:
        origin = Goal.Origin.OWN
    elif can_lead(by, plan.organisation):
        origin = Goal.Origin.WITH_ADMINISTRATOR
    else:
        raise ActionError(_("Only the plan's owner or a leader of their school can add goals."))
    goal = Goal.objects.create(plan=plan, text=text, origin=origin, set_by=by)
    touch(plan)
    return goal


@transaction.atomic
def add_target_competency(
    plan: LearningPlan, competency: Competency, level: ProficiencyLevel, by: Person
) -> TargetCompetency:
    """Aim for a level of a competency; choosing the competency again changes the level."""
    require_owner(plan, by)
    if competency.retired_at:
        raise ActionError(
            _("“%(c)s” was removed from its framework; choose a current competency.")
            % {"c": competency.name},
            field="competency",
        )
    if level.framework_id != competency.framework_id:
        raise ActionError(
            _("Choose a level from the framework that “%(c)s” belongs to.")
            % {"c": competency.name},
            field="level",
        )
    target, _created = TargetCompetency.objects.update_or_create(
        plan=plan, competency=competency, defaults={"level": level}
    )
    touch(plan)
    return target


def check_dates(start_on: date | None, due_on: date | None) -> None:
    if start_on and due_on and due_on < start_on:
        raise ActionError(
            _("The due date comes before the start date; move one of them."), "due_on"
        )


def check_micro_credential(micro_credential: MicroCredential | None) -> MicroCredential:
    if micro_credential is None:
        raise ActionError(_("Choose the micro-credential to work on."), field="micro_credential")
    if micro_credential.status == MicroCredential.Status.RETIRED:
        raise ActionError(
            _(
                "“%(t)s” has been retired by its issuer and can no longer be earned; "
                "choose its current version or another micro-credential."
            )
            % {"t": micro_credential.title},
            field="micro_credential",
        )
    if not micro_credential.is_published:
        raise ActionError(
            _("“%(t)s” is not published yet; choose a published micro-credential.")
            % {"t": micro_credential.title},
            field="micro_credential",
        )
    return micro_credential


def learning_object(
    kind: str, by: Person, resource=None, playlist=None, experience=None
) -> Resource | Playlist | LeadershipExperience | None:
    """Return the resource, playlist or experience the item points to, checking it may."""
    chosen = {"resource": resource, "playlist": playlist, "experience": experience}.get(kind)
    if chosen is None:
        return None
    if kind == PlanItem.Kind.PLAYLIST:
        shared = chosen.visibility == Playlist.Visibility.SHARED
        if chosen.owner_id != by.pk and not (shared and can_see(by, chosen.organisation)):
            raise ActionError(_("Choose one of your playlists or one shared with you."), "playlist")
        return chosen
    if chosen.organisation_id and not can_see(by, chosen.organisation):
        raise ActionError(_("Choose something from your organisation's library."), field=kind)
    if kind == PlanItem.Kind.EXPERIENCE and not chosen.is_offered:
        raise ActionError(
            _("“%(t)s” is no longer offered; choose another leadership experience.")
            % {"t": chosen.title},
            field="experience",
        )
    return chosen


@transaction.atomic
def add_item(
    plan: LearningPlan,
    by: Person,
    kind: str,
    title: str = "",
    micro_credential: MicroCredential | None = None,
    start_on: date | None = None,
    due_on: date | None = None,
    note: str = "",
    resource: Resource | None = None,
    playlist: Playlist | None = None,
    experience: LeadershipExperience | None = None,
) -> PlanItem:
    """Add an item the owner chose; the same thing appears at most once in a plan."""
    require_owner(plan, by)
    lock_plan(plan.pk)
    if kind not in PlanItem.Kind.values:
        raise ActionError(_("Choose what kind of item this is."), field="kind")
    title = (title or "").strip()
    source_key = ""
    linked = learning_object(kind, by, resource, playlist, experience)
    if linked is not None:
        title = title or linked.title
        source_key = learning_object_key(kind, linked)
        if PlanItem.objects.filter(plan=plan, source_key=source_key).exists():
            raise ActionError(
                _("“%(t)s” is already in your plan; change its status there instead.")
                % {"t": linked.title},
                field=kind,
            )
    if kind == PlanItem.Kind.MICRO_CREDENTIAL:
        micro_credential = check_micro_credential(micro_credential)
        title = title or micro_credential.title
        source_key = micro_credential_key(micro_credential.slug)
        if PlanItem.objects.filter(plan=plan, source_key=source_key).exists():
            raise ActionError(
                _("“%(t)s” is already in your plan; change its status there instead.")
                % {"t": micro_credential.title},
                field="micro_credential",
            )
    else:
        micro_credential = None
    if not title:
        raise ActionError(_("Give the item a title, for example the book or the task."), "title")
    if len(title) > 500:
        raise ActionError(_("Keep the title under 500 characters."), field="title")
    check_dates(start_on, due_on)
    item = PlanItem.objects.create(
        plan=plan,
        kind=kind,
        title=title,
        micro_credential=micro_credential,
        resource=linked if kind == PlanItem.Kind.RESOURCE else None,
        playlist=linked if kind == PlanItem.Kind.PLAYLIST else None,
        experience=linked if kind == PlanItem.Kind.EXPERIENCE else None,
        start_on=start_on,
        due_on=due_on,
        note=(note or "").strip(),
        source_key=source_key,
    )
    if complete_items_already_earned([plan.pk]):
        item.refresh_from_db(fields=["status", "completed_at", "updated_at"])
    if source_key:
        settle_suggestions([plan.pk])
    touch(plan)
    return item


@transaction.atomic
def update_item(
    item: PlanItem,
    by: Person,
    status: str,
    start_on: date | None = None,
    due_on: date | None = None,
    note: str | None = None,
) -> PlanItem:
    """Record progress on an item: its status, dates and the owner's private note."""
    require_owner(item.plan, by)
    # Plan first, then its items, in every action that changes them: no lock-order deadlock.
    lock_plan(item.plan_id)
    if status not in PlanItem.Status.values:
        raise ActionError(_("Choose one of the statuses offered."), field="status")
    check_dates(start_on, due_on)
    now = timezone.now()
    if status == PlanItem.Status.DONE and item.status != PlanItem.Status.DONE:
        item.completed_at = now
    elif status != PlanItem.Status.DONE:
        item.completed_at = None
    item.status, item.start_on, item.due_on, item.updated_at = status, start_on, due_on, now
    fields = ["status", "start_on", "due_on", "updated_at", "completed_at"]
    if note is not None:
        item.note = note.strip()
        fields.append("note")
    item.save(update_fields=fields)
    touch(item.plan)
    return item
