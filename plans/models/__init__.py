from .plans import Goal, LearningPlan, PlanItem, TargetCompetency
from .suggestions import Suggestion
from .templates import PlanTemplate

__all__ = [
    "Goal",
    "LearningPlan",
    "PlanItem",
    "PlanTemplate",
    "Suggestion",
    "TargetCompetency",
]
