"""Importing a framework again never loses what an organisation wrote in Trellis.

An imported framework mirrors its CASE source: it is read-only here, and leaders copy it to
adapt it. Competencies written in Trellis survive any import; an import that would retire
competencies, or replace text written in Trellis, asks first on the import page.
"""

import copy
import importlib
import json
import tempfile
import uuid
from pathlib import Path

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from frameworks import actions
from frameworks.content_loader import load_builtin_frameworks
from frameworks.exporting import export_framework
from frameworks.models import Competency, Framework, FrameworkVersion
from lib.errors import ActionError
from tests.base import TrellisTestCase

from .helpers import import_sample, sample_bytes, sample_json
from .test_case import schema_errors
from .test_commands import run

ORDERING = "Ordering.json"
TEXT = {"code": "", "title": "", "notes": "", "levels": {}, "specialties": {}}


def without_leaf(data: dict) -> tuple[dict, dict]:
    """Return the package without one item that has no children, and that item."""
    leaf = next(
        item
        for item in data["CFItems"]
        if not any(
            a["destinationNodeURI"]["identifier"] == item["identifier"]
            for a in data["CFAssociations"]
        )
    )
    smaller = copy.deepcopy(data)
    smaller["CFItems"] = [i for i in smaller["CFItems"] if i["identifier"] != leaf["identifier"]]
    smaller["CFAssociations"] = [
        a
        for a in smaller["CFAssociations"]
        if a["originNodeURI"]["identifier"] != leaf["identifier"]
    ]
    return smaller, leaf


def add_as_before(framework: Framework, parent: Competency | None, code: str, by) -> Competency:
    """Add a competency to an imported framework, as the page allowed before it was read-only."""
    origin = framework.origin
    Framework.objects.filter(pk=framework.pk).update(origin=Framework.Origin.AUTHORED)
    framework.origin = Framework.Origin.AUTHORED
    competency = actions.add_competency(
        framework, parent, {**TEXT, "code": code, "statement": f"{code} statement."}, by
    )
    Framework.objects.filter(pk=framework.pk).update(origin=origin)
    framework.origin = origin
    return competency


