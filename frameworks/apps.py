from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _


class FrameworksConfig(AppConfig):
    name = "frameworks"
    verbose_name = "Competency frameworks"

    def navigation(self, memberships) -> list[tuple[str, str]]:
        return [(_("Frameworks"), reverse("frameworks:list"))]

    def load_builtin_content(self) -> None:
        from .content_loader import load_builtin_frameworks

        load_builtin_frameworks()
