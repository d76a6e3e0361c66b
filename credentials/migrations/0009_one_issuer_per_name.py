"""Let no two issuers share a name as verification compares it (stored by 0008)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("credentials", "0008_issuer_comparable_name"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="issuer",
            constraint=models.UniqueConstraint(
                condition=models.Q(("comparable_name", ""), _negated=True),
                fields=("comparable_name",),
                name="one_issuer_per_name",
            ),
        ),
    ]
