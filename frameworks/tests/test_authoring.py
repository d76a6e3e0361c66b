"""Leaders write their organisation's own framework, edit it, and adopt shared ones."""

from django.urls import reverse

from frameworks import actions
from frameworks.content_loader import load_builtin_frameworks
from frameworks.exporting import export_framework
from frameworks.models import Competency, Framework, FrameworkAdoption
from lib.errors import ActionError
from tests.base import TrellisTestCase

from .helpers import import_sample
from .test_case import schema_errors

TEXT = {"code": "", "title": "", "notes": "", "levels": {}, "specialties": {}}


class AuthoringTests(TrellisTestCase):
    def create(self, **data):
        self.client.force_login(self.dana)
        return self.client.post(reverse("frameworks:create"), data)

    def test_a_district_leader_writes_a_framework_with_competencies(self) -> None:
        response = self.create(
            organisation=self.clarendon.pk,
            title="Clarendon Coaching Framework",
            description="What our instructional coaches do.",
            specialties=["rural", "elementary"],
        )
        framework = Framework.objects.get(title="Clarendon Coaching Framework")
        self.assertRedirects(response, reverse("frameworks:detail", args=[framework.pk]))
        self.assertEqual(framework.organisation, self.clarendon)
        self.assertEqual(framework.origin, Framework.Origin.AUTHORED)
        self.assertEqual(
            list(framework.specialties.values_list("key", flat=True)), ["elementary", "rural"]
        )
        self.assertEqual(framework.levels.count(), 4)

        add = reverse("frameworks:competency-create", args=[framework.pk])
        self.client.post(
            add,
            {"code": "CC.1", "title": "Coaching cycles", "statement": "Runs coaching cycles."},
        )
        top = Competency.objects.get(code="CC.1")
        response = self.client.post(
            add,
            {
                "parent": top.pk,
                "code": "CC.1.1",
                "statement": "Plans a cycle with a colleague.",
                "level_expert": "Trains other coaches to plan cycles.",
                "specialty_rural": "Plans across several small schools by video.",
            },
        )
        child = Competency.objects.get(code="CC.1.1")
        self.assertRedirects(
            response, reverse("frameworks:competency", args=[framework.pk, child.pk])
        )
        self.assertEqual((child.parent, child.depth), (top, 2))
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn("Trains other coaches to plan cycles.", page)
        self.assertIn("Plans across several small schools by video.", page)
        framework.refresh_from_db()
        self.assertEqual(framework.version, 3)
        data = export_framework(framework)
        self.assertEqual(schema_errors(data), [])
        self.assertEqual([i["humanCodingScheme"] for i in data["CFItems"]], ["CC.1", "CC.1.1"])

    def test_editing_a_competency_keeps_its_identity_and_counts_a_version(self) -> None:
        framework = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        competency = actions.add_competency(
            framework, None, {**TEXT, "statement": "Leads a team."}, self.dana
        )
        self.client.force_login(self.dana)
        url = reverse("frameworks:competency-edit", args=[framework.pk, competency.pk])
        self.assertContains(self.client.get(url), "Leads a team.")
        self.client.post(
            url, {"code": "O.1", "statement": "Leads a grade-level team.", "level_basic": "Joins."}
        )
        competency.refresh_from_db()
        self.assertEqual(
            (competency.code, competency.statement), ("O.1", "Leads a grade-level team.")
        )
        self.assertEqual(competency.level_descriptors.get().description, "Joins.")
        self.assertEqual(Competency.objects.filter(framework=framework).count(), 1)
        framework.refresh_from_db()
        self.assertEqual(framework.version, 3)
        self.client.post(
            url, {"code": "O.1", "statement": "Leads a grade-level team.", "level_basic": "Joins."}
        )
        framework.refresh_from_db()
        self.assertEqual(framework.version, 3)  # nothing changed, nothing counted

    def test_a_competency_needs_a_statement(self) -> None:
        framework = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        self.client.force_login(self.dana)
        response = self.client.post(
            reverse("frameworks:competency-create", args=[framework.pk]), {"code": "X"}
        )
        self.assertContains(response, "This field is required")
        with self.assertRaises(ActionError):
            actions.add_competency(framework, None, {**TEXT, "statement": "  "}, self.dana)

    def test_children_are_numbered_after_their_siblings(self) -> None:
        framework = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        for code in ("B", "A", "C"):
            actions.add_competency(
                framework, None, {**TEXT, "code": code, "statement": code}, self.dana
            )
        in_order = framework.competencies.order_by("tree_order").values_list("code", flat=True)
        self.assertEqual(list(in_order), ["B", "A", "C"])

    def test_editing_the_framework_changes_its_title_and_specialties(self) -> None:
        framework = actions.create_framework(self.clarendon, "Ours", "", ["rural"], self.dana)
        self.client.force_login(self.dana)
        url = reverse("frameworks:edit", args=[framework.pk])
        self.client.post(url, {"title": "Ours, renamed", "specialties": ["turnaround"]})
        framework.refresh_from_db()
        self.assertEqual(framework.title, "Ours, renamed")
        self.assertEqual(list(framework.specialties.values_list("key", flat=True)), ["turnaround"])
        self.assertEqual(framework.version, 2)

    def test_editing_a_copy_of_an_imported_framework_keeps_its_other_case_fields(self) -> None:
        imported = import_sample("Ordering.json", self.clarendon)
        framework = actions.copy_framework(imported, self.clarendon, "Our math", self.dana)
        competency = framework.competencies.exclude(title="").first()
        assert competency is not None
        extra = dict(competency.case_extra)
        actions.edit_competency(
            competency,
            {
                **TEXT,
                "code": competency.code,
                "title": competency.title,
                "statement": "Rewritten.",
            },
            self.dana,
        )
        competency.refresh_from_db()
        self.assertEqual(competency.statement, "Rewritten.")
        changed = {k for k in extra if extra[k] != competency.case_extra.get(k)}
        self.assertEqual(changed, {"lastChangeDateTime"})
        self.assertEqual(schema_errors(export_framework(framework)), [])

    def test_teachers_and_outsiders_cannot_write_or_edit(self) -> None:
        framework = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        for person in (self.alice, self.oscar):
            self.client.force_login(person)
            for name in ("frameworks:edit", "frameworks:competency-create"):
                response = self.client.post(reverse(name, args=[framework.pk]), {"title": "X"})
                self.assertEqual(response.status_code, 404, (person, name))
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(reverse("frameworks:create")).status_code, 404)
        framework.refresh_from_db()
        self.assertEqual(framework.title, "Ours")

    def test_a_principal_can_see_but_not_edit_the_districts_framework(self) -> None:
        framework = actions.create_framework(self.clarendon, "District", "", [], self.dana)
        self.client.force_login(self.paula)
        self.assertEqual(
            self.client.get(reverse("frameworks:detail", args=[framework.pk])).status_code, 200
        )
        self.assertEqual(
            self.client.get(reverse("frameworks:edit", args=[framework.pk])).status_code, 404
        )

    def test_shared_frameworks_cannot_be_edited(self) -> None:
        framework = load_builtin_frameworks()[0]
        with self.assertRaises(ActionError):
            actions.edit_framework(framework, "Mine now", "", [], self.dana)
        self.client.force_login(self.dana)
        response = self.client.get(reverse("frameworks:edit", args=[framework.pk]))
        self.assertEqual(response.status_code, 404)


class AdoptionTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.roles = next(f for f in load_builtin_frameworks() if f.key == "leadership-roles")

    def test_a_principal_adopts_a_shared_framework_for_her_school(self) -> None:
        self.client.force_login(self.paula)
        url = reverse("frameworks:adopt", args=[self.roles.pk])
        self.assertContains(self.client.get(url), "Walker-Gamble Elementary")
        response = self.client.post(url, {"organisation": self.walker_gamble.pk})
        self.assertRedirects(response, reverse("frameworks:detail", args=[self.roles.pk]))
        self.assertTrue(
            FrameworkAdoption.objects.filter(
                framework=self.roles, organisation=self.walker_gamble, adopted_by=self.paula
            ).exists()
        )
        self.client.post(url, {"organisation": self.walker_gamble.pk})
        self.assertEqual(FrameworkAdoption.objects.count(), 1)
        self.client.force_login(self.alice)
        listing = self.client.get(reverse("frameworks:list")).content.decode()
        self.assertIn("Walker-Gamble Elementary", listing)

    def test_a_leader_can_stop_using_it(self) -> None:
        actions.adopt_framework(self.roles, self.clarendon, self.dana)
        self.client.force_login(self.dana)
        self.client.post(
            reverse("frameworks:adopt", args=[self.roles.pk]),
            {"organisation": self.clarendon.pk, "stop": "yes"},
        )
        self.assertFalse(FrameworkAdoption.objects.exists())

    def test_only_leaders_of_the_organisation_can_adopt(self) -> None:
        url = reverse("frameworks:adopt", args=[self.roles.pk])
        self.client.force_login(self.alice)
        self.assertEqual(
            self.client.post(url, {"organisation": self.walker_gamble.pk}).status_code, 404
        )
        self.client.force_login(self.oscar)
        response = self.client.post(url, {"organisation": self.walker_gamble.pk})
        self.assertContains(response, "Select a valid choice")
        self.assertFalse(FrameworkAdoption.objects.exists())

    def test_an_organisations_own_framework_cannot_be_adopted(self) -> None:
        own = actions.create_framework(self.clarendon, "Ours", "", [], self.dana)
        with self.assertRaises(ActionError):
            actions.adopt_framework(own, self.walker_gamble, self.dana)
        self.client.force_login(self.dana)
        self.assertEqual(
            self.client.get(reverse("frameworks:adopt", args=[own.pk])).status_code, 404
        )
