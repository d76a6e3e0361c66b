"""Importing CASE packages into frameworks: real samples, re-imports, bad input, rollback."""

import copy
import json
from unittest import mock

from frameworks import actions
from frameworks.case import item_tree, parse_package
from frameworks.models import Competency, Framework, ProficiencyLevel
from tests.base import TrellisTestCase

from .helpers import SAMPLE_NAMES, import_sample, sample_bytes, sample_json, snapshot

ORDERING = "Ordering.json"
OPENSALT = SAMPLE_NAMES[0]


class CaseImportTests(TrellisTestCase):
    def test_it_imports_every_item_and_association_of_the_real_samples(self) -> None:
        for name in SAMPLE_NAMES:
            with self.subTest(name):
                framework = import_sample(name, self.clarendon, self.dana)
                data = sample_json(name)
                self.assertEqual(
                    set(framework.competencies.values_list("case_identifier", flat=True)),
                    {item["identifier"] for item in data["CFItems"]},
                )
                self.assertEqual(
                    set(framework.associations.values_list("case_identifier", flat=True)),
                    {a["identifier"] for a in data["CFAssociations"]},
                )
                self.assertEqual(framework.title, data["CFDocument"]["title"])
                self.assertEqual(framework.version, 1)
                self.assertEqual(framework.origin, Framework.Origin.IMPORTED)

    def test_it_keeps_the_fields_people_read_as_columns(self) -> None:
        framework = import_sample(OPENSALT, self.clarendon)
        item = next(i for i in sample_json(OPENSALT)["CFItems"] if i.get("CFItemType"))
        competency = framework.competencies.get(case_identifier=item["identifier"])
        self.assertEqual(competency.statement, item["fullStatement"])
        self.assertEqual(competency.code, item["humanCodingScheme"])
        self.assertEqual(competency.item_type, item["CFItemType"])
        self.assertEqual(competency.education_levels, ["06"])  # "educationalLevel": "06"

    def test_it_places_every_item_in_the_order_the_case_hierarchy_gives(self) -> None:
        framework = import_sample(ORDERING, self.clarendon)
        tree = item_tree(parse_package(sample_bytes(ORDERING)))
        expected = []
        for placement in tree.walk():
            if placement.item_id not in expected:
                expected.append(placement.item_id)
        in_order = list(framework.competencies.order_by("tree_order"))
        self.assertEqual([c.case_identifier for c in in_order], expected)
        by_identifier = {c.case_identifier: c for c in in_order}
        for child, parents in tree.parents.items():
            competency = by_identifier[child]
            parent = by_identifier.get(parents[0])
            self.assertEqual(competency.parent_id, parent.pk if parent else None)
            if parent:
                self.assertEqual(competency.depth, parent.depth + 1)
                self.assertTrue(competency.ancestors.endswith(f"/{parent.pk}/"))

    def test_reimporting_updates_instead_of_duplicating(self) -> None:
        framework = import_sample(ORDERING, self.clarendon, self.dana)
        pks = dict(framework.competencies.values_list("case_identifier", "pk"))
        data = sample_json(ORDERING)
        data["CFItems"][0]["fullStatement"] = "A clearer statement."
        data["CFAssociations"][0]["sequenceNumber"] = 99
        result = actions.import_case_data(json.dumps(data), self.clarendon, self.dana)
        self.assertFalse(result.created)
        self.assertEqual(result.framework.pk, framework.pk)
        self.assertEqual(Framework.objects.filter(organisation=self.clarendon).count(), 1)
        self.assertEqual(dict(framework.competencies.values_list("case_identifier", "pk")), pks)
        self.assertEqual(framework.associations.count(), len(data["CFAssociations"]))
        changed = Competency.objects.get(case_identifier=data["CFItems"][0]["identifier"])
        self.assertEqual(changed.statement, "A clearer statement.")
        self.assertEqual(result.summary.updated, 1)
        self.assertEqual(result.summary.associations_updated, 1)
        framework.refresh_from_db()
        self.assertEqual(framework.version, 2)
        self.assertEqual(list(framework.versions.values_list("number", flat=True)), [2, 1])

    def test_reimporting_an_unchanged_package_makes_no_new_version(self) -> None:
        framework = import_sample(OPENSALT, self.clarendon)
        before = snapshot()
        result = actions.import_case_data(
            sample_bytes(OPENSALT), self.clarendon, None, source=OPENSALT
        )
        self.assertFalse(result.summary.changed)
        framework.refresh_from_db()
        self.assertEqual(framework.version, 1)
        self.assertEqual(snapshot(), before)

    def test_an_item_left_out_of_a_reimport_is_retired_and_comes_back_with_its_id(self) -> None:
        framework = import_sample(ORDERING, self.clarendon)
        data = sample_json(ORDERING)
        leaf = next(
            item
            for item in data["CFItems"]
            if not any(
                a["destinationNodeURI"]["identifier"] == item["identifier"]
                for a in data["CFAssociations"]
            )
        )
        smaller = copy.deepcopy(data)
        smaller["CFItems"].remove(leaf)
        smaller["CFAssociations"] = [
            a
            for a in smaller["CFAssociations"]
            if a["originNodeURI"]["identifier"] != leaf["identifier"]
        ]
        pk = framework.competencies.get(case_identifier=leaf["identifier"]).pk
        result = actions.import_case_data(smaller, self.clarendon, None)
        self.assertEqual((result.summary.retired, result.summary.associations_deleted), (1, 1))
        self.assertIsNotNone(Competency.objects.get(pk=pk).retired_at)
        actions.import_case_data(data, self.clarendon, None)
        self.assertIsNone(Competency.objects.get(pk=pk).retired_at)
        self.assertEqual(framework.competencies.count(), len(data["CFItems"]))

    def test_an_organisation_and_the_shared_space_keep_separate_copies(self) -> None:
        shared = import_sample(OPENSALT)
        own = import_sample(OPENSALT, self.clarendon)
        self.assertNotEqual(shared.pk, own.pk)
        self.assertEqual(shared.competencies.count(), own.competencies.count())

    def test_an_imported_framework_gets_the_four_standard_levels(self) -> None:
        framework = import_sample(OPENSALT, self.clarendon)
        self.assertEqual(
            list(
                ProficiencyLevel.objects.filter(framework=framework).values_list("key", flat=True)
            ),
            ["basic", "proficient", "highly-proficient", "expert"],
        )


