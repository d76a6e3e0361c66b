"""Every write to assessments goes through these functions; each is atomic."""

from .answering import save_answer, submit_answers, unanswered_criteria
from .discussion import add_next_step, record_agreement, set_next_step_done
from .instruments import copy_instrument, edit_criterion
from .team import add_team_members, set_assessment_status, start_assessment

__all__ = [
    "add_next_step",
    "add_team_members",
    "copy_instrument",
    "edit_criterion",
    "record_agreement",
    "save_answer",
    "set_assessment_status",
    "set_next_step_done",
    "start_assessment",
    "submit_answers",
    "unanswered_criteria",
]
