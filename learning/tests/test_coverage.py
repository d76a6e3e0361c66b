"""Coverage of a framework: counts per competency, gaps highlighted, bounded queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials.tests.helpers import make_issuer, publish_sample
from frameworks import actions as framework_actions
from frameworks.models import Competency, Framework
from learning import actions
from learning.coverage import framework_coverage
from learning.models import Resource

from .base import LearningTestCase

TEXT = {"code": "", "title": "", "notes": "", "levels": {}, "specialties": {}}


def build_framework(organisation, person, size: int) -> Framework:
    framework = framework_actions.create_framework(organisation, f"Map of {size}", "", [], person)
    parent = None
    for n in range(size):
        competency = framework_actions.add_competency(
            framework, parent if n % 5 else None, {**TEXT, "statement": f"Competency {n}"}, person
        )
        if n % 5 == 0:
            parent = competency
    return framework


class CoverageTests(LearningTestCase):
    def test_it_counts_what_is_aligned_and_marks_the_gaps(self) -> None:
        vision = Competency.objects.get(key="vision-and-strategy", framework__organisation=None)
        publish_sample(make_issuer(self.clarendon))  # aligned to vision-and-strategy
        self.guide.competencies.add(vision)
        rows = {row.competency.pk: row for row in framework_coverage(vision.framework, self.alice)}
        row = rows[vision.pk]
        self.assertEqual(row.micro_credentials, 1)
        self.assertEqual(row.resources, vision.resources.count())
        self.assertFalse(row.is_gap)
        self.client.force_login(self.alice)
        response = self.client.get(reverse("learning:coverage", args=[vision.framework_id]))
        self.assertContains(response, vision.name)
        self.assertEqual(response.context["total"], len(rows))

    def test_another_districts_resources_do_not_count(self) -> None:
        vision = Competency.objects.get(key="vision-and-strategy", framework__organisation=None)
        self.guide.competencies.add(vision)
        mine = {r.competency.pk: r for r in framework_coverage(vision.framework, self.alice)}
        theirs = {r.competency.pk: r for r in framework_coverage(vision.framework, self.oscar)}
        self.assertEqual(mine[vision.pk].resources, theirs[vision.pk].resources + 1)

    def test_an_empty_framework_is_all_gaps_and_the_filter_shows_them(self) -> None:
        framework = build_framework(self.clarendon, self.dana, 6)
        first = framework.competencies.order_by("tree_order").first()
        resource = Resource.objects.filter(organisation=None).first()
        resource.competencies.add(first)
        self.client.force_login(self.dana)
        response = self.client.get(
            reverse("learning:coverage", args=[framework.pk]), {"show": "gaps"}
        )
        self.assertEqual(response.context["gaps"], 5)
        self.assertEqual(len(response.context["rows"]), 5)
        self.assertContains(response, "Gap")

    def test_a_parent_counts_its_subtree_each_item_once(self) -> None:
        framework = build_framework(self.clarendon, self.dana, 5)  # one parent, four children
        parent, *children = framework.competencies.order_by("tree_order")
        resource = Resource.objects.filter(organisation=None).first()
        other = Resource.objects.filter(organisation=None).last()
        resource.competencies.add(children[0], children[1])
        other.competencies.add(children[2])
        rows = {row.competency.pk: row for row in framework_coverage(framework, self.dana)}
        self.assertEqual(rows[parent.pk].resources, 2)
        self.assertEqual(rows[parent.pk].own, (0, 0, 0))
        self.assertFalse(rows[parent.pk].is_gap)
        self.assertEqual(rows[children[0].pk].resources, 1)
        self.assertIsNone(rows[children[0].pk].own)
        self.client.force_login(self.dana)
        response = self.client.get(reverse("learning:coverage", args=[framework.pk]))
        self.assertContains(response, "0 directly")

    def test_resources_without_a_micro_credential_are_flagged_apart_from_gaps(self) -> None:
        framework = build_framework(self.clarendon, self.dana, 3)
        parent, taught, empty = framework.competencies.order_by("tree_order")
        Resource.objects.filter(organisation=None).first().competencies.add(taught)
        rows = {row.competency.pk: row for row in framework_coverage(framework, self.dana)}
        self.assertTrue(rows[taught.pk].cannot_be_credentialed)
        self.assertFalse(rows[taught.pk].is_gap)
        self.assertTrue(rows[empty.pk].is_gap)
        self.assertFalse(rows[empty.pk].cannot_be_credentialed)
        self.client.force_login(self.dana)
        url = reverse("learning:coverage", args=[framework.pk])
        response = self.client.get(url, {"show": "no-credential"})
        self.assertEqual(response.context["uncredentialed"], 2)  # the competency and its parent
        self.assertEqual([row.competency for row in response.context["rows"]], [parent, taught])
        self.assertContains(response, "No micro-credential")
        # Once a published micro-credential is aligned, the flag goes.
        publish_sample(make_issuer(self.clarendon)).competencies.add(taught)
        rows = {row.competency.pk: row for row in framework_coverage(framework, self.dana)}
        self.assertFalse(rows[taught.pk].cannot_be_credentialed)

    def test_the_page_costs_the_same_queries_for_small_and_large_frameworks(self) -> None:
        small = build_framework(self.clarendon, self.dana, 5)
        large = build_framework(self.clarendon, self.dana, 60)
        resources = list(Resource.objects.filter(organisation=None)[:10])
        for n, competency in enumerate(large.competencies.all()[:30]):
            resources[n % 10].competencies.add(competency)
        actions.create_playlist(self.dana, self.clarendon, "Unrelated")
        self.client.force_login(self.dana)
        with CaptureQueriesContext(connection) as counted:
            self.client.get(reverse("learning:coverage", args=[small.pk]))
        self.assertLessEqual(len(counted), 9)
        with self.assertNumQueries(len(counted)):
            response = self.client.get(reverse("learning:coverage", args=[large.pk]))
        self.assertEqual(response.context["total"], 60)

    def test_an_outsider_cannot_see_clarendons_framework_coverage(self) -> None:
        framework = build_framework(self.clarendon, self.dana, 2)
        self.client.force_login(self.oscar)
        response = self.client.get(reverse("learning:coverage", args=[framework.pk]))
        self.assertEqual(response.status_code, 404)
