"""Load the content Trellis ships (instruments, and more as apps add theirs); safe to rerun."""

from collections.abc import Callable

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from assessments.content_loader import load_builtin_instruments


class Command(BaseCommand):
    help = (
        "Load built-in instruments, frameworks and micro-credentials; existing versions are kept."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            instruments = load_builtin_instruments()
            for loader in content_loaders():
                loader()
        self.stdout.write(f"Built-in content is loaded ({len(instruments)} instruments).")


def content_loaders() -> list[Callable[[], object]]:
    """Return the apps' loaders of built-in content (AppConfig.load_builtin_content)."""
    loaders = (getattr(config, "load_builtin_content", None) for config in apps.get_app_configs())
    return [loader for loader in loaders if callable(loader)]
