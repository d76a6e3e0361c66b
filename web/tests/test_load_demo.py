"""load_demo orchestrates: organisations builds the districts, each app its own demo."""

import io
from pathlib import Path
from unittest import mock

from django.apps import apps
from django.core.management import call_command
from django.test import TestCase

from organisations.actions import create_organisation
from organisations.models import Organisation


class LoadDemoTests(TestCase):
    def run_with_recorders(self) -> tuple[list[tuple[str, object]], str]:
        """Run load_demo with every app's builder replaced by one that records its call."""
        calls: list[tuple[str, object]] = []
        districts = ["one district", "another"]

        def districts_builder() -> list:
            calls.append(("organisations", None))
            return districts

        def recorder(label: str):
            return lambda given: calls.append((label, given))

        organisations = apps.get_app_config("organisations")
        patches = [mock.patch.object(organisations, "build_demo_districts", districts_builder)]
        patches += [
            mock.patch.object(config, "build_demo", recorder(config.label))
            for config in apps.get_app_configs()
            if hasattr(config, "build_demo")
        ]
        out = io.StringIO()
        for patch in patches:
            patch.start()
            self.addCleanup(patch.stop)
        call_command("load_demo", stdout=out)
        for label, given in calls[1:]:
            self.assertIs(given, districts, f"{label} got other districts")
        return calls, out.getvalue()

    def test_it_builds_the_districts_first_then_each_apps_demo_in_installed_apps_order(
        self,
    ) -> None:
        calls, out = self.run_with_recorders()
        self.assertEqual(
            [label for label, _given in calls],
            ["organisations", "assessments", "credentials", "learning", "plans"],
        )
        self.assertIn("Demo data loaded", out)
        self.assertIn("'trellis-demo'", out)

    def test_a_second_run_builds_nothing(self) -> None:
        create_organisation("Jefferson County Public Schools", Organisation.Kind.DISTRICT)
        calls, out = self.run_with_recorders()
        self.assertEqual(calls, [])
        self.assertIn("already loaded", out)

    def test_every_demo_module_is_built_through_its_apps_config(self) -> None:
        for config in apps.get_app_configs():
            if (Path(config.path) / "demo.py").exists():
                with self.subTest(config.label):
                    builders = {"build_demo", "build_demo_districts"} & set(dir(config))
                    self.assertTrue(builders, "add build_demo(districts) to its AppConfig")