class ImportedFrameworksAreReadOnlyTests(TrellisTestCase):
    def setUp(self) -> None:
        self.framework = import_sample(ORDERING, self.clarendon, self.dana)

    def test_the_page_offers_a_copy_instead_of_adding_or_editing(self) -> None:
        self.client.force_login(self.dana)
        page = self.client.get(reverse("frameworks:detail", args=[self.framework.pk]))
        self.assertContains(page, "mirrors its CASE source (Ordering.json)")
        self.assertContains(page, reverse("frameworks:copy", args=[self.framework.pk]))
        self.assertNotContains(page, "Add a competency")
        self.assertNotContains(page, reverse("frameworks:edit", args=[self.framework.pk]))
        competency = self.framework.competencies.first()
        detail = reverse("frameworks:competency", args=[self.framework.pk, competency.pk])
        self.assertNotContains(self.client.get(detail), "Edit this competency")
        for url in (
            reverse("frameworks:competency-create", args=[self.framework.pk]),
            reverse("frameworks:competency-edit", args=[self.framework.pk, competency.pk]),
            reverse("frameworks:edit", args=[self.framework.pk]),
        ):
            self.assertEqual(self.client.post(url, {"statement": "X"}).status_code, 404, url)

    def test_the_actions_refuse_to_change_it(self) -> None:
        with self.assertRaisesMessage(ActionError, "copy it to adapt it"):
            actions.add_competency(self.framework, None, {**TEXT, "statement": "X"}, self.dana)
        competency = self.framework.competencies.first()
        assert competency is not None
        with self.assertRaisesMessage(ActionError, "mirrors its CASE source"):
            actions.edit_competency(competency, {**TEXT, "statement": "X"}, self.dana)

    def test_a_leader_copies_it_to_adapt_and_the_copy_is_her_own(self) -> None:
        self.client.force_login(self.paula)  # the Walker-Gamble principal
        url = reverse("frameworks:copy", args=[self.framework.pk])
        self.assertContains(self.client.get(url), "ACT Holistic Framework, Math (adapted)")
        response = self.client.post(
            url, {"organisation": self.walker_gamble.pk, "title": "Walker-Gamble math"}
        )
        adapted = Framework.objects.get(title="Walker-Gamble math")
        self.assertRedirects(response, reverse("frameworks:detail", args=[adapted.pk]))
        self.assertEqual(
            (adapted.organisation, adapted.origin),
            (self.walker_gamble, Framework.Origin.AUTHORED),
        )
        original = list(self.framework.competencies.order_by("tree_order"))
        copied = list(adapted.competencies.order_by("tree_order"))
        self.assertEqual([c.code for c in copied], [c.code for c in original])
        self.assertEqual([c.depth for c in copied], [c.depth for c in original])
        self.assertTrue(all(c.written_in_trellis for c in copied))
        self.assertFalse(
            {c.case_identifier for c in copied} & {c.case_identifier for c in original}
        )
        self.assertNotEqual(adapted.case_identifier, self.framework.case_identifier)
        data = export_framework(adapted)
        self.assertEqual(schema_errors(data), [])
        self.assertNotIn(self.framework.case_identifier, json.dumps(data))
        self.assertIn("Copied from “ACT Holistic Framework, Math”", adapted.versions.get().summary)

        page = self.client.get(reverse("frameworks:detail", args=[adapted.pk]))
        self.assertContains(page, "Add a competency")
        actions.add_competency(adapted, None, {**TEXT, "statement": "Ours."}, self.paula)
        actions.import_case_data(sample_bytes(ORDERING), self.clarendon, None)
        self.assertEqual(adapted.competencies.filter(retired_at__isnull=True).count(), 29)

    def test_a_teacher_cannot_copy_and_an_outsider_cannot_see_it(self) -> None:
        url = reverse("frameworks:copy", args=[self.framework.pk])
        for person in (self.alice, self.oscar):
            self.client.force_login(person)
            response = self.client.post(url, {"organisation": self.pomona.pk, "title": "Mine"})
            self.assertEqual(response.status_code, 404, person)
        self.assertFalse(Framework.objects.filter(title="Mine").exists())

    def test_a_built_in_framework_copies_with_its_levels_and_texts(self) -> None:
        built_in = next(f for f in load_builtin_frameworks() if f.key == "leadership-roles")
        adapted = actions.copy_framework(built_in, self.clarendon, "Our roles", self.dana)
        self.assertEqual(adapted.key, "")
        self.assertEqual(
            list(adapted.levels.values_list("title", flat=True)),
            list(built_in.levels.values_list("title", flat=True)),
        )
        self.assertEqual(adapted.competencies.count(), built_in.competencies.count())
        self.assertFalse(adapted.competencies.exclude(key="").exists())


