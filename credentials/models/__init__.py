from .awards import Award, AwardBatch, StatusList
from .catalogue import MicroCredential, Requirement, Stack
from .earning import Answer, Artifact, Submission, SubmissionEvent, SubmissionRound
from .issuers import Issuer, Reviewer, SigningKey
from .reviewing import RequirementScore, Review

__all__ = [
    "Answer",
    "Artifact",
    "Award",
    "AwardBatch",
    "Issuer",
    "MicroCredential",
    "Requirement",
    "RequirementScore",
    "Review",
    "Reviewer",
    "SigningKey",
    "Stack",
    "StatusList",
    "Submission",
    "SubmissionEvent",
    "SubmissionRound",
]
