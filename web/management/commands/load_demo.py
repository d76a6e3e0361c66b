"""Load the demo districts, people and activity; a second run leaves everything as it is."""

import time
from collections.abc import Callable

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from organisations.apps import OrganisationsConfig
from organisations.demo import DEMO_PASSWORD
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Load demo data: three real districts (seed 003) with generated people and activity."

    def handle(self, *args, **options):
        if Organisation.objects.filter(name="Jefferson County Public Schools").exists():
            self.stdout.write("Demo data is already loaded; nothing to do.")
            return
        started = time.perf_counter()
        # The demo's many notifications stay in memory rather than flooding the console.
        quiet = override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
        with quiet, transaction.atomic():
            organisations = apps.get_app_config("organisations")
            assert isinstance(organisations, OrganisationsConfig)
            districts = organisations.build_demo_districts()
            for step in demo_steps():
                step(districts)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded in {time.perf_counter() - started:.1f} s. "
                f"Sign in as e.g. clarendon.teacher@example.org with password {DEMO_PASSWORD!r}."
            )
        )


def demo_steps() -> list[Callable[[list], None]]:
    """Return the apps' demo builders (AppConfig.build_demo), in INSTALLED_APPS order."""
    builders = (getattr(config, "build_demo", None) for config in apps.get_app_configs())
    return [builder for builder in builders if callable(builder)]