class ImportingAgainKeepsLocalWorkTests(TrellisTestCase):
    def setUp(self) -> None:
        self.framework = import_sample(ORDERING, self.clarendon, self.dana)
        self.parent = self.framework.competencies.filter(depth=1).first()

    def test_a_competency_added_in_trellis_survives_the_same_file_again(self) -> None:
        local = add_as_before(self.framework, self.parent, "LOCAL.1", self.dana)
        result = actions.import_case_data(sample_bytes(ORDERING), self.clarendon, self.dana)
        local.refresh_from_db()
        self.assertIsNone(local.retired_at)
        self.assertEqual(local.parent, self.parent)
        self.assertEqual(result.summary.retired, 0)
        self.assertEqual(result.kept, ["LOCAL.1 LOCAL.1 statement."])
        codes = [i.get("humanCodingScheme") for i in export_framework(self.framework)["CFItems"]]
        self.assertIn("LOCAL.1", codes)

    def test_it_moves_to_the_top_when_the_file_drops_its_parent(self) -> None:
        data = sample_json(ORDERING)
        smaller, leaf = without_leaf(data)
        parent = self.framework.competencies.get(case_identifier=leaf["identifier"])
        local = add_as_before(self.framework, parent, "LOCAL.2", self.dana)
        result = actions.import_case_data(smaller, self.clarendon, self.dana)
        local.refresh_from_db()
        parent.refresh_from_db()
        self.assertIsNotNone(parent.retired_at)
        self.assertEqual((local.retired_at, local.parent, local.depth), (None, None, 1))
        self.assertEqual(result.summary.retired_names, [str(parent)])
        self.assertTrue(any("now at the top of the framework" in w for w in result.warnings))
        version = self.framework.versions.first()
        self.assertIn(f"Removed: {parent}.", version.summary)
        self.assertIn("Kept 1 competency written in Trellis", version.summary)

    def test_the_import_page_asks_before_retiring_and_names_what_goes(self) -> None:
        smaller, leaf = without_leaf(sample_json(ORDERING))
        self.client.force_login(self.dana)
        upload = SimpleUploadedFile("smaller.json", json.dumps(smaller).encode())
        response = self.client.post(
            reverse("frameworks:import"), {"organisation": self.clarendon.pk, "file": upload}
        )
        self.assertContains(response, "so it would be retired")
        self.assertContains(response, leaf["humanCodingScheme"])
        self.assertContains(response, 'type="checkbox" name="confirm"')
        retired = self.framework.competencies.get(case_identifier=leaf["identifier"])
        self.assertIsNone(retired.retired_at)
        self.assertEqual(self.framework.versions.count(), 1)

        upload = SimpleUploadedFile("smaller.json", json.dumps(smaller).encode())
        response = self.client.post(
            reverse("frameworks:import"),
            {"organisation": self.clarendon.pk, "file": upload, "confirm": "on"},
        )
        retired.refresh_from_db()
        self.assertIsNotNone(retired.retired_at)
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn("Retired, because the package no longer has them:", page)
        self.assertIn(leaf["humanCodingScheme"], page)

    def test_the_import_page_asks_before_replacing_text_written_in_trellis(self) -> None:
        own = actions.create_framework(self.clarendon, "Coaching", "", [], self.dana)
        competency = actions.add_competency(
            own, None, {**TEXT, "code": "C.1", "statement": "Our words."}, self.dana
        )
        data = export_framework(own)
        data["CFItems"][0]["fullStatement"] = "Their words."
        self.client.force_login(self.dana)
        upload = SimpleUploadedFile("coaching.json", json.dumps(data).encode())
        response = self.client.post(
            reverse("frameworks:import"), {"organisation": self.clarendon.pk, "file": upload}
        )
        self.assertContains(response, "would replace their code, title, statement or notes")
        self.assertContains(response, "C.1 Our words.")
        competency.refresh_from_db()
        self.assertEqual(competency.statement, "Our words.")


class DuplicateCodeTests(TrellisTestCase):
    def setUp(self) -> None:
        self.framework = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        self.first = actions.add_competency(
            self.framework, None, {**TEXT, "code": "WG.1", "statement": "One."}, self.dana
        )

    def test_a_second_competency_with_the_same_code_is_refused_by_name(self) -> None:
        self.client.force_login(self.dana)
        response = self.client.post(
            reverse("frameworks:competency-create", args=[self.framework.pk]),
            {"code": "wg.1 ", "statement": "Two."},
        )
        self.assertContains(response, "The code wg.1 is already used by “One.” in this framework.")
        self.assertEqual(self.framework.competencies.count(), 1)

    def test_editing_another_competency_to_that_code_is_refused(self) -> None:
        second = actions.add_competency(
            self.framework, None, {**TEXT, "code": "WG.2", "statement": "Two."}, self.dana
        )
        with self.assertRaisesMessage(ActionError, "The code WG.1 is already used"):
            actions.edit_competency(
                second, {**TEXT, "code": "WG.1", "statement": "Two."}, self.dana
            )
        changed = actions.edit_competency(
            self.first, {**TEXT, "code": "WG.1", "statement": "One, reworded."}, self.dana
        )
        self.assertTrue(changed)


