"""Store each issuer's name as verification compares it (0009 lets no two issuers share one).

An issuer that already shared its name with an earlier one keeps it, with no stored name: the
rule is for new issuers, and renaming someone's issuer here would change their credentials'
issuer page without asking.
"""

from django.db import migrations, models

from credentials.ob3.known_issuers import comparable_name

LONGEST = 600


def store_comparable_names(apps, schema_editor):
    Issuer = apps.get_model("credentials", "Issuer")
    taken = set()
    for issuer in Issuer.objects.order_by("created_at", "pk"):
        key = comparable_name(issuer.name)[:LONGEST]
        if not key or key in taken:
            continue  # the earlier issuer of this name holds it; this one keeps no stored name
        taken.add(key)
        Issuer.objects.filter(pk=issuer.pk).update(comparable_name=key)


class Migration(migrations.Migration):
    dependencies = [
        ("credentials", "0007_one_open_submission"),
    ]

    operations = [
        migrations.AddField(
            model_name="issuer",
            name="comparable_name",
            field=models.CharField(blank=True, default="", editable=False, max_length=600),
        ),
        migrations.RunPython(store_comparable_names, migrations.RunPython.noop),
    ]
