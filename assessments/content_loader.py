"""Load an instrument from its JSON content file into the database."""

import json
from pathlib import Path

from django.db import transaction

from organisations.models import Role

from .models import Criterion, FocusArea, FocusGroup, Instrument, Recommendation

CONTENT_DIR = Path(__file__).resolve().parent / "content" / "instruments"
ROLE_LETTERS = {Role.TEACHER: "T", Role.ADMINISTRATOR: "A", Role.POLICYMAKER: "P"}


def builtin_instrument_files() -> list[Path]:
    return sorted(CONTENT_DIR.glob("*.json"))


@transaction.atomic
def load_instrument(data: dict) -> Instrument:
    """Create the built-in instrument version unless it is already there."""
    existing = Instrument.objects.filter(
        organisation=None, slug=data["slug"], version=data["version"]
    ).first()
    if existing:
        return existing
    Instrument.objects.filter(organisation=None, slug=data["slug"]).update(is_current=False)
    instrument = Instrument.objects.create(
        slug=data["slug"],
        version=data["version"],
        title=data["title"],
        summary=data.get("summary", ""),
        instructions=data.get("instructions", ""),
        source=data.get("source", ""),
    )
    for position, group_data in enumerate(data["groups"]):
        group = FocusGroup.objects.create(
            instrument=instrument,
            key=group_data["key"],
            title=group_data["title"],
            summary=group_data.get("summary", ""),
            position=position,
        )
        for area_data in group_data["areas"]:
            _create_area(instrument, group, area_data)
    return instrument


def _create_area(instrument: Instrument, group: FocusGroup, area_data: dict) -> None:
    area = FocusArea.objects.create(
        instrument=instrument,
        group=group,
        key=area_data["key"],
        number=area_data["number"],
        title=area_data["title"],
        rationale=area_data.get("rationale", ""),
    )
    Criterion.objects.bulk_create(
        Criterion(area=area, role=role, code=f"{ROLE_LETTERS[role]}{area.number}", text=text)
        for role, text in area_data["criteria"].items()
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            area=area,
            role=role,
            text=item["text"],
            position=position,
            micro_credentials=item.get("micro_credentials", []),
        )
        for role, items in area_data.get("recommendations", {}).items()
        for position, item in enumerate(items)
    )


def load_builtin_instruments() -> list[Instrument]:
    """Load every shipped instrument file; already-loaded versions are left alone."""
    return [
        load_instrument(json.loads(path.read_text(encoding="utf-8")))
        for path in builtin_instrument_files()
    ]
