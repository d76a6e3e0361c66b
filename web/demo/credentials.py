"""An issuer with the starter catalogue, reviewers, and submissions in every state."""

import random

from django.core.files.uploadedfile import SimpleUploadedFile

from credentials import actions
from credentials.content_loader import publish_starter_catalogue
from credentials.models import MicroCredential, Requirement, Reviewer, Submission
from organisations.actions import add_member, create_organisation
from organisations.models import Organisation, Person, Role

from .organisations import DEMO_DOMAIN, DemoDistrict, demo_password_hash

# A one-pixel PNG stands in for a photographed lesson plan or agenda.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082"
)
ANSWER = (
    "Our grade-level team met four times this term. I drafted the agenda with two colleagues, "
    "we tried the protocol with our own students, and we compared the results together."
)
FEEDBACK_NOT_YET = (
    "The agenda shows the meeting you planned, but not how colleagues shaped the outcome. "
    "Add the notes or a summary of the decisions the team made together, and resubmit."
)


def _account(email: str, given: str, family: str, organisation: Organisation, role: str) -> Person:
    person = Person.objects.create(
        email=email, given_name=given, family_name=family, password=demo_password_hash()
    )
    add_member(person, organisation, role)
    return person


def _evidence(submission: Submission, complete: bool = True) -> None:
    for requirement in submission.micro_credential.requirements.all():
        if requirement.kind == Requirement.Kind.ARTIFACT:
            if "image" in requirement.accepted:
                upload = SimpleUploadedFile("agenda.png", PNG, content_type="image/png")
            else:
                upload = SimpleUploadedFile("notes.txt", ANSWER.encode(), content_type="text/plain")
            actions.add_artifact(submission, requirement, upload, "Team meeting agenda", True)
        elif complete or requirement.kind == Requirement.Kind.OVERVIEW:
            actions.save_answer_text(submission, requirement, ANSWER)


def _review(submission: Submission, met: bool, feedback: str) -> None:
    for review in submission.reviews.filter(round=submission.round, completed_at__isnull=True):
        scores = {r.pk: (met, "") for r in submission.micro_credential.requirements.all()}
        actions.record_review(review, review.reviewer, scores, feedback)


def _earn(micro_credential: MicroCredential, earner: Person) -> Submission:
    submission = actions.start_submission(micro_credential, earner)
    _evidence(submission)
    actions.submit_for_review(submission, earner)
    _review(submission, True, "Clear evidence of the competency in your own school. Well done.")
    return submission


def build_credentials(districts: list[DemoDistrict], seed: int = 11) -> None:
    """Publish the catalogue and give the demo people work at every stage."""
    rng = random.Random(seed)
    network = create_organisation(
        "Teacher Leadership Network",
        Organisation.Kind.NONPROFIT,
        description="A nonprofit that issues micro-credentials for collective leadership.",
    )
    issuer = actions.create_issuer(network)
    _account(f"issuer@{DEMO_DOMAIN}", "Irene", "Ibarra", network, Role.POLICYMAKER)
    reviewer = _account(f"reviewer@{DEMO_DOMAIN}", "Rosa", "Reyes", network, Role.TEACHER)
    actions.add_reviewer(issuer, reviewer, Reviewer.Kind.EXPERT, reviewer)
    catalogue = {mc.slug: mc for mc in publish_starter_catalogue(issuer)}
    by_prefix = {d.prefix: d for d in districts}

    clarendon = by_prefix["clarendon"].accounts["teacher"]
    _earn(catalogue["assessing-how-time-is-currently-used"], clarendon)
    draft = actions.start_submission(catalogue["cultivating-a-shared-purpose"], clarendon)
    _evidence(draft, complete=False)
    not_yet = actions.start_submission(catalogue["collaborative-coaching"], clarendon)
    _evidence(not_yet)
    actions.submit_for_review(not_yet, clarendon)
    _review(not_yet, False, FEEDBACK_NOT_YET)

    pomona = by_prefix["pomona"].accounts["teacher"]
    waiting = actions.start_submission(catalogue["building-your-team"], pomona)
    _evidence(waiting)
    actions.submit_for_review(waiting, pomona)
    _earn(catalogue["collaborating-with-administration"], pomona)

    jefferson = by_prefix["jefferson"].accounts["teacher"]
    for slug in (
        "fostering-a-collaborative-learning-culture",
        "understanding-your-leadership-strengths",
    ):
        _earn(catalogue[slug], jefferson)

    # Teacher leaders across the districts hold credentials, so expertise can be found.
    earned = []
    for demo in districts:
        teachers = [p for people in demo.teachers.values() for p in people[:3]]
        for person in rng.sample(teachers, min(len(teachers), 18)):
            earned.append(_earn(rng.choice(list(catalogue.values())), person))
    for submission in earned[:3]:
        actions.revoke_credential(
            submission.award, network_manager(network), "Issued by mistake to the wrong person."
        )


def network_manager(network: Organisation) -> Person:
    return Person.objects.get(memberships__organisation=network, memberships__role=Role.POLICYMAKER)
