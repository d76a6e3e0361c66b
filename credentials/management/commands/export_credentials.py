"""Write every credential's signed JSON and a manifest of their status: an archive for audit."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from credentials.models import Award
from organisations.models import Organisation

BATCH = 500


def organisation_named(value: str) -> Organisation:
    """Return the organisation with this slug or id, or stop with a message."""
    found = Organisation.objects.filter(slug=value).first()
    if found is None and value.isdigit():
        found = Organisation.objects.filter(pk=int(value)).first()
    if found is None:
        raise CommandError(f"No organisation has the slug or id {value!r}.")
    return found


class Command(BaseCommand):
    help = (
        "Write each credential's signed Open Badges 3.0 JSON as OUTDIR/<id>.json and list them "
        "with their status (active, revoked or expired) in OUTDIR/manifest.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", metavar="OUTDIR", help="folder to write; created if needed")
        parser.add_argument(
            "--organisation",
            metavar="SLUG_OR_ID",
            help="only credentials issued by this organisation or the ones below it",
        )

    def handle(self, *args, outdir: str, organisation: str | None, **options):
        awards = Award.objects.only("public_id", "signed_json", "revoked_at", "valid_until")
        if organisation:
            found = organisation_named(organisation)
            awards = awards.filter(issuer__organisation__path__startswith=found.path)
        folder = Path(outdir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            counts = self._write(folder, awards.order_by("pk"))
        except OSError as failure:
            raise CommandError(
                f"Could not write to {outdir}: {failure.strerror or failure}."
            ) from None
        total = sum(counts.values())
        summary = ", ".join(f"{n} {state}" for state, n in counts.items())
        message = f"Wrote {total} credentials ({summary}) and manifest.json to {outdir}."
        self.stderr.write(self.style.SUCCESS(message))

    def _write(self, folder: Path, awards) -> dict[str, int]:
        """Stream the awards in batches, writing each file and its manifest entry as it goes."""
        counts = {"active": 0, "revoked": 0, "expired": 0}
        with open(folder / "manifest.json", "w", encoding="utf-8") as manifest:
            manifest.write("[")
            for n, award in enumerate(awards.iterator(chunk_size=BATCH)):
                name = f"{award.public_id}.json"
                text = json.dumps(award.signed_json, ensure_ascii=False, indent=2) + "\n"
                (folder / name).write_text(text, encoding="utf-8")
                credential_id = award.signed_json.get("id", award.url)
                entry = {"file": name, "id": credential_id, "status": award.state}
                manifest.write(("," if n else "") + "\n  " + json.dumps(entry))
                counts[award.state] += 1
            manifest.write("\n]\n")
        return counts
