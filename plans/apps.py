from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Learning plans and ways to learn"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the receivers

    def navigation(self, memberships) -> list[tuple[str, str]]:
        from organisations.access import LEADER_ROLES

        items = [(_("My plan"), reverse("plans:mine"))]
        led = [m.organisation for m in memberships if m.role in LEADER_ROLES]
        if led:
            top = min(led, key=lambda org: (org.depth, org.name))
            items.append((_("School plans"), reverse("plans:school", args=[top.pk])))
        return items

    def cohort_plan_templates(self) -> list[tuple[str, str]]:
        """Offer the plan templates a learning cohort may follow together (learning/pursuits.py)."""
        from .models import PlanTemplate

        return list(PlanTemplate.objects.order_by("title").values_list("slug", "title"))

    def load_builtin_content(self) -> None:
        from .content_loader import load_plan_templates

        load_plan_templates()

    def build_demo(self, districts) -> None:
        from .demo import build_plans

        build_plans(districts)
