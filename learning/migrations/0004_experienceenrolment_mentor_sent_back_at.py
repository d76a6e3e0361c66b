from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_cohort_plan_template_slug")]

    operations = [
        migrations.AddField(
            model_name="experienceenrolment",
            name="mentor_sent_back_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
