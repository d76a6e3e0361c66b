"""Exporting frameworks as CASE: lossless round trips of real packages, schema-valid output."""

import json

from frameworks import actions
from frameworks.case import parse_package
from frameworks.exporting import export_framework
from frameworks.models import Framework
from tests.base import TrellisTestCase

from .helpers import SAMPLE_NAMES, import_sample, sample_bytes
from .test_case import schema_errors

ITEM_FIELDS = (
    "full_statement",
    "human_coding_scheme",
    "item_type",
    "item_type_uri",
    "education_level",
    "notes",
    "list_enumeration",
    "abbreviated_statement",
    "language",
)


class RoundTripTests(TrellisTestCase):
    def round_trip(self, name: str) -> tuple[dict, dict]:
        """Import a sample for Clarendon, export it, import that for Pomona and export again."""
        first = export_framework(import_sample(name, self.clarendon))
        again = actions.import_case_data(json.dumps(first), self.pomona, None).framework
        return first, export_framework(again)

    def test_import_export_import_loses_nothing_from_the_real_samples(self) -> None:
        for name in SAMPLE_NAMES:
            with self.subTest(name):
                original = parse_package(sample_bytes(name))
                first, second = self.round_trip(name)
                self.assertEqual(second, first)
                exported = parse_package(second)
                self.assertEqual(exported, original)  # every field of every object
                self.assertEqual(
                    [i.identifier for i in exported.items], [i.identifier for i in original.items]
                )
                self.assertEqual(
                    [a.identifier for a in exported.associations],
                    [a.identifier for a in original.associations],
                )
                items = {item.identifier: item for item in exported.items}
                for item in original.items:
                    for field in ITEM_FIELDS:
                        self.assertEqual(
                            getattr(items[item.identifier], field), getattr(item, field), field
                        )
                self.assertEqual(
                    [a.sequence_number for a in exported.associations],
                    [a.sequence_number for a in original.associations],
                )
                self.assertEqual(exported.definitions, original.definitions)
                self.assertEqual(exported.document.notes, original.document.notes)

    def test_the_export_of_each_real_sample_validates_against_the_case_schema(self) -> None:
        for name in SAMPLE_NAMES:
            with self.subTest(name):
                first, second = self.round_trip(name)
                self.assertEqual(schema_errors(first), [])
                self.assertEqual(schema_errors(second), [])

    def test_a_foreign_package_exports_without_a_trellis_extension(self) -> None:
        exported = json.dumps(export_framework(import_sample(SAMPLE_NAMES[1], self.clarendon)))
        self.assertNotIn('"trellis"', exported)

    def test_levels_specialties_and_descriptors_survive_a_round_trip(self) -> None:
        framework = actions.create_framework(
            self.clarendon, "Coaching", "How coaches lead.", ["rural", "secondary"], self.dana
        )
        top = actions.add_competency(
            framework,
            None,
            {
                "code": "C.1",
                "title": "Coaching cycles",
                "statement": "Runs coaching cycles with colleagues.",
                "notes": "",
                "levels": {"basic": "Joins a cycle.", "expert": "Trains coaches."},
                "specialties": {"rural": "Coaches across several small schools."},
            },
            self.dana,
        )
        data = export_framework(framework)
        self.assertEqual(schema_errors(data), [])
        copy = actions.import_case_data(json.dumps(data), self.pomona, None).framework
        self.assertEqual(
            list(copy.specialties.values_list("key", flat=True)), ["secondary", "rural"]
        )
        twin = copy.competencies.get(case_identifier=top.case_identifier)
        self.assertEqual(
            {d.level.key: d.description for d in twin.level_descriptors.select_related("level")},
            {"basic": "Joins a cycle.", "expert": "Trains coaches."},
        )
        self.assertEqual(
            [v.description for v in twin.variations.all()],
            ["Coaches across several small schools."],
        )
        self.assertEqual(export_framework(copy), data)

    def test_built_in_content_round_trips_and_validates(self) -> None:
        from frameworks.content_loader import load_builtin_frameworks

        for framework in load_builtin_frameworks():
            with self.subTest(framework.key):
                data = export_framework(framework)
                self.assertEqual(schema_errors(data), [])
                copy = actions.import_case_data(json.dumps(data), self.clarendon, None).framework
                self.assertEqual(export_framework(copy), data)
                self.assertEqual(copy.key, framework.key)
                self.assertEqual(
                    list(copy.levels.values_list("description", flat=True)),
                    list(framework.levels.values_list("description", flat=True)),
                )
        built_in = Framework.objects.filter(origin=Framework.Origin.BUILT_IN)
        self.assertEqual(built_in.count(), 3)
