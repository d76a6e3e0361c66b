"""The plan page: refused forms say so at the top, and its forms offer only what fits."""

from datetime import date

from django.urls import reverse

from frameworks.models import Competency, Framework, FrameworkAdoption, ProficiencyLevel
from plans import actions
from plans.models import PlanItem, PlanTemplate

from .base import PlanTestCase


def plan_url(plan) -> str:
    return reverse("plans:detail", args=[plan.pk])


class ErrorSummaryTests(PlanTestCase):
    def setUp(self) -> None:
        self.plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)

    def assertSummedUp(self, response, href: str, text: str, section: str = "") -> None:
        """The error is linked from the top of the page, and its section is open."""
        page = response.content.decode()
        self.assertEqual(response.status_code, 400)
        summary = page.index('role="alert"')
        self.assertLess(summary, page.index('id="progress-heading"'))
        self.assertIn(f'<a href="{href}">', page[summary:])
        self.assertIn(text, page[summary : page.index("</div>", summary)])
        if section:
            self.assertIn(f'<details id="{section}" open>', page)

    def test_a_retired_micro_credential_is_refused_at_the_top_and_in_its_open_section(self) -> None:
        response = self.client.post(
            reverse("plans:add-item", args=[self.plan.pk]),
            {"kind": "micro_credential", "micro_credential": self.retired.pk},
        )
        self.assertSummedUp(
            response, "#item-micro_credential", "has been retired by its issuer", "add-item"
        )
        # The form sends the page back to its own section, so the browser scrolls there.
        self.assertContains(response, f'action="/plans/{self.plan.pk}/items/#add-item"', 1, 400)
        self.assertFalse(self.plan.items.exists())

    def test_a_bad_date_on_an_item_is_refused_and_keeps_what_was_typed(self) -> None:
        item = actions.add_item(self.plan, self.alice, "resource", title="Read")
        response = self.client.post(
            reverse("plans:update-item", args=[item.pk]),
            {
                "status": "in_progress",
                "start_on": "2026-05-10",
                "due_on": "2026-05-01",
                "note": "Typed",
            },
        )
        self.assertSummedUp(response, f"#due_on-{item.pk}", "“Read” — Due:")
        self.assertContains(response, 'value="2026-05-01"', status_code=400)
        self.assertContains(response, ">Typed</textarea>", status_code=400)
        self.assertContains(response, f'action="/plans/items/{item.pk}/#item-{item.pk}"', 1, 400)
        item.refresh_from_db()
        self.assertEqual((item.status, item.due_on), ("not_started", None))

    def test_an_empty_goal_from_a_leader_is_refused_at_the_top(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.post(reverse("plans:add-goal", args=[self.plan.pk]), {"text": " "})
        self.assertSummedUp(response, "#goal-text", "Goal: This field is required.", "add-goal")

    def test_a_level_of_another_framework_is_refused_naming_the_field(self) -> None:
        other = ProficiencyLevel.objects.exclude(framework=self.vision.framework).first()
        response = self.client.post(
            reverse("plans:add-target", args=[self.plan.pk]),
            {
                "framework": self.vision.framework_id,
                "competency": self.vision.pk,
                "level": other.pk,
            },
        )
        self.assertSummedUp(
            response, "#target-level", "Level I aim for: Choose one of the levels of", "add-target"
        )
        self.assertFalse(self.plan.targets.exists())

    def test_a_competency_of_another_framework_than_the_chosen_one_is_refused(self) -> None:
        other = Framework.objects.exclude(pk=self.vision.framework_id).first()
        response = self.client.post(
            reverse("plans:add-target", args=[self.plan.pk]),
            {"framework": other.pk, "competency": self.vision.pk, "level": self.proficient.pk},
        )
        self.assertSummedUp(response, "#target-competency", "is not part of", "add-target")

    def test_success_goes_back_to_what_changed(self) -> None:
        response = self.client.post(
            reverse("plans:add-item", args=[self.plan.pk]), {"kind": "mentoring", "title": "Meet"}
        )
        item = self.plan.items.get()
        self.assertRedirects(response, f"{plan_url(self.plan)}#item-{item.pk}")


class OriginLabelTests(PlanTestCase):
    def test_each_reader_sees_who_added_an_item(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_item(plan, self.alice, "mentoring", title="Meet my mentor")
        template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
        actions.assign_template(template, self.walker_gamble, [self.alice], self.paula)
        self.client.force_login(self.alice)
        own = self.client.get(plan_url(plan))
        self.assertContains(own, "Added by me")
        self.assertContains(own, "From the plan template “Aspiring teacher leader”")
        self.client.force_login(self.paula)
        led = self.client.get(plan_url(plan))
        self.assertContains(led, "Added by Alice Avery")
        self.assertNotContains(led, "Added by me")


class TargetFormTests(PlanTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        # Walker-Gamble's own framework, and a shared one its district has adopted.
        cls.own = Framework.objects.create(
            organisation=cls.walker_gamble,
            origin=Framework.Origin.AUTHORED,
            title="Walker-Gamble Way",
            case_identifier="walker-gamble-way",
        )
        cls.own_competency = Competency.objects.create(
            framework=cls.own, case_identifier="wg-1", code="WG.1", title="Greet every family"
        )
        cls.own_level = ProficiencyLevel.objects.create(
            framework=cls.own, key="starting", title="Starting", position=1
        )
        cls.adopted = Framework.objects.exclude(pk=cls.vision.framework_id).get(
            key="leadership-roles", organisation__isnull=True
        )
        FrameworkAdoption.objects.create(framework=cls.adopted, organisation=cls.clarendon)

    def form_of(self, response):
        return response.context["target_form"]

    def test_the_frameworks_used_at_the_school_come_first_with_only_their_lists(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        form = self.form_of(self.client.get(plan_url(plan)))
        (used_label, used), (other_label, others) = form.fields["framework"].choices
        self.assertEqual(used_label, "Used at Walker-Gamble Elementary or in my plan")
        self.assertEqual({title for _pk, title in used}, {"Walker-Gamble Way", self.adopted.title})
        self.assertIn(self.vision.framework.title, {title for _pk, title in others})
        # The first framework is chosen: only its competencies and its levels are offered.
        self.assertEqual(form.chosen_framework, self.own)
        _empty, (group, options) = form.fields["competency"].choices
        self.assertEqual(
            (group, [label for _pk, label in options]),
            (self.own.title, ["WG.1 Greet every family"]),
        )
        self.assertEqual(
            [label for _pk, label in form.fields["level"].choices], ["Choose a level", "Starting"]
        )

    def test_choosing_another_framework_offers_its_competencies_without_javascript(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        response = self.client.get(plan_url(plan), {"framework": self.vision.framework_id})
        form = self.form_of(response)
        self.assertEqual(form.chosen_framework, self.vision.framework)
        _empty, (_group, options) = form.fields["competency"].choices
        self.assertIn(self.vision.pk, [pk for pk, _label in options])
        self.assertEqual(
            {pk for pk, _label in form.fields["level"].choices if pk},
            set(self.vision.framework.levels.values_list("pk", flat=True)),
        )
        self.assertContains(response, '<details id="add-target" open>')
        self.assertContains(response, f'name="framework" value="{self.vision.framework_id}"')
        self.assertContains(response, "<noscript>")
        response = self.client.post(
            reverse("plans:add-target", args=[plan.pk]),
            {
                "framework": self.vision.framework_id,
                "competency": self.vision.pk,
                "level": self.proficient.pk,
            },
        )
        self.assertRedirects(response, f"{plan_url(plan)}#targets")
        self.assertEqual(plan.targets.get().level, self.proficient)

    def test_a_framework_in_the_plan_counts_as_used(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        self.client.force_login(self.alice)
        form = self.form_of(self.client.get(plan_url(plan)))
        _label, used = form.fields["framework"].choices[0]
        self.assertIn(self.vision.framework_id, [pk for pk, _title in used])


class ItemFormTests(PlanTestCase):
    def test_the_add_item_form_offers_no_retired_micro_credential(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        page = self.client.get(plan_url(plan))
        self.assertContains(page, self.shared_purpose.title)
        self.assertNotContains(page, self.retired.title)
        # Each kind's list sits in its own wrapper, so the page shows only the chosen kind's.
        for name in ("micro_credential", "resource", "playlist", "experience"):
            self.assertContains(page, f'<div class="field-{name}">')
        self.assertContains(
            page, "Suggest micro-credentials, resources and experiences for my target competencies"
        )

    def test_the_private_note_is_a_text_area_saved_with_the_item(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(plan, self.alice, "mentoring", title="Meet", note="First line")
        self.client.force_login(self.alice)
        page = self.client.get(plan_url(plan))
        self.assertContains(page, f'<textarea id="note-{item.pk}" name="note"')
        self.client.post(
            reverse("plans:update-item", args=[item.pk]),
            {"status": "in_progress", "note": "Two\nlines", "due_on": date(2026, 6, 1)},
        )
        item.refresh_from_db()
        self.assertEqual((item.note, item.status), ("Two\nlines", PlanItem.Status.IN_PROGRESS))
