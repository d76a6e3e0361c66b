"""Build issuers, micro-credentials and submissions for tests."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from credentials import actions
from credentials.models import Issuer, MicroCredential, Requirement, Reviewer, Submission
from organisations.actions import create_organisation
from organisations.models import Organisation, Person

# The smallest valid PNG: a signature, IHDR, IDAT and IEND.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082"
)


def png(name: str = "lesson.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def make_issuer(
    parent: Organisation | None = None, name: str = "Teacher Leadership Network"
) -> Issuer:
    organisation = create_organisation(name, Organisation.Kind.NONPROFIT, parent)
    return actions.create_issuer(organisation)


SAMPLE: dict[str, Any] = {
    "title": "Cultivating a Shared Purpose",
    "competency": "The educator brings colleagues together to write a shared vision.",
    "key_method": "Co-create a vision with the people who will carry it out.",
    "method_components": ["Gather the team", "Draft the vision together"],
    "research": "Shared goals predict collective efficacy.",
    "resources": [{"title": "Leading in a Culture of Change", "kind": "book", "url": ""}],
    "competency_tags": ["vision-and-strategy"],
    "requirements": [
        {
            "kind": "overview",
            "title": "Overview questions",
            "prompt": "Describe your team and context.",
            "scoring_guide": {"earned": "Clear context.", "not_yet": "Context missing."},
        },
        {
            "kind": "artifact",
            "title": "Meeting agenda",
            "prompt": "Upload the agenda of the visioning meeting.",
            "accepted": ["document", "image", "link"],
            "scoring_guide": {"earned": "Agenda shows co-creation.", "not_yet": "Top-down agenda."},
        },
        {
            "kind": "reflection",
            "title": "Reflection",
            "prompt": "What did you learn?",
            "scoring_guide": {"earned": "Specific learning.", "not_yet": "Generic."},
        },
    ],
}


def publish_sample(issuer: Issuer, **options) -> MicroCredential:
    data = {**SAMPLE, **options}
    return actions.publish(actions.create_micro_credential(issuer, data))


def approve(issuer: Issuer, person: Person, kind: str = Reviewer.Kind.EXPERT) -> Reviewer:
    return actions.add_reviewer(issuer, person, kind, person)


def complete_submission(
    micro_credential: MicroCredential, earner: Person, public: bool = True
) -> Submission:
    """Start, answer every part and submit; return the submitted submission."""
    submission = actions.start_submission(micro_credential, earner)
    for requirement in micro_credential.requirements.all():
        if requirement.kind == Requirement.Kind.ARTIFACT:
            actions.add_artifact(submission, requirement, png(), "Agenda", is_public=public)
        else:
            actions.save_answer_text(submission, requirement, "A thoughtful answer.")
    return actions.submit_for_review(submission, earner)


def review_all(
    submission: Submission, reviewer: Person, met: bool = True, feedback: str = "Good work."
):
    review = submission.reviews.get(reviewer=reviewer, round=submission.round)
    scores = {r.pk: (met, "") for r in submission.micro_credential.requirements.all()}
    return actions.record_review(review, reviewer, scores, feedback)
