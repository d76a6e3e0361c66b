"""Load the built-in resources and leadership experiences from `content/`; safe to rerun."""

import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from frameworks.models import Competency

from .models import LeadershipExperience, Resource

CONTENT_DIR = Path(__file__).resolve().parent / "content"
RESOURCE_FIELDS = ["title", "kind", "cost", "format", "summary", "author", "url", "source"]
EXPERIENCE_FIELDS = [
    "title",
    "summary",
    "what_you_do",
    "duration_weeks",
    "reflection_prompt",
    "source",
]


def _read(name: str) -> dict:
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


def builtin_competencies(keys: set[str]) -> dict[str, list[Competency]]:
    """Return the shared competencies with each key (one key may sit in several frameworks)."""
    found: dict[str, list[Competency]] = {}
    rows = Competency.objects.filter(
        key__in=keys, framework__organisation__isnull=True, retired_at__isnull=True
    )
    for competency in rows:
        found.setdefault(competency.key, []).append(competency)
    return found


def _upsert(model, entries: list[dict], fields: list[str]) -> list:
    existing = {row.slug: row for row in model.objects.filter(organisation__isnull=True)}
    now = timezone.now()
    fresh, changed = [], []
    for entry in entries:
        row = existing.get(entry["slug"]) or model(slug=entry["slug"], organisation=None)
        for name in fields:
            setattr(row, name, entry[name])
        row.competency_tags = entry.get("competency_tags", [])
        row.updated_at = now
        (changed if row.pk else fresh).append(row)
    model.objects.bulk_create(fresh)
    model.objects.bulk_update(changed, [*fields, "competency_tags", "updated_at"])
    return fresh + changed


def _link_competencies(model, rows: list) -> None:
    """Replace each row's competency links with those its tags name."""
    keys = {tag for row in rows for tag in row.competency_tags}
    by_key = builtin_competencies(keys)
    through = model.competencies.through
    owner = f"{model._meta.model_name}_id"
    through.objects.filter(**{f"{owner}__in": [row.pk for row in rows]}).delete()
    links = {
        (row.pk, competency.pk)
        for row in rows
        for tag in row.competency_tags
        for competency in by_key.get(tag, [])
    }
    through.objects.bulk_create(
        [through(**{owner: row_id, "competency_id": c_id}) for row_id, c_id in sorted(links)]
    )


@transaction.atomic
def load_builtin_learning() -> tuple[list[Resource], list[LeadershipExperience]]:
    """Create or update every built-in resource and experience by its slug."""
    resource_content = _read("resources.json")
    for entry in resource_content["resources"]:
        entry.setdefault("source", resource_content["source"])
    resources = _upsert(Resource, resource_content["resources"], RESOURCE_FIELDS)
    experiences = _upsert(
        LeadershipExperience, _read("leadership-experiences.json")["experiences"], EXPERIENCE_FIELDS
    )
    _link_competencies(Resource, resources)
    _link_competencies(LeadershipExperience, experiences)
    return resources, experiences
