"""The one permission-checked way to reach learning plans, their items and suggestions.

A plan is its owner's. Leaders (administrators, policymakers) of the plan's organisation may
read it, but never the owner's private notes; nobody else learns that it exists.
"""

from django.db.models import QuerySet
from django.http import Http404

from organisations.access import can_lead, get_led_organisation_for_user
from organisations.models import Organisation, Person

from .models import LearningPlan, PlanItem, Suggestion


def get_plan_for_user(user: Person, plan_id: int) -> LearningPlan:
    """Return a plan the user owns or leads; others are "not found"."""
    plan = (
        LearningPlan.objects.select_related("owner", "organisation").filter(pk=plan_id).first()
        if user.is_authenticated
        else None
    )
    if plan is None or not (plan.owner_id == user.pk or can_lead(user, plan.organisation)):
        raise Http404("No such learning plan.")
    return plan


def get_own_plan(user: Person, plan_id: int) -> LearningPlan:
    """Return one of the user's own plans."""
    plan = get_plan_for_user(user, plan_id)
    if plan.owner_id != user.pk:
        raise Http404("No such learning plan.")
    return plan


def plans_of(user: Person) -> QuerySet[LearningPlan]:
    return LearningPlan.objects.filter(owner=user).select_related("organisation")


def get_own_item(user: Person, item_id: int) -> PlanItem:
    """Return an item of one of the user's own plans."""
    item = (
        PlanItem.objects.select_related("plan", "micro_credential")
        .filter(pk=item_id, plan__owner=user)
        .first()
        if user.is_authenticated
        else None
    )
    if item is None:
        raise Http404("No such plan item.")
    return item


def get_own_suggestion(user: Person, suggestion_id: int) -> Suggestion:
    """Return a suggestion made to one of the user's own plans."""
    suggestion = (
        Suggestion.objects.select_related("plan", "micro_credential")
        .filter(pk=suggestion_id, plan__owner=user)
        .first()
        if user.is_authenticated
        else None
    )
    if suggestion is None:
        raise Http404("No such suggestion.")
    return suggestion


def get_led_organisation(user: Person, organisation_id: int) -> Organisation:
    """Return an organisation whose plans the user may follow as a leader."""
    if not user.is_authenticated:
        raise Http404("No such organisation.")
    return get_led_organisation_for_user(user, organisation_id)


def plans_under(organisation: Organisation) -> QuerySet[LearningPlan]:
    """Return the plans kept in the organisation or anywhere below it."""
    return LearningPlan.objects.filter(organisation__path__startswith=organisation.path)
