from .instruments import Criterion, FocusArea, FocusGroup, Instrument, Recommendation
from .team import AreaAgreement, Assessment, NextStep, Rating, Response, TeamMember

__all__ = [
    "AreaAgreement",
    "Assessment",
    "Criterion",
    "FocusArea",
    "FocusGroup",
    "Instrument",
    "NextStep",
    "Rating",
    "Recommendation",
    "Response",
    "TeamMember",
]
