"""React to other apps' events, so plans update by themselves."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from credentials.models import Award
from learning.models import ExperienceEnrolment
from learning.signals import experience_completed

from .actions import complete_items_for_award, complete_items_for_experience


@receiver(post_save, sender=Award, dispatch_uid="plans-award-completes-items")
def award_completes_items(sender, instance: Award, created: bool, raw: bool = False, **kwargs):
    """Mark the plan items for a newly awarded micro-credential done."""
    if created and not raw:
        complete_items_for_award(instance)


@receiver(experience_completed, dispatch_uid="plans-experience-completes-items")
def experience_completes_items(sender, enrolment: ExperienceEnrolment, **kwargs):
    """Mark the plan items for a completed leadership experience done."""
    complete_items_for_experience(enrolment)
