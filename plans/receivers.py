"""React to other apps' events, so plans update by themselves."""

from django.dispatch import receiver

from credentials.signals import credential_revoked, credentials_awarded
from learning.models import ExperienceEnrolment
from learning.signals import experience_completed, experience_sent_back

from .actions import (
    complete_items_for_awards,
    complete_items_for_experience,
    reopen_items_for_experience,
    reopen_items_for_revocation,
)


@receiver(credentials_awarded, dispatch_uid="plans-awards-complete-items")
def awards_complete_items(sender, awards: list, **kwargs):
    """Mark the plan items for newly awarded micro-credentials done."""
    complete_items_for_awards(awards)


@receiver(credential_revoked, dispatch_uid="plans-revocation-reopens-items")
def revocation_reopens_items(sender, award, **kwargs):
    """Put the plan items for a revoked credential back in progress."""
    reopen_items_for_revocation(award)


@receiver(experience_completed, dispatch_uid="plans-experience-completes-items")
def experience_completes_items(sender, enrolment: ExperienceEnrolment, **kwargs):
    """Mark the plan items for a completed leadership experience done."""
    complete_items_for_experience(enrolment)


@receiver(experience_sent_back, dispatch_uid="plans-experience-sent-back-reopens-items")
def experience_sent_back_reopens_items(sender, enrolment: ExperienceEnrolment, **kwargs):
    """Put the plan items for an experience a mentor sent back in progress again."""
    reopen_items_for_experience(enrolment)
