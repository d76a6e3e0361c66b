"""React to other apps' events, so plans update by themselves."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from credentials.models import Award

from .actions import complete_items_for_award


@receiver(post_save, sender=Award, dispatch_uid="plans-award-completes-items")
def award_completes_items(sender, instance: Award, created: bool, raw: bool = False, **kwargs):
    """Mark the plan items for a newly awarded micro-credential done."""
    if created and not raw:
        complete_items_for_award(instance)
