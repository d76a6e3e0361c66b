"""Links that apps on higher floors offer on an organisation's page, without being imported here."""

from django.apps import apps

from .models import Organisation, Person


def offered_links(organisation: Organisation, person: Person) -> list[tuple[str, str]]:
    """Return (label, url) pairs from every app whose AppConfig defines `organisation_links`."""
    links: list[tuple[str, str]] = []
    for config in apps.get_app_configs():
        hook = getattr(config, "organisation_links", None)
        if hook:
            links += hook(organisation, person)
    return links
