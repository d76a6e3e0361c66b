"""Import a CASE 1.0 package from a file or a web address; re-importing updates in place."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frameworks import actions
from frameworks.fetch import MAX_CASE_BYTES, FetchError, fetch_case_package
from organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Import a CASE 1.0 CFPackage (a JSON file or an http(s) address) as a shared framework, "
        "or as an organisation's own with --organisation. Matching CASE identifiers are updated."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", metavar="PATH_OR_URL")
        parser.add_argument(
            "--organisation",
            metavar="SLUG_OR_ID",
            help="the organisation that owns the framework (default: shared by everyone)",
        )

    def handle(self, *args: Any, source: str, organisation: str | None, **options: Any) -> None:
        owner = find_organisation(organisation) if organisation else None
        data = read_source(source)
        try:
            result = actions.import_case_data(data, owner, None, source=source)
        except actions.ImportFailed as failure:
            raise CommandError(
                "The package was not imported; nothing was saved.\n"
                + "\n".join(f"- {message}" for message in failure.messages)
            ) from None
        framework, summary = result.framework, result.summary
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"Repaired: {warning}"))
        verb = "Imported" if result.created else "Updated" if summary.changed else "Unchanged:"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} “{framework.title}” (CFDocument {framework.case_identifier}), version "
                f"{framework.version}: {summary.created} competencies added, {summary.updated} "
                f"updated, {summary.retired} removed; {summary.associations_created} associations "
                f"added, {summary.associations_updated} updated, "
                f"{summary.associations_deleted} removed; {summary.rubrics_added} rubrics "
                f"added, {summary.rubrics_updated} updated, {summary.rubrics_removed} removed."
            )
        )
        for name in summary.retired_names:
            self.stdout.write(f"Retired (the package no longer has it): {name}")
        for name in summary.overwritten_names:
            self.stdout.write(f"Replaced the text written in Trellis of: {name}")
        for name in result.kept:
            self.stdout.write(f"Kept (written in Trellis, not in the package): {name}")


def find_organisation(value: str) -> Organisation:
    """Return the organisation named by slug or id, or stop with a message."""
    query = Organisation.objects.filter(slug=value)
    if value.isdigit():
        query = Organisation.objects.filter(pk=int(value))
    organisation = query.first()
    if organisation is None:
        raise CommandError(f"No organisation has the slug or id {value!r}.")
    return organisation


def read_source(source: str) -> bytes:
    """Return the package's bytes from a web address or a file, or stop with a message."""
    if source.lower().startswith(("http://", "https://")):
        try:
            # An operator runs this command, so addresses inside the network are allowed.
            return fetch_case_package(source, allow_private=True)
        except FetchError as failure:
            raise CommandError(failure.message) from None
    path = Path(source)
    if not path.is_file():
        raise CommandError(
            f"{source} is neither a file nor an http(s) address. Give the path of a CASE JSON "
            "file or the web address of a CFPackage."
        )
    if path.stat().st_size > MAX_CASE_BYTES:
        raise CommandError(f"{source} is larger than {MAX_CASE_BYTES // 2**20} MB.")
    return path.read_bytes()
