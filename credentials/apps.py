from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = "Micro-credentials and Open Badges"

    def navigation(self, memberships) -> list[tuple[str, str]]:
        """Link the issuer pages for people who lead an issuer's organisation (or above it)."""
        from django.db.models import Q

        from organisations.access import LEADER_ROLES

        from .models import Issuer

        leads = [m for m in memberships if m.role in LEADER_ROLES]
        if not leads:
            return []
        # The memberships are cached for the request, so the answer is kept on the first one.
        manages = getattr(leads[0], "_trellis_manages_issuer", None)
        if manages is None:
            condition = Q(pk__in=[])
            for membership in leads:
                condition |= Q(organisation__path__startswith=membership.organisation.path)
            manages = Issuer.objects.filter(condition).exists()
            leads[0]._trellis_manages_issuer = manages
        return [(_("Issuing"), reverse("credentials:manage"))] if manages else []
