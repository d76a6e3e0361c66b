from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("learning", "0004_experienceenrolment_mentor_sent_back_at")]

    operations = [
        migrations.AlterField(
            model_name="resource",
            name="format",
            field=models.CharField(
                choices=[("online", "Online"), ("in-person", "In person"), ("anywhere", "Anywhere")],
                default="online",
                max_length=12,
            ),
        ),
    ]
