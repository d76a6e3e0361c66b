from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = "Micro-credentials and Open Badges"

    def navigation(self, memberships) -> list[tuple[str, str]]:
        """Link the issuer pages for leaders: they manage an issuer, or may make one."""
        from organisations.access import LEADER_ROLES

        if any(m.role in LEADER_ROLES for m in memberships):
            return [(_("Issuing"), reverse("credentials:manage"))]
        return []

    def build_demo(self, districts) -> None:
        from .demo import build_credentials

        build_credentials(districts)
