from datetime import date

from django.urls import reverse

from credentials import actions as credential_actions
from lib.errors import ActionError
from plans import actions
from plans.models import Goal, LearningPlan, PlanItem

from .base import PlanTestCase

SECRET_NOTE = "I am nervous about leading adults."


class PlanTests(PlanTestCase):
    def test_a_teacher_starts_one_plan_per_school_and_starting_again_keeps_it(self) -> None:
        plan = self.plan_of(self.alice)
        self.assertEqual(self.plan_of(self.alice), plan)
        self.assertEqual(LearningPlan.objects.filter(owner=self.alice).count(), 1)

    def test_a_plan_lives_only_where_the_owner_belongs(self) -> None:
        with self.assertRaisesMessage(ActionError, "organisation you belong to"):
            actions.start_plan(self.alice, self.armstrong)
        self.client.force_login(self.alice)
        response = self.client.post(reverse("plans:start"), {"organisation": self.armstrong.pk})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(LearningPlan.objects.exists())

    def test_my_plan_opens_my_only_plan(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        self.assertRedirects(self.client.get(reverse("plans:mine")), plan_url(plan))

    def test_goals_set_with_an_administrator_are_kept_apart_and_name_who_set_them(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        self.client.post(reverse("plans:add-goal", args=[plan.pk]), {"text": "Lead a book study."})
        self.client.force_login(self.paula)
        self.client.post(
            reverse("plans:add-goal", args=[plan.pk]), {"text": "Coach two new teachers."}
        )
        own, shared = plan.goals.order_by("pk")
        self.assertEqual(own.origin, Goal.Origin.OWN)
        self.assertEqual(
            (shared.origin, shared.set_by), (Goal.Origin.WITH_ADMINISTRATOR, self.paula)
        )
        self.client.force_login(self.alice)
        page = self.client.get(plan_url(plan)).content.decode()
        self.assertIn("Set with an administrator", page)
        self.assertIn("with Paula Price", page)
        self.assertLess(page.index("Lead a book study."), page.index("Coach two new teachers."))

    def test_an_empty_goal_is_refused_and_the_page_says_why(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        response = self.client.post(reverse("plans:add-goal", args=[plan.pk]), {"text": "  "})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "This field is required", status_code=400)
        self.assertFalse(plan.goals.exists())

    def test_a_target_level_must_come_from_the_competency_framework(self) -> None:
        plan = self.plan_of(self.alice)
        other = (
            self.proficient.__class__.objects.exclude(framework=self.vision.framework)
            .filter(key="expert")
            .first()
        )
        with self.assertRaisesMessage(ActionError, "Choose a level from the framework"):
            actions.add_target_competency(plan, self.vision, other, self.alice)
        target = actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        self.assertEqual(target.level.key, "proficient")

    def test_a_retired_micro_credential_cannot_be_planned(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("plans:add-item", args=[plan.pk]),
            {"kind": "micro_credential", "micro_credential": self.retired.pk},
        )
        self.assertContains(response, "has been retired by its issuer", status_code=400)
        self.assertContains(response, "Leading Book Studies", status_code=400)
        self.assertFalse(plan.items.exists())

    def test_a_micro_credential_appears_once_in_a_plan(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_item(plan, self.alice, "micro_credential", micro_credential=self.shared_purpose)
        with self.assertRaisesMessage(ActionError, "already in your plan"):
            actions.add_item(
                plan, self.alice, "micro_credential", micro_credential=self.shared_purpose
            )

    def test_bad_item_input_is_refused_with_the_field_named(self) -> None:
        plan = self.plan_of(self.alice)
        with self.assertRaises(ActionError) as caught:
            actions.add_item(plan, self.alice, "resource", title="")
        self.assertEqual(caught.exception.field, "title")
        with self.assertRaises(ActionError) as caught:
            actions.add_item(
                plan, self.alice, "resource", "Read", None, date(2026, 5, 1), date(2026, 4, 1)
            )
        self.assertEqual(caught.exception.field, "due_on")
        with self.assertRaisesMessage(ActionError, "Only the plan's owner"):
            actions.add_item(plan, self.bob, "resource", title="Read")
        self.assertFalse(plan.items.exists())

    def test_the_owner_moves_an_item_along_and_keeps_a_private_note(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(plan, self.alice, "resource", title="Read Leading Together")
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("plans:update-item", args=[item.pk]),
            {"status": "done", "start_on": "2026-01-05", "due_on": "", "note": SECRET_NOTE},
        )
        self.assertRedirects(response, f"{plan_url(plan)}#item-{item.pk}")
        item.refresh_from_db()
        self.assertEqual((item.status, item.note), (PlanItem.Status.DONE, SECRET_NOTE))
        self.assertIsNotNone(item.completed_at)
        page = self.client.get(plan_url(plan))
        self.assertContains(page, "100%")

    def test_an_unknown_status_is_refused_and_nothing_changes(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(plan, self.alice, "resource", title="Read")
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("plans:update-item", args=[item.pk]), {"status": "finished"}
        )
        self.assertContains(response, "Nothing was saved", status_code=400)
        self.assertContains(response, f'href="#status-{item.pk}"', status_code=400)
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.NOT_STARTED)

    def test_an_earned_credential_completes_the_plan_item_by_itself(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(
            plan, self.alice, "micro_credential", micro_credential=self.shared_purpose
        )
        self.earn(self.shared_purpose, self.alice)
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.DONE)

    def test_a_revoked_credential_puts_the_plan_item_back_in_progress(self) -> None:
        plan = self.plan_of(self.alice)
        item = actions.add_item(
            plan, self.alice, "micro_credential", micro_credential=self.shared_purpose
        )
        award = self.earn(self.shared_purpose, self.alice).award
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.DONE)
        credential_actions.revoke_credential(award, self.dana, "Evidence was not her own.")
        item.refresh_from_db()
        self.assertEqual(item.status, PlanItem.Status.IN_PROGRESS)
        self.assertIsNone(item.completed_at)

    def test_a_cohort_award_completes_every_earners_plan_item(self) -> None:
        items = [
            actions.add_item(
                self.plan_of(person),
                person,
                "micro_credential",
                micro_credential=self.shared_purpose,
            )
            for person in (self.alice, self.bob)
        ]
        untouched = actions.add_item(
            self.plan_of(self.paula),
            self.paula,
            "micro_credential",
            micro_credential=self.shared_purpose,
        )
        with self.captureOnCommitCallbacks(execute=True):
            credential_actions.start_bulk_award(
                self.shared_purpose, [self.alice, self.bob], self.dana
            )
        for item in items:
            item.refresh_from_db()
            self.assertEqual(item.status, PlanItem.Status.DONE)
        untouched.refresh_from_db()
        self.assertEqual(untouched.status, PlanItem.Status.NOT_STARTED)

    def test_a_credential_already_held_arrives_done(self) -> None:
        self.earn(self.shared_purpose, self.alice)
        plan = self.plan_of(self.alice)
        item = actions.add_item(
            plan, self.alice, "micro_credential", micro_credential=self.shared_purpose
        )
        self.assertEqual(item.status, PlanItem.Status.DONE)

    def test_the_principal_reads_a_plan_but_not_its_private_notes(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_item(
            plan, self.alice, "resource", title="Read Leading Together", note=SECRET_NOTE
        )
        self.client.force_login(self.paula)
        page = self.client.get(plan_url(plan))
        self.assertContains(page, "Read Leading Together")
        self.assertNotContains(page, SECRET_NOTE)
        self.assertNotContains(page, 'name="status"')
        item = plan.items.get()
        response = self.client.post(
            reverse("plans:update-item", args=[item.pk]), {"status": "done"}
        )
        self.assertEqual(response.status_code, 404)

    def test_a_colleague_cannot_read_another_teachers_plan(self) -> None:
        plan = self.plan_of(self.alice)
        for someone in (self.bob, self.carl, self.oscar):
            self.client.force_login(someone)
            self.assertEqual(self.client.get(plan_url(plan)).status_code, 404)
            response = self.client.post(reverse("plans:add-goal", args=[plan.pk]), {"text": "x"})
            self.assertEqual(response.status_code, 404)
        self.assertFalse(plan.goals.exists())

    def test_the_menu_offers_my_plan_and_leaders_the_school_plans(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("plans:mine")).content.decode()
        self.assertIn(reverse("plans:mine"), page)
        self.assertNotIn(reverse("plans:school", args=[self.walker_gamble.pk]), page)
        self.client.force_login(self.paula)
        page = self.client.get(reverse("plans:mine")).content.decode()
        self.assertIn(reverse("plans:school", args=[self.walker_gamble.pk]), page)


def plan_url(plan: LearningPlan) -> str:
    return reverse("plans:detail", args=[plan.pk])
