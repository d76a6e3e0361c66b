"""Shortcuts for framework tests: real CASE samples, snapshots of every framework row."""

import json
from typing import Any

from django.apps import apps

from frameworks import actions
from frameworks.models import Framework
from lib.reference_data import shared_dir
from organisations.models import Organisation, Person

SAMPLE_NAMES = (
    "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json",
    "Ordering.json",
    "SmartLevelFramework.json",
)


def sample_bytes(name: str) -> bytes:
    return (shared_dir() / "case-samples" / name).read_bytes()


def sample_json(name: str) -> dict[str, Any]:
    return json.loads(sample_bytes(name))


def import_sample(
    name: str, organisation: Organisation | None = None, by: Person | None = None
) -> Framework:
    return actions.import_case_data(sample_bytes(name), organisation, by, source=name).framework


def snapshot() -> dict[str, list[dict]]:
    """Return every row of every frameworks model, to compare before and after."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("frameworks").get_models()
    }
