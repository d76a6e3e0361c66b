from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("learning", "0002_leadershipexperience_expects_mentor_sign_off")]

    operations = [
        migrations.AddField(
            model_name="cohort",
            name="plan_template_slug",
            field=models.SlugField(
                blank=True,
                help_text="The learning plan template the cohort works through together, if any.",
                max_length=80,
            ),
        ),
    ]
