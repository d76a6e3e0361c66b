"""A revoked credential reads "Revoked", with the date and the reason, on the earner's pages."""

from django.urls import reverse

from credentials import actions
from credentials.models import Award
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, complete_submission, make_issuer, publish_sample, review_all

REASON = "The agenda was copied from another school."


class RevokedOnOwnPagesTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        reviewer = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong)
        approve(self.issuer, reviewer)
        self.submission = complete_submission(publish_sample(self.issuer), self.alice)
        review_all(self.submission, reviewer)
        self.award = Award.objects.get(submission=self.submission)
        self.client.force_login(self.alice)

    def test_an_active_credential_still_reads_earned(self) -> None:
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertContains(page, "You earned this micro-credential.")
        self.assertNotContains(page, "Revoked")

    def test_the_submission_page_says_revoked_with_the_date_and_reason(self) -> None:
        actions.revoke_credential(self.award, self.dana, REASON)
        page = self.client.get(reverse("credentials:submission", args=[self.submission.pk]))
        self.assertNotContains(page, "You earned this micro-credential.")
        self.assertContains(page, '<span class="badge differ">Revoked</span>', html=True)
        self.assertContains(page, "Clarendon Leadership Academy revoked this credential on")
        self.assertContains(page, REASON)

    def test_the_submissions_table_says_revoked_with_the_reason(self) -> None:
        actions.revoke_credential(self.award, self.dana, REASON)
        page = self.client.get(reverse("credentials:mine"))
        table = page.content.decode().split('id="work-heading"', 1)[1]
        self.assertIn("Revoked", table)
        self.assertIn(REASON, table)
        self.assertNotIn(">Earned<", table)
