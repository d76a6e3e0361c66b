"""React to other apps' events, so plans update by themselves."""

from django.dispatch import receiver

from credentials.signals import credentials_awarded
from learning.models import ExperienceEnrolment
from learning.signals import experience_completed

from .actions import complete_items_for_awards, complete_items_for_experience


@receiver(credentials_awarded, dispatch_uid="plans-awards-complete-items")
def awards_complete_items(sender, awards: list, **kwargs):
    """Mark the plan items for newly awarded micro-credentials done."""
    complete_items_for_awards(awards)


@receiver(experience_completed, dispatch_uid="plans-experience-completes-items")
def experience_completes_items(sender, enrolment: ExperienceEnrolment, **kwargs):
    """Mark the plan items for a completed leadership experience done."""
    complete_items_for_experience(enrolment)
