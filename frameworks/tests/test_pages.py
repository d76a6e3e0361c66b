"""The framework pages: list, tree, competency, export, import, for leaders and teachers."""

import json
import re
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from frameworks import actions
from frameworks.case import make_large_package, parse_package
from frameworks.content_loader import load_builtin_frameworks
from frameworks.fetch import FetchError
from frameworks.models import Framework
from tests.base import TrellisTestCase

from .helpers import SAMPLE_NAMES, import_sample, sample_bytes, snapshot
from .test_case import schema_errors

ORDERING = "Ordering.json"


class FrameworkPagesTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.builtins = {f.key: f for f in load_builtin_frameworks()}
        cls.ordering = import_sample(ORDERING, cls.clarendon, cls.dana)

    def test_the_list_shows_shared_frameworks_and_my_districts_own(self) -> None:
        self.client.force_login(self.alice)
        html = self.client.get(reverse("frameworks:list")).content.decode()
        self.assertIn("Deeper Learning Competencies for Educators", html)
        self.assertIn("Ten Roles for Leading Toward Deeper Learning", html)
        self.assertIn("ACT Holistic Framework, Math", html)
        self.assertIn('<th scope="col">', html)
        self.assertNotIn("Write your own framework", html)  # Alice teaches; she leads nothing

    def test_an_outsider_sees_the_shared_frameworks_but_not_clarendons(self) -> None:
        self.client.force_login(self.oscar)
        html = self.client.get(reverse("frameworks:list")).content.decode()
        self.assertIn("Seven Conditions for Teacher Leadership", html)
        self.assertNotIn("ACT Holistic Framework", html)
        url = reverse("frameworks:detail", args=[self.ordering.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        shared = reverse("frameworks:detail", args=[self.builtins["seven-conditions"].pk])
        self.assertEqual(self.client.get(shared).status_code, 200)

    def test_the_framework_page_shows_the_tree_with_levels_and_specialties(self) -> None:
        framework = self.builtins["leadership-roles"]
        self.client.force_login(self.alice)
        html = self.client.get(reverse("frameworks:detail", args=[framework.pk])).content.decode()
        for text in ("Vision Builders &amp; Mission Drivers", "LR.1.1", "Highly proficient"):
            self.assertIn(text, html)
        for specialty in ("Turnaround", "Rural", "New school startup"):
            self.assertIn(specialty, html)
        # LR.1.1 is nested in LR.1's list item, before LR.2 starts.
        self.assertLess(html.index("LR.1.1"), html.index("LR.2<"))
        self.assertIn('<ul class="competency-tree">', html)
        self.assertEqual(html.count("<ul"), html.count("</ul>"))
        self.assertEqual(len(re.findall(r"<li[ >]", html)), html.count("</li>"))

    def detail_queries(self, framework: Framework) -> int:
        self.client.force_login(self.dana)
        url = reverse("frameworks:detail", args=[framework.pk])
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_the_framework_page_runs_the_same_queries_for_14_or_1000_competencies(self) -> None:
        small = import_sample("SmartLevelFramework.json", self.clarendon)
        large = actions.import_case_data(make_large_package(1000), self.clarendon, None).framework
        self.assertEqual(large.competencies.count(), 1000)
        self.assertEqual(self.detail_queries(small), self.detail_queries(large))

    def test_the_competency_page_shows_its_place_levels_and_links(self) -> None:
        framework = self.builtins["deeper-learning-competencies"]
        child = framework.competencies.get(key="deep-subject-knowledge")
        self.client.force_login(self.alice)
        url = reverse("frameworks:competency", args=[framework.pk, child.pk])
        html = self.client.get(url).content.decode()
        self.assertIn("Master core academic content", html)  # the parent, in the breadcrumbs
        self.assertIn("DL.1.1", html)
        self.assertIn("Proficient", html)
        self.assertIn(child.case_identifier, html)

    def test_a_competency_of_another_framework_is_not_found(self) -> None:
        framework = self.builtins["deeper-learning-competencies"]
        other = self.ordering.competencies.first()
        self.client.force_login(self.dana)
        url = reverse("frameworks:competency", args=[framework.pk, other.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_anyone_can_open_a_shared_competency_by_its_key(self) -> None:
        response = self.client.get(
            reverse("frameworks:competency-by-key", args=["think-critically"])
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Think critically", response.content.decode())
        self.client.force_login(self.alice)
        response = self.client.get(
            reverse("frameworks:competency-by-key", args=["think-critically"])
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(reverse("frameworks:competency-by-key", args=["nope"])[-5:], "nope/")
        self.assertEqual(
            self.client.get(reverse("frameworks:competency-by-key", args=["nope"])).status_code, 404
        )

    def test_the_download_is_a_schema_valid_case_attachment(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(reverse("frameworks:export", args=[self.ordering.pk]))
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertIn(self.ordering.case_identifier, response["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(schema_errors(data), [])
        self.assertEqual(parse_package(data), parse_package(sample_bytes(ORDERING)))

    def test_the_navigation_links_to_the_frameworks(self) -> None:
        self.client.force_login(self.alice)
        html = self.client.get(reverse("home")).content.decode()
        self.assertIn(f'href="{reverse("frameworks:list")}"', html)


class ImportPageTests(TrellisTestCase):
    def post(self, **data):
        self.client.force_login(self.dana)
        return self.client.post(
            reverse("frameworks:import"), {"organisation": self.clarendon.pk, **data}
        )

    def upload(self, name: str, content: bytes):
        return self.post(file=SimpleUploadedFile(name, content, "application/json"))

    def test_a_leader_imports_each_real_sample_from_a_file(self) -> None:
        for name in SAMPLE_NAMES:
            with self.subTest(name):
                response = self.upload(name, sample_bytes(name))
                framework = Framework.objects.get(organisation=self.clarendon, imported_from=name)
                self.assertRedirects(response, reverse("frameworks:detail", args=[framework.pk]))
        self.assertEqual(Framework.objects.filter(organisation=self.clarendon).count(), 3)

    def test_uploading_the_same_file_twice_says_nothing_changed(self) -> None:
        self.upload(ORDERING, sample_bytes(ORDERING))
        response = self.upload(ORDERING, sample_bytes(ORDERING))
        self.assertEqual(Framework.objects.filter(organisation=self.clarendon).count(), 1)
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn("already imported; nothing has changed", page)

    def test_a_leader_imports_from_a_web_address(self) -> None:
        url = "https://case.example.org/ims/case/v1p0/CFPackages/a33fc64e"
        with mock.patch(
            "frameworks.views.case_import.fetch_case_package", return_value=sample_bytes(ORDERING)
        ) as fetch:
            response = self.post(url=url)
        fetch.assert_called_once_with(url)
        framework = Framework.objects.get(imported_from=url)
        self.assertRedirects(response, reverse("frameworks:detail", args=[framework.pk]))

    def test_an_unreachable_address_is_explained_beside_the_field(self) -> None:
        failure = FetchError("case.example.org did not send the package within 20 seconds.")
        with mock.patch("frameworks.views.case_import.fetch_case_package", side_effect=failure):
            response = self.post(url="https://case.example.org/p.json")
        self.assertContains(response, "did not send the package within 20 seconds")
        self.assertFalse(Framework.objects.filter(origin=Framework.Origin.IMPORTED).exists())

    def test_a_non_web_address_is_refused(self) -> None:
        for address in ("file:///etc/passwd", "ftp://example.org/case.json"):
            response = self.post(url=address)
            self.assertContains(response, "starts with http:// or https://")
        self.assertFalse(Framework.objects.filter(origin=Framework.Origin.IMPORTED).exists())

    def test_a_file_or_an_address_is_required_but_not_both(self) -> None:
        self.assertContains(self.post(), "one of the two")
        both = self.post(
            file=SimpleUploadedFile("a.json", b"{}"), url="https://case.example.org/p.json"
        )
        self.assertContains(both, "one of the two")

    def test_bad_files_get_the_readers_messages_and_save_nothing(self) -> None:
        before = snapshot()
        cases = {
            b"<html>not json</html>": "The file is not JSON",
            b'{"rows": []}': "This is not a CASE package",
        }
        data = json.loads(sample_bytes(ORDERING))
        data["CFItems"].append(dict(data["CFItems"][0]))
        cases[json.dumps(data).encode()] = "is used by two CFItems"
        data = json.loads(sample_bytes(ORDERING))
        data["CFAssociations"][0]["destinationNodeURI"]["identifier"] = (
            "99999999-9999-4999-8999-999999999999"
        )
        cases[json.dumps(data).encode()] = "which is not in the package"
        for content, message in cases.items():
            with self.subTest(message):
                response = self.upload("bad.json", content)
                self.assertContains(response, message, status_code=400)
                self.assertContains(response, "Nothing was saved", status_code=400)
                self.assertContains(response, 'role="alert"', status_code=400)
        self.assertEqual(snapshot(), before)

    def test_a_teacher_cannot_import(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("frameworks:import"),
            {"organisation": self.walker_gamble.pk, "file": SimpleUploadedFile("o.json", b"{}")},
        )
        self.assertContains(response, "Only administrators and policymakers")
        self.assertFalse(Framework.objects.filter(origin=Framework.Origin.IMPORTED).exists())

    def test_a_leader_cannot_import_into_another_district(self) -> None:
        self.client.force_login(self.oscar)
        response = self.client.post(
            reverse("frameworks:import"),
            {
                "organisation": self.clarendon.pk,
                "file": SimpleUploadedFile("o.json", sample_bytes(ORDERING)),
            },
        )
        self.assertContains(response, "Select a valid choice")
        self.assertFalse(Framework.objects.filter(origin=Framework.Origin.IMPORTED).exists())

    def test_repairs_made_while_reading_are_summed_up_and_listed(self) -> None:
        response = self.upload(SAMPLE_NAMES[0], sample_bytes(SAMPLE_NAMES[0]))
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn("Trellis repaired 4 things while reading the file", page)
        self.assertIn("they were completed as UTC", page)
        self.assertIn("educationalLevel", page)
