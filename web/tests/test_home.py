from datetime import date

from django.urls import reverse

from credentials.tests.helpers import approve, complete_submission, make_issuer, publish_sample
from tests.base import TrellisTestCase


class HomeTests(TrellisTestCase):
    def test_home_shows_work_in_progress_and_the_review_queue(self) -> None:
        issuer = make_issuer()
        mc = publish_sample(issuer)
        approve(issuer, self.carl)
        complete_submission(mc, self.alice)
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(reverse("home")), "Waiting for review")
        self.client.force_login(self.carl)
        self.assertContains(
            self.client.get(reverse("home")), "1 submission is waiting for your review."
        )

    def test_the_health_check_answers_json(self) -> None:
        self.assertEqual(self.client.get(reverse("healthz")).json(), {"ok": True})

    def test_home_shows_the_plan_at_a_glance(self) -> None:
        from plans.models import LearningPlan, PlanItem

        self.client.force_login(self.alice)
        self.assertContains(self.client.get(reverse("home")), "Start your plan")
        plan = LearningPlan.objects.create(owner=self.alice, organisation=self.walker_gamble)
        statuses = ["done", "done", "in_progress", "not_started", "dropped"]
        PlanItem.objects.bulk_create(
            [
                PlanItem(plan=plan, kind="mentoring", title=f"Item {i}", status=s)
                for i, s in enumerate(statuses)
            ]
        )
        overdue = plan.items.get(title="Item 3")
        overdue.due_on = date(2020, 1, 1)
        overdue.save()
        page = self.client.get(reverse("home"))
        self.assertContains(page, "2 of 4 items done (50%)")
        self.assertContains(page, "1 stalled")

    def test_the_footer_links_verification_for_all_and_api_tokens_for_members(self) -> None:
        signed_out = self.client.get(reverse("login"))
        self.assertContains(signed_out, f'href="{reverse("credentials:verify")}"')
        self.assertNotContains(signed_out, reverse("api:tokens"))
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(reverse("home")), f'href="{reverse("api:tokens")}"')

    def test_an_empty_plan_says_so_rather_than_zero_of_zero(self) -> None:
        from plans.models import LearningPlan

        LearningPlan.objects.create(owner=self.alice, organisation=self.walker_gamble)
        self.client.force_login(self.alice)
        page = self.client.get(reverse("home"))
        self.assertContains(page, "No items yet.")
        self.assertNotContains(page, "0 of 0 items done")
