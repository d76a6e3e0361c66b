"""Delete the empty extra drafts that parallel starts left, before the constraint forbids them."""

from django.db import migrations
from django.db.models import Count, Q

OPEN = ("draft", "submitted", "not_yet")


def remove_duplicate_open_submissions(apps, schema_editor):
    Submission = apps.get_model("credentials", "Submission")
    crowded = (
        Submission.objects.filter(status__in=OPEN)
        .values("earner_id", "micro_credential_id")
        .annotate(open=Count("pk"))
        .filter(open__gt=1)
    )
    unsure = []
    for group in crowded:
        rows = list(
            Submission.objects.filter(
                status__in=OPEN,
                earner_id=group["earner_id"],
                micro_credential_id=group["micro_credential_id"],
            )
            .annotate(
                work=Count("answers", filter=~Q(answers__text=""), distinct=True)
                + Count("artifacts", distinct=True)
                + Count("reviews", distinct=True)
            )
            .order_by("created_at", "pk")
        )
        empty = [row for row in rows if row.status == "draft" and row.work == 0]
        kept = [row for row in rows if row not in empty] or empty[:1]
        if len(kept) > 1:
            unsure.append(", ".join(str(row.pk) for row in kept))
            continue
        Submission.objects.filter(pk__in=[row.pk for row in rows if row not in kept]).delete()
    if unsure:
        raise RuntimeError(
            "These open submissions share an earner and micro-credential version and each holds "
            "work, so none was deleted. Move each group's evidence into one of them, delete the "
            "others, then migrate again: " + "; ".join(unsure)
        )


class Migration(migrations.Migration):
    dependencies = [("credentials", "0005_validity")]

    operations = [
        migrations.RunPython(remove_duplicate_open_submissions, migrations.RunPython.noop),
    ]