class BadCaseInputTests(TrellisTestCase):
    def assert_refused(self, data, *phrases: str) -> None:
        before = snapshot()
        with self.assertRaises(actions.ImportFailed) as caught:
            actions.import_case_data(data, self.clarendon, self.dana)
        text = " ".join(caught.exception.messages)
        for phrase in phrases:
            self.assertIn(phrase, text)
        self.assertEqual(snapshot(), before)

    def test_a_file_that_is_not_json_is_refused_with_where_it_breaks(self) -> None:
        self.assert_refused(b"{not json", "The file is not JSON", "line 1 column 2")

    def test_json_that_is_not_case_is_refused(self) -> None:
        self.assert_refused(b'{"name": "a spreadsheet"}', "This is not a CASE package")

    def test_a_dangling_association_is_refused_and_named(self) -> None:
        data = sample_json(ORDERING)
        association = data["CFAssociations"][0]
        association["originNodeURI"]["identifier"] = "00000000-0000-4000-8000-000000000999"
        self.assert_refused(data, association["identifier"], "00000000-0000-4000-8000-000000000999")

    def test_duplicate_identifiers_are_refused(self) -> None:
        data = sample_json(ORDERING)
        data["CFItems"].append(dict(data["CFItems"][0]))
        self.assert_refused(data, "is used by two CFItems")

    def test_a_bad_reimport_leaves_the_framework_as_it_was(self) -> None:
        import_sample(ORDERING, self.clarendon)
        data = sample_json(ORDERING)
        data["CFItems"][0]["fullStatement"] = "Changed"
        data["CFItems"].append(dict(data["CFItems"][1]))
        self.assert_refused(data, "is used by two CFItems")

    def test_a_failing_import_leaves_the_database_exactly_as_before(self) -> None:
        import_sample(ORDERING, self.clarendon)
        before = snapshot()
        data = sample_json(ORDERING)
        data["CFItems"][0]["fullStatement"] = "Half-applied?"
        data["CFItems"].append(
            dict(data["CFItems"][1], identifier="11111111-1111-4111-8111-111111111111")
        )
        # The competencies are written; then the associations step fails.
        with mock.patch(
            "frameworks.sync._sync_associations", side_effect=RuntimeError("disk full")
        ):
            with self.assertRaises(RuntimeError):
                actions.import_case_data(data, self.clarendon, self.dana)
        self.assertEqual(snapshot(), before)

    def test_a_failing_first_import_leaves_no_framework_behind(self) -> None:
        before = snapshot()
        with mock.patch("frameworks.sync._sync_details", side_effect=RuntimeError("boom")):
            with self.assertRaises(RuntimeError):
                import_sample(ORDERING, self.clarendon)
        self.assertEqual(snapshot(), before)

    def test_an_identifier_too_long_to_store_is_refused(self) -> None:
        data = sample_json(ORDERING)
        long = "a33fc64e-5c40-11e7-82c4-3d54268aa9ee" + "x" * 300
        data["CFAssociations"][0]["identifier"] = long
        self.assert_refused(data, "characters long; CASE identifiers are UUIDs")
