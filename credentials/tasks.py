"""Background work: awarding a credential to a whole cohort, with progress saved as it goes."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from organisations.models import Person

from .actions.awarding import BATCH_CHUNK, email_new_holders, holders_of, issue_awards
from .models import AwardBatch


@task()
def run_award_batch(batch_id: int) -> int:
    """Award in chunks, each its own transaction: progress shows, a failure keeps earlier chunks."""
    batch = AwardBatch.objects.select_related("micro_credential__issuer").get(pk=batch_id)
    AwardBatch.objects.filter(pk=batch_id).update(status=AwardBatch.Status.RUNNING)
    held = holders_of(batch.micro_credential)
    wanted = [pk for pk in batch.earner_ids if pk not in held]
    skipped = len(batch.earner_ids) - len(wanted)
    done = 0
    try:
        for start in range(0, len(wanted), BATCH_CHUNK):
            with transaction.atomic():
                # Lock the earners and look again: another batch or award may have got there
                # first, and an earner must not hold the credential twice.
                ids = wanted[start : start + BATCH_CHUNK]
                chunk = list(Person.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
                held = holders_of(batch.micro_credential, among=ids)
                chunk = [person for person in chunk if person.pk not in held]
                skipped += len(held)
                if chunk:
                    awarded = issue_awards(
                        batch.micro_credential, chunk, valid_until=batch.valid_until
                    )
                    email_new_holders(awarded)
                done += len(chunk)
                AwardBatch.objects.filter(pk=batch_id).update(done=done, skipped=skipped)
    except Exception as error:
        AwardBatch.objects.filter(pk=batch_id).update(
            status=AwardBatch.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    AwardBatch.objects.filter(pk=batch_id).update(
        status=AwardBatch.Status.DONE, done=done, skipped=skipped, finished_at=timezone.now()
    )
    return done
