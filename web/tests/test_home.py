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
