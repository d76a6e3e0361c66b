from .cohorts import Cohort, CohortMembership, CohortPost
from .experiences import ExperienceEnrolment, LeadershipExperience
from .resources import Playlist, PlaylistItem, Resource

__all__ = [
    "Cohort",
    "CohortMembership",
    "CohortPost",
    "ExperienceEnrolment",
    "LeadershipExperience",
    "Playlist",
    "PlaylistItem",
    "Resource",
]
