"""Mark the competencies written in Trellis, and keep server paths out of import sources.

Before this, an organisation could add competencies to an imported framework, and the next
import retired them. Trellis mints `urn:uuid:<identifier>` URIs for what it writes, so a
competency with such a URI in a framework whose CFDocument has another kind of URI was added
here. Every competency of a framework written in Trellis was written here too.
"""

import re
from pathlib import PurePath

from django.db import migrations, models

PATH_SOURCE = re.compile(r"Source: (?!https?://)(\S*/)([^/\s]+)\.$")


def minted_here(row) -> bool:
    return (row.case_extra or {}).get("uri") == f"urn:uuid:{row.case_identifier}"


def mark_written_in_trellis(apps, schema_editor) -> None:
    Competency = apps.get_model("frameworks", "Competency")
    Framework = apps.get_model("frameworks", "Framework")
    Competency.objects.filter(framework__origin="authored").update(written_in_trellis=True)
    for framework in Framework.objects.filter(origin="imported"):
        if minted_here(framework):
            continue  # a Trellis export imported elsewhere: its items came from the file
        local = [c.pk for c in framework.competencies.only("case_identifier", "case_extra") if minted_here(c)]
        Competency.objects.filter(pk__in=local).update(written_in_trellis=True)


def strip_paths(apps, schema_editor) -> None:
    Framework = apps.get_model("frameworks", "Framework")
    FrameworkVersion = apps.get_model("frameworks", "FrameworkVersion")
    for framework in Framework.objects.exclude(imported_from="").only("imported_from"):
        source = framework.imported_from
        if "/" in source and not source.lower().startswith(("http://", "https://")):
            framework.imported_from = PurePath(source).name
            framework.save(update_fields=["imported_from"])
    for version in FrameworkVersion.objects.filter(summary__contains="Source: ").only("summary"):
        summary = PATH_SOURCE.sub(r"Source: \2.", version.summary)
        if summary != version.summary:
            version.summary = summary
            version.save(update_fields=["summary"])


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="competency",
            name="written_in_trellis",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_written_in_trellis, migrations.RunPython.noop),
        migrations.RunPython(strip_paths, migrations.RunPython.noop),
    ]
