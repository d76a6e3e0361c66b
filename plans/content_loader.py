"""Load the built-in plan templates from `content/plan-templates.json`; safe to rerun."""

import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from .models import PlanTemplate

CONTENT = Path(__file__).resolve().parent / "content" / "plan-templates.json"


@transaction.atomic
def load_plan_templates() -> list[PlanTemplate]:
    """Create or update each template of the content file by its slug."""
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    pathways = set(PlanTemplate.Pathway.values)
    existing = {t.slug: t for t in PlanTemplate.objects.all()}
    fields = ["title", "role", "pathway", "summary", "goals", "target_competencies", "items"]
    fresh, changed = [], []
    for entry in content["templates"]:
        template = existing.get(entry["slug"]) or PlanTemplate(slug=entry["slug"])
        template.title, template.role = entry["title"], entry["role"]
        template.pathway = (
            entry["slug"] if entry["slug"] in pathways else PlanTemplate.Pathway.OTHER
        )
        template.summary = entry.get("summary", "")
        template.goals = entry["goals"]
        template.target_competencies = entry["target_competencies"]
        template.items = entry["items"]
        template.source = content["source"]
        template.updated_at = timezone.now()
        (changed if template.pk else fresh).append(template)
    PlanTemplate.objects.bulk_create(fresh)
    PlanTemplate.objects.bulk_update(changed, [*fields, "source", "updated_at"])
    return fresh + changed
