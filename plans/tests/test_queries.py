"""The plan page and the school view cost the same queries whatever the amount of data."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.actions import create_organisation
from organisations.models import Membership, Organisation, Person, Role
from organisations.people_picker import SHOWN as PEOPLE_SHOWN
from plans import actions
from plans.models import Goal, LearningPlan, PlanItem, Suggestion, TargetCompetency
from plans.summary import PLANS_SHOWN

from .base import PlanTestCase

STATUSES = list(PlanItem.Status.values)


def fill_plan(plan: LearningPlan, count: int, competency, level) -> None:
    """Give a plan `count` items in every status, some stalled, plus goals and a target."""
    old = timezone.now() - timedelta(days=90)
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            kind="resource",
            title=f"Item {n}",
            status=STATUSES[n % 4],
            note="private",
            due_on=timezone.localdate() - timedelta(days=n % 3),
            updated_at=old if n % 5 == 0 else timezone.now(),
        )
        for n in range(count)
    )
    Goal.objects.bulk_create(Goal(plan=plan, text=f"Goal {n}") for n in range(count // 3 + 1))
    TargetCompetency.objects.bulk_create(
        [TargetCompetency(plan=plan, competency=competency, level=level)]
    )


def school_with_plans(parent: Organisation, name: str, count: int, competency, level):
    school = create_organisation(name, Organisation.Kind.SCHOOL, parent)
    people = Person.objects.bulk_create(
        Person(email=f"{name}-{n}@example.org".lower().replace(" ", "-"), password="!")
        for n in range(count)
    )
    Membership.objects.bulk_create(
        Membership(person=p, organisation=school, role=Role.TEACHER) for p in people
    )
    plans = LearningPlan.objects.bulk_create(
        LearningPlan(owner=p, organisation=school) for p in people
    )
    for plan in plans[:3]:
        fill_plan(plan, 4, competency, level)
    return school


class QueryCountTests(PlanTestCase):
    def count(self, url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_the_plan_page_costs_the_same_for_3_or_60_items(self) -> None:
        small, large = self.plan_of(self.alice), self.plan_of(self.bob)
        fill_plan(small, 3, self.vision, self.proficient)
        fill_plan(large, 60, self.vision, self.proficient)
        # Open suggestions, half of them for things already in the plan (the page hides those).
        for plan, count in ((small, 3), (large, 60)):
            Suggestion.objects.bulk_create(
                Suggestion(
                    plan=plan,
                    kind="resource",
                    title=f"Suggested {n}",
                    reason="Because.",
                    source=Suggestion.Source.TARGET_COMPETENCY,
                    target_key=f"resource:thing-{n}",
                )
                for n in range(count)
            )
            for item in plan.items.all()[: count // 2]:
                item.source_key = f"resource:thing-{item.pk % count}"
                item.save(update_fields=["source_key"])
        self.client.force_login(self.alice)
        own_small = self.count(reverse("plans:detail", args=[small.pk]))
        self.client.force_login(self.bob)
        own_large = self.count(reverse("plans:detail", args=[large.pk]))
        self.assertEqual(own_small, own_large)
        self.client.force_login(self.paula)
        led_small = self.count(reverse("plans:detail", args=[small.pk]))
        led_large = self.count(reverse("plans:detail", args=[large.pk]))
        self.assertEqual(led_small, led_large)
        self.assertLessEqual(own_large, 15)

    def test_the_school_view_costs_the_same_for_5_or_200_plans(self) -> None:
        small = school_with_plans(self.clarendon, "Small School", 5, self.vision, self.proficient)
        large = school_with_plans(self.clarendon, "Large School", 200, self.vision, self.proficient)
        self.client.force_login(self.dana)
        at_small = self.count(reverse("plans:school", args=[small.pk]))
        at_large = self.count(reverse("plans:school", args=[large.pk]))
        self.assertEqual(at_small, at_large)
        self.assertLessEqual(at_large, 12)

    def test_the_assign_page_costs_the_same_for_a_school_of_5_or_a_district_of_1000(
        self,
    ) -> None:
        small = school_with_plans(self.clarendon, "Small School", 5, self.vision, self.proficient)
        large = school_with_plans(
            self.clarendon, "Large School", 1_000, self.vision, self.proficient
        )
        self.client.force_login(self.dana)
        at_small = self.count(reverse("plans:assign", args=[small.pk]))
        at_large = self.count(reverse("plans:assign", args=[large.pk]))
        at_district = self.count(reverse("plans:assign", args=[self.clarendon.pk]))
        self.assertEqual(at_small, at_large)
        self.assertEqual(at_small, at_district)
        self.assertLessEqual(at_large, 14)
        page = self.client.get(reverse("plans:assign", args=[self.clarendon.pk]))
        self.assertEqual(page.content.decode().count('type="checkbox"'), PEOPLE_SHOWN)

    def test_the_school_view_shows_counts_but_no_private_notes(self) -> None:
        plan = self.plan_of(self.alice)
        fill_plan(plan, 8, self.vision, self.proficient)
        actions.add_item(plan, self.alice, "resource", title="Quiet one", note="NOTE-SECRET")
        self.client.force_login(self.paula)
        page = self.client.get(reverse("plans:school", args=[self.walker_gamble.pk]))
        self.assertNotContains(page, "NOTE-SECRET")
        self.assertNotContains(page, "private")
        self.assertContains(page, self.vision.name)
        self.assertContains(page, "Alice Avery")
        summary = page.context["summary"]
        self.assertEqual(summary.progress.total, 9)
        self.assertGreater(summary.stalled_total, 0)

    def test_the_school_view_lists_one_page_of_plans_most_stalled_first(self) -> None:
        # A state keeps tens of thousands of plans: the totals count them all, the list pages.
        large = school_with_plans(self.clarendon, "Large School", 120, self.vision, self.proficient)
        self.client.force_login(self.dana)
        url = reverse("plans:school", args=[large.pk])
        first = self.client.get(url)
        summary = first.context["summary"]
        self.assertEqual(summary.page.paginator.count, 120)
        self.assertEqual(len(summary.rows), PLANS_SHOWN)
        self.assertContains(first, "120 plans")
        # The three plans with items (some stalled) come first, then by name.
        self.assertGreater(summary.rows[0].progress.stalled, 0)
        self.assertEqual(summary.rows[0].progress.total, 4)
        self.assertEqual(summary.progress.total, 12)
        self.assertEqual(summary.stalled_total, sum(r.progress.stalled for r in summary.rows))
        last = self.client.get(url, {"page": 3})
        self.assertEqual(len(last.context["summary"].rows), 120 - 2 * PLANS_SHOWN)
        self.assertContains(last, "Page 3 of 3")
        seen = {
            row.plan.pk
            for number in (1, 2, 3)
            for row in self.client.get(url, {"page": number}).context["summary"].rows
        }
        self.assertEqual(len(seen), 120)
