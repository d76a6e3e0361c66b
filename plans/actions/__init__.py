"""Every write to learning plans; each action is atomic and raises ActionError on bad input."""

from .planning import add_goal, add_item, add_target_competency, start_plan, update_item
from .progress import (
    complete_items_for_awards,
    complete_items_for_experience,
    reopen_items_for_experience,
    reopen_items_for_revocation,
)
from .suggesting import (
    accept_suggestion,
    dismiss_suggestion,
    suggest_for_targets,
    suggest_from_assessment,
)
from .templates import assign_template

__all__ = [
    "accept_suggestion",
    "add_goal",
    "add_item",
    "add_target_competency",
    "assign_template",
    "complete_items_for_awards",
    "complete_items_for_experience",
    "dismiss_suggestion",
    "reopen_items_for_experience",
    "reopen_items_for_revocation",
    "start_plan",
    "suggest_for_targets",
    "suggest_from_assessment",
    "update_item",
]
