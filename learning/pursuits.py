"""What a cohort may pursue together besides a micro-credential: plan templates.

Plan templates live on a higher floor (`plans/`), which learning must not import. An app
that knows templates offers them by defining `cohort_plan_templates()` on its AppConfig,
returning (slug, title) pairs; the cohort stores the slug, a key that outlives any copy.
"""

from django.apps import apps


def plan_template_choices() -> list[tuple[str, str]]:
    """Return (slug, title) for every plan template an installed app offers to cohorts."""
    choices: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        offer = getattr(config, "cohort_plan_templates", None)
        if offer is not None:
            choices.extend((str(slug), str(title)) for slug, title in offer())
    return sorted(dict(choices).items(), key=lambda choice: choice[1].lower())


def plan_template_title(slug: str) -> str:
    """Return the title of the template with this slug, or the slug when no app knows it."""
    return dict(plan_template_choices()).get(slug, slug) if slug else ""
