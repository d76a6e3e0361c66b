"""Earn, expire and revoke credentials for the sharing, verification and command tests."""

from datetime import timedelta

from django.utils import timezone

from credentials import actions, issuing
from credentials.models import Award, Issuer, Requirement
from organisations.models import Person

from .helpers import png, publish_sample, review_all


def earn(
    issuer: Issuer,
    earner: Person,
    reviewer: Person,
    public: int = 1,
    private: int = 0,
    title: str = "Cultivating a Shared Purpose",
) -> Award:
    """Publish a micro-credential, submit `public` + `private` evidence files, earn the award."""
    micro_credential = publish_sample(issuer, title=title)
    submission = actions.start_submission(micro_credential, earner)
    for requirement in micro_credential.requirements.all():
        if requirement.kind != Requirement.Kind.ARTIFACT:
            actions.save_answer_text(submission, requirement, "A thoughtful answer.")
            continue
        for n in range(public):
            actions.add_artifact(
                submission, requirement, png(f"public-{n}.png"), f"Public agenda {n}", True
            )
        for n in range(private):
            actions.add_artifact(
                submission, requirement, png(f"private-{n}.png"), f"Private notes {n}", False
            )
    actions.submit_for_review(submission, earner)
    review_all(submission, reviewer)
    return Award.objects.select_related("issuer", "micro_credential", "earner").get(
        submission=submission
    )


def expire(award: Award, days_ago: int = 1) -> Award:
    """Re-sign the award with a validUntil in the past, as an issuer-set expiry would have it."""
    award.valid_until = timezone.now().replace(microsecond=0) - timedelta(days=days_ago)
    achievement = issuing.achievement(
        award.micro_credential, issuing.alignments_for(award.micro_credential)
    )
    unsigned = issuing.build(award, [], achievement)
    award.signed_json = issuing.sign_all(award.issuer, [unsigned], award.awarded_at)[0]
    Award.objects.filter(pk=award.pk).update(
        valid_until=award.valid_until, signed_json=award.signed_json
    )
    return award
