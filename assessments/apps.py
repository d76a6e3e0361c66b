from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Conditions assessments"

    def organisation_links(self, organisation, person) -> list[tuple[str, str]]:
        """Offer a school's or a district's leaders a link to start its assessment."""
        from organisations.access import can_lead

        from .access import ASSESSED_KINDS

        if organisation.kind not in ASSESSED_KINDS or not can_lead(person, organisation):
            return []
        url = f"{reverse('assessments:start')}?organisation={organisation.pk}"
        return [(_("Start an assessment"), url)]

    def build_demo(self, districts) -> None:
        from .demo import build_assessments

        build_assessments(districts)
