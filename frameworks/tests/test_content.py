"""The built-in frameworks' setting notes: loaded as variations, shown, stable and exported."""

import json
from typing import Any

from django.urls import reverse
from django.utils.html import escape

from frameworks.actions import import_case_data
from frameworks.content_loader import CONTENT_DIR, FILES, content_package, load_builtin_frameworks
from frameworks.exporting import export_framework
from frameworks.models import Framework, FrameworkVersion, LevelDescriptor, SpecialtyVariation
from tests.base import TrellisTestCase

from .test_case import schema_errors


def content(name: str) -> dict:
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


def written_variations(name: str) -> dict[str, dict[str, str]]:
    """Return {competency key: {specialty key: text}} as a content file writes them."""
    found = {}
    pending = list(content(name)["competencies"])
    while pending:
        entry = pending.pop(0)
        if entry.get("specialties"):
            found[entry["key"]] = entry["specialties"]
        pending += entry["children"]
    return found


def loaded_variations(framework: Framework) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    rows = SpecialtyVariation.objects.filter(competency__framework=framework)
    for row in rows.select_related("competency", "specialty"):
        found.setdefault(row.competency.key, {})[row.specialty.key] = row.description
    return found


class ContentPackageTests(TrellisTestCase):
    def test_an_entrys_texts_go_into_its_trellis_extension(self) -> None:
        entry: dict[str, Any] = {
            "key": "k",
            "code": "X.1",
            "title": "T",
            "description": "D",
            "specialties": {"rural": "Wears several hats."},
            "levels": {"basic": "Joins in."},
            "children": [{"key": "c", "code": "X.1.1", "title": "C", "description": "D"}],
        }
        entry["children"][0]["children"] = []
        data = content("leadership-roles.json") | {"competencies": [entry]}
        parent, child = content_package(data)["CFItems"]
        self.assertEqual(
            parent["extensions"]["trellis"],
            {
                "key": "k",
                "levels": {"basic": "Joins in."},
                "specialties": {"rural": "Wears several hats."},
            },
        )
        self.assertEqual(child["extensions"]["trellis"], {"key": "c"})

    def test_every_file_uses_only_the_specialties_and_levels_it_declares(self) -> None:
        for name in FILES:
            data = content(name)
            specialties = {s["key"] for s in data["specialties"]}
            levels = {level["key"] for level in data["levels"]}
            pending = list(data["competencies"])
            while pending:
                entry = pending.pop(0)
                with self.subTest(name, key=entry["key"]):
                    self.assertLessEqual(set(entry.get("specialties", {})), specialties)
                    self.assertLessEqual(set(entry.get("levels", {})), levels)
                pending += entry["children"]
        for framework in Framework.objects.filter(origin=Framework.Origin.BUILT_IN):
            self.assertEqual(framework.import_warnings, [], framework.key)


class BuiltInVariationTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.builtins = {f.key: f for f in load_builtin_frameworks()}
        cls.roles = cls.builtins["leadership-roles"]

    def test_each_of_the_ten_roles_differs_in_several_settings(self) -> None:
        written = written_variations("leadership-roles.json")
        self.assertEqual(loaded_variations(self.roles), written)
        tops = self.roles.competencies.filter(depth=1)
        self.assertEqual(tops.count(), 10)
        for role in tops:
            with self.subTest(role.key):
                self.assertGreaterEqual(role.variations.count(), 3)
        change = self.roles.competencies.get(key="change-managers")
        turnaround = change.variations.get(specialty__key="turnaround").description
        self.assertIn("early wins", turnaround)

    def test_the_other_built_ins_load_their_variations_too(self) -> None:
        for key in ("deeper-learning-competencies", "seven-conditions"):
            with self.subTest(key):
                written = written_variations(f"{key}.json")
                self.assertTrue(written)
                self.assertEqual(loaded_variations(self.builtins[key]), written)

    def test_the_competency_page_shows_how_the_role_differs(self) -> None:
        role = self.roles.competencies.get(key="distributive-leaders")
        self.client.force_login(self.alice)
        url = reverse("frameworks:competency", args=[self.roles.pk, role.pk])
        response = self.client.get(url)
        self.assertContains(response, "In different settings")
        self.assertNotContains(response, "No notes yet")
        for variation in role.variations.select_related("specialty"):
            self.assertContains(response, f"<dt>{escape(variation.specialty.title)}</dt>")
            self.assertContains(response, f"<dd>{escape(variation.description)}</dd>")

    def test_loading_again_changes_nothing(self) -> None:
        def state() -> tuple:
            return (
                list(SpecialtyVariation.objects.order_by("pk").values_list("pk", "description")),
                list(LevelDescriptor.objects.order_by("pk").values_list("pk", "description")),
                list(FrameworkVersion.objects.order_by("pk").values_list("pk", "number")),
                [export_framework(f) for f in self.builtins.values()],
            )

        before = state()
        self.assertEqual(
            {f.key: f.pk for f in load_builtin_frameworks()},
            {k: f.pk for k, f in self.builtins.items()},
        )
        self.assertEqual(state(), before)

    def test_a_server_loaded_before_the_notes_gains_them_as_one_new_version(self) -> None:
        data = content("leadership-roles.json")
        for entry in data["competencies"]:
            entry.pop("specialties", None)
        import_case_data(content_package(data), None, None, origin=Framework.Origin.BUILT_IN)
        self.assertFalse(SpecialtyVariation.objects.filter(competency__framework=self.roles))
        versions = self.roles.versions.count()
        load_builtin_frameworks()
        self.assertEqual(self.roles.versions.count(), versions + 1)
        self.assertEqual(loaded_variations(self.roles), written_variations("leadership-roles.json"))

    def test_the_export_carries_the_variations_and_validates(self) -> None:
        written = written_variations("leadership-roles.json")
        data = export_framework(self.roles)
        self.assertEqual(schema_errors(data), [])
        exported = {
            item["extensions"]["trellis"]["key"]: item["extensions"]["trellis"].get("specialties")
            for item in data["CFItems"]
        }
        for key, texts in written.items():
            self.assertEqual(exported[key], texts, key)
