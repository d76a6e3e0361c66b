from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Ways to learn"

    def navigation(self, memberships) -> list[tuple[str, str]]:
        return [(_("Learning"), reverse("learning:home"))]

    def load_builtin_content(self) -> None:
        from .content_loader import load_builtin_learning

        load_builtin_learning()

    def build_demo(self, districts) -> None:
        from .demo import build_learning

        build_learning(districts)
