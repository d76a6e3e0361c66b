"""An issuer with the starter catalogue, reviewers, and submissions in every state."""

import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from organisations.actions import add_member, create_organisation
from organisations.demo import DEMO_DOMAIN, DemoDistrict, demo_password_hash
from organisations.models import Organisation, Person, Role

from . import actions, keystore
from .actions.awarding import issue_awards
from .content_loader import publish_starter_catalogue
from .models import (
    Artifact,
    Issuer,
    MicroCredential,
    Requirement,
    Review,
    Reviewer,
    Submission,
)

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


def _review_one(review: Review, met: bool) -> None:
    requirements = review.submission.micro_credential.requirements.all()
    scores = {r.pk: (met, "" if met else "Show how colleagues shaped it.") for r in requirements}
    feedback = FEEDBACK_EARNED if met else FEEDBACK_NOT_YET
    actions.record_review(review, review.reviewer, scores, feedback)


FEEDBACK_EARNED = "Clear evidence of the competency in your own school. Well done."


def _earn(micro_credential: MicroCredential, earner: Person) -> Submission:
    submission = actions.start_submission(micro_credential, earner)
    _evidence(submission)
    actions.submit_for_review(submission, earner)
    _review(submission, True, FEEDBACK_EARNED)
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

    peers = [p for d in districts for people in d.teachers.values() for p in people[3:6]]
    rng.shuffle(peers)
    _double_reviews(issuer, network, catalogue, peers[:8])
    _resubmission(catalogue["collaboration-for-continuous-improvement"], peers[8])
    _expired(catalogue["social-and-emotional-learning-and-trauma-informed-approaches"], peers[9])
    actions.create_stack(
        issuer,
        {
            "title": "Team Leadership Stack",
            "description": "Shared purpose, a team, and time to work together: the start of "
            "teacher-led collaboration.",
            "micro_credential_slugs": [
                "cultivating-a-shared-purpose",
                "building-your-team",
                "assessing-how-time-is-currently-used",
            ],
        },
        network_manager(network),
    )
    _district_issuer(by_prefix["jefferson"], catalogue["collaborative-coaching"], rng)
    _spread_review_times(rng)


def _double_reviews(
    issuer: Issuer, network: Organisation, catalogue: dict, earners: list[Person]
) -> None:
    """Blind, double review with three reviewers: pairs that agree, and two tie-breaks."""
    for email, given, family in (
        (f"reviewer2@{DEMO_DOMAIN}", "Marcus", "Lee"),
        (f"reviewer3@{DEMO_DOMAIN}", "Priya", "Shah"),
    ):
        person = _account(email, given, family, network, Role.TEACHER)
        actions.add_reviewer(issuer, person, Reviewer.Kind.EXPERT, network_manager(network))
    mc = catalogue["building-your-team"]
    MicroCredential.objects.filter(pk=mc.pk).update(blind_review=True, double_review=True)
    mc.refresh_from_db()
    # (first reviewer, second reviewer, tie-break): earned is True.
    verdicts = [
        (True, True, None),
        (True, True, None),
        (False, False, None),
        (True, False, True),
        (False, True, False),
        (True, True, None),
        (False, False, None),
        (True, False, True),
    ]
    for earner, (first, second, tiebreak) in zip(earners, verdicts, strict=False):
        submission = actions.start_submission(mc, earner)
        _evidence(submission)
        actions.submit_for_review(submission, earner)
        one, two = submission.reviews.filter(round=1, is_tiebreak=False)
        _review_one(one, first)
        _review_one(two, second)
        if tiebreak is not None:
            _review_one(submission.reviews.get(round=1, is_tiebreak=True), tiebreak)


def _resubmission(micro_credential: MicroCredential, earner: Person) -> None:
    """A "not yet", a revision that replaces the agenda, and an earned second round."""
    submission = actions.start_submission(micro_credential, earner)
    _evidence(submission)
    actions.submit_for_review(submission, earner)
    _review(submission, False, FEEDBACK_NOT_YET)
    submission.refresh_from_db()
    for requirement in micro_credential.requirements.all():
        if requirement.kind == Requirement.Kind.ARTIFACT:
            for artifact in Artifact.objects.filter(submission=submission, requirement=requirement):
                actions.remove_artifact(artifact)
            upload = SimpleUploadedFile("team-decisions.png", PNG, content_type="image/png")
            actions.add_artifact(
                submission, requirement, upload, "Decisions the team made together", True
            )
        elif requirement.kind == Requirement.Kind.REFLECTION:
            actions.save_answer_text(
                submission,
                requirement,
                ANSWER + " After the feedback I added the notes of the team's decisions: the "
                "schedule change came from a colleague's proposal, not from my agenda.",
            )
    actions.submit_for_review(submission, earner)
    _review(submission, True, FEEDBACK_EARNED)


def _expired(micro_credential: MicroCredential, earner: Person) -> None:
    """A two-year credential awarded 26 months ago: it has expired."""
    MicroCredential.objects.filter(pk=micro_credential.pk).update(valid_for_months=24)
    micro_credential.refresh_from_db()
    issue_awards(micro_credential, [earner], awarded_at=timezone.now() - timedelta(days=790))


def _district_issuer(jefferson: DemoDistrict, model: MicroCredential, rng: random.Random) -> None:
    """Jefferson County issues its own coaching credential, identified by did:key."""
    issuer = actions.create_issuer(
        jefferson.district,
        Issuer.DidMethod.KEY,
        description="The district's own teacher leader academy.",
    )
    # A copy under its own title: its slug and its parts' keys are made from the titles again.
    data = {**model.as_data(), "slug": "", "title": "Peer Coaching in Jefferson County"}
    data["requirements"] = [{**part, "key": ""} for part in data["requirements"]]
    mc = actions.publish(actions.create_micro_credential(issuer, data))
    teachers = [p for people in jefferson.teachers.values() for p in people[6:8]]
    cohort = rng.sample(teachers, min(len(teachers), 6))
    issue_awards(mc, cohort[:3], awarded_at=timezone.now() - timedelta(days=60))
    # A rotation: the first three credentials name the old did:key, the rest the new one.
    keystore.create_signing_key(issuer)
    issue_awards(mc, cohort[3:])


def _spread_review_times(rng: random.Random) -> None:
    """Spread the reviews over the last weeks, so turnaround differs from reviewer to reviewer."""
    now = timezone.now()
    reviews: dict[int, list[Review]] = {}
    for review in Review.objects.filter(completed_at__isnull=False).order_by("round", "pk"):
        reviews.setdefault(review.submission_id, []).append(review)
    for submission_id, rounds in reviews.items():
        moment = now - timedelta(days=rng.uniform(10, 45))
        Submission.objects.filter(pk=submission_id).update(submitted_at=moment)
        for review in rounds:
            assigned = moment + timedelta(hours=rng.uniform(0, 6))
            completed = assigned + timedelta(hours=rng.uniform(2, 24 * 5))
            Review.objects.filter(pk=review.pk).update(assigned_at=assigned, completed_at=completed)
            moment = completed
        Submission.objects.filter(pk=submission_id).update(decided_at=moment)


def network_manager(network: Organisation) -> Person:
    return Person.objects.get(memberships__organisation=network, memberships__role=Role.POLICYMAKER)
