"""Write a framework as a CASE 1.0 package, found by its CFDocument identifier."""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frameworks.case import CaseError
from frameworks.exporting import export_framework
from frameworks.models import Framework

from .import_case import find_organisation


class Command(BaseCommand):
    help = "Export the framework whose CFDocument has this identifier as CASE 1.0 JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("identifier", metavar="DOCUMENT_IDENTIFIER")
        parser.add_argument("output", metavar="OUT.json", help="where to write it; - for stdout")
        parser.add_argument(
            "--organisation",
            metavar="SLUG_OR_ID",
            help="whose copy to export when several organisations imported the same framework",
        )

    def handle(
        self, *args: Any, identifier: str, output: str, organisation: str | None, **options: Any
    ) -> None:
        frameworks = Framework.objects.filter(case_identifier__iexact=identifier.strip())
        if organisation:
            frameworks = frameworks.filter(organisation=find_organisation(organisation))
        found = list(frameworks.select_related("organisation")[:20])
        if not found:
            raise CommandError(
                f"No framework has the CFDocument identifier {identifier}. "
                "The framework pages show each framework's identifier under “CASE details”."
            )
        if len(found) > 1:
            shared = [f for f in found if f.organisation_id is None]
            if len(shared) != 1:
                owners = ", ".join(f.organisation.slug for f in found if f.organisation)
                raise CommandError(
                    f"Several organisations have this framework ({owners}); "
                    "choose one with --organisation."
                )
            found = shared
        try:
            data = export_framework(found[0])
        except CaseError as failure:
            raise CommandError("\n".join(failure.messages)) from None
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if output == "-":
            sys.stdout.write(text)
            return
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as failure:
            raise CommandError(f"Could not write {output}: {failure.strerror}.") from None
        self.stderr.write(
            self.style.SUCCESS(
                f"Wrote “{found[0].title}” ({len(data['CFItems'])} items, "
                f"{len(data['CFAssociations'])} associations) to {output}."
            )
        )
