"""The plan page and the school view cost the same queries whatever the amount of data."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.actions import create_organisation
from organisations.models import Membership, Organisation, Person, Role
from plans import actions
from plans.models import Goal, LearningPlan, PlanItem, TargetCompetency

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
        self.client.force_login(self.alice)
        own_small = self.count(reverse("plans:detail", args=[small.pk]))
        self.client.force_login(self.bob)
        own_large = self.count(reverse("plans:detail", args=[large.pk]))
        self.assertEqual(own_small, own_large)
        self.client.force_login(self.paula)
        led_small = self.count(reverse("plans:detail", args=[small.pk]))
        led_large = self.count(reverse("plans:detail", args=[large.pk]))
        self.assertEqual(led_small, led_large)
        self.assertLessEqual(own_large, 14)

    def test_the_school_view_costs_the_same_for_5_or_200_plans(self) -> None:
        small = school_with_plans(self.clarendon, "Small School", 5, self.vision, self.proficient)
        large = school_with_plans(self.clarendon, "Large School", 200, self.vision, self.proficient)
        self.client.force_login(self.dana)
        at_small = self.count(reverse("plans:school", args=[small.pk]))
        at_large = self.count(reverse("plans:school", args=[large.pk]))
        self.assertEqual(at_small, at_large)
        self.assertLessEqual(at_large, 12)

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
