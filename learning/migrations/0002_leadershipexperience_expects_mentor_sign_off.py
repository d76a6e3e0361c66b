from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="leadershipexperience",
            name="expects_mentor_sign_off",
            field=models.BooleanField(
                default=False,
                help_text="Whether people who complete it must name a mentor to sign it off.",
            ),
        ),
    ]