class ImportReportTests(TrellisTestCase):
    def test_an_item_whose_parent_is_outside_the_package_is_named(self) -> None:
        data = sample_json(ORDERING)
        child_of = next(
            a
            for a in data["CFAssociations"]
            if a["associationType"] == "isChildOf"
            and a["destinationNodeURI"]["identifier"] != data["CFDocument"]["identifier"]
        )
        child_of["destinationNodeURI"] = {
            "title": "Elsewhere",
            "identifier": str(uuid.uuid4()),
            "uri": "https://nowhere.example/99999999",
        }
        self.client.force_login(self.dana)
        upload = SimpleUploadedFile("cut.json", json.dumps(data).encode())
        response = self.client.post(
            reverse("frameworks:import"), {"organisation": self.clarendon.pk, "file": upload}
        )
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn("placed under a parent outside the package", page)
        self.assertIn(child_of["originNodeURI"]["title"], page)
        self.assertIn(child_of["identifier"], page)
        self.assertIn("https://nowhere.example/99999999", page)
        framework = Framework.objects.get(organisation=self.clarendon)
        item = framework.competencies.get(case_identifier=child_of["originNodeURI"]["identifier"])
        self.assertEqual((item.parent, item.depth), (None, 1))

    def test_rubrics_are_counted_when_added_and_changed(self) -> None:
        data = sample_json(ORDERING)
        rubric_id = str(uuid.uuid4())
        data["CFRubrics"] = [
            {
                "identifier": rubric_id,
                "uri": f"https://case.example.org/CFRubrics/{rubric_id}",
                "title": "Scoring guide",
                "lastChangeDateTime": "2024-01-01T00:00:00+00:00",
            }
        ]
        first = actions.import_case_data(data, self.clarendon, None)
        self.assertEqual(first.summary.rubrics_added, 1)
        self.assertIn("1 rubric added", first.framework.versions.get().summary)
        data["CFRubrics"][0]["title"] = "Scoring guide, revised"
        self.client.force_login(self.dana)
        upload = SimpleUploadedFile("rubric.json", json.dumps(data).encode())
        response = self.client.post(
            reverse("frameworks:import"), {"organisation": self.clarendon.pk, "file": upload}
        )
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn("Rubrics: 1 rubric updated.", page)
        self.assertIn("1 rubric updated", first.framework.versions.first().summary)

    def test_a_command_line_import_shows_the_file_name_not_the_server_path(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "ordering-copy.json"
            path.write_bytes(sample_bytes(ORDERING))
            run("import_case", str(path), "--organisation", str(self.clarendon.pk))
        framework = Framework.objects.get(organisation=self.clarendon)
        self.assertEqual(framework.imported_from, "ordering-copy.json")
        self.assertIn("Source: ordering-copy.json.", framework.versions.get().summary)
        self.client.force_login(self.alice)
        page = self.client.get(reverse("frameworks:detail", args=[framework.pk]))
        self.assertNotContains(page, folder)

    def test_an_adopted_framework_is_listed_among_the_organisations_own(self) -> None:
        roles = next(f for f in load_builtin_frameworks() if f.key == "leadership-roles")
        actions.adopt_framework(roles, self.walker_gamble, self.paula)
        self.client.force_login(self.paula)
        page = self.client.get(reverse("frameworks:list")).content.decode()
        own = page.split("Your organisations’ frameworks", 1)[1]
        self.assertIn(roles.title, own)
        self.assertIn("Adopted", own)


class MigrationTests(TrellisTestCase):
    def test_competencies_added_to_an_imported_framework_are_recognised(self) -> None:
        framework = import_sample(ORDERING, self.clarendon)
        local = add_as_before(framework, None, "LOCAL.1", self.dana)
        own = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        mine = actions.add_competency(own, None, {**TEXT, "statement": "Mine."}, self.dana)
        Competency.objects.update(written_in_trellis=False)
        FrameworkVersion.objects.filter(framework=framework).update(
            summary="Imported from CASE: 1 added. Source: /srv/uploads/ordering.json."
        )
        migration = importlib.import_module(
            "frameworks.migrations.0002_competency_written_in_trellis"
        )
        migration.mark_written_in_trellis(apps, None)
        migration.strip_paths(apps, None)
        self.assertEqual(set(Competency.objects.filter(written_in_trellis=True)), {local, mine})
        self.assertEqual(
            framework.versions.first().summary,
            "Imported from CASE: 1 added. Source: ordering.json.",
        )
