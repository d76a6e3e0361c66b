"""A retired version stays readable, says it is retired, and points to its successor."""

from django.urls import reverse

from credentials import actions
from credentials.models import MicroCredential, Submission
from tests.base import TrellisTestCase

from .helpers import make_issuer, publish_sample


class RetiredVersionTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        self.old = publish_sample(self.issuer)
        self.submission = actions.start_submission(self.old, self.alice)

    def test_anyone_signed_in_reads_a_retired_version_and_is_sent_to_the_current_one(self) -> None:
        newer = actions.publish(actions.new_version(self.old))
        self.client.force_login(self.carl)  # Carl never started it.
        page = self.client.get(reverse("credentials:micro-credential", args=[self.old.pk]))
        self.assertContains(page, "Version 1 was retired on")
        self.assertContains(page, "See version 2, the current one")
        self.assertContains(page, reverse("credentials:micro-credential", args=[newer.pk]))
        self.assertNotContains(page, reverse("credentials:start", args=[self.old.pk]))

    def test_a_retired_version_cannot_be_started_from_its_page(self) -> None:
        actions.retire(self.old)
        self.client.force_login(self.carl)
        response = self.client.post(reverse("credentials:start", args=[self.old.pk]), follow=True)
        self.assertContains(response, "not open for new submissions")
        self.assertContains(response, "No newer version is published.")
        self.assertFalse(Submission.objects.filter(earner=self.carl).exists())

    def test_a_draft_version_stays_hidden(self) -> None:
        draft = actions.new_version(self.old)
        self.client.force_login(self.carl)
        response = self.client.get(reverse("credentials:micro-credential", args=[draft.pk]))
        self.assertEqual(response.status_code, 404)

    def test_work_on_a_retired_version_says_so_and_names_the_newer_one(self) -> None:
        newer = actions.publish(actions.new_version(self.old))
        self.client.force_login(self.alice)
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertContains(page, "The issuer retired version 1")
        self.assertContains(page, "can still be finished")
        self.assertContains(page, "Version 2 is now published")
        self.assertContains(page, reverse("credentials:micro-credential", args=[newer.pk]))

    def test_work_on_a_retired_version_without_a_successor_says_there_is_none(self) -> None:
        actions.retire(self.old)
        self.assertEqual(
            MicroCredential.objects.get(pk=self.old.pk).status, MicroCredential.Status.RETIRED
        )
        self.client.force_login(self.alice)
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertContains(page, "The issuer retired version 1")
        self.assertContains(page, "No newer version is published.")

    def test_current_work_shows_no_retirement_note(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertNotContains(page, "retired")
