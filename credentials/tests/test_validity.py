"""Credentials can expire: a validity per micro-credential, or an expiry date on a bulk award."""

import io
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from credentials import actions
from credentials.actions.awarding import add_months, issue_awards
from credentials.models import Award, AwardBatch
from credentials.verification import verify
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, complete_submission, make_issuer, publish_sample, review_all


class AddMonthsTests(TrellisTestCase):
    def test_it_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(self) -> None:
        moment = datetime(2027, 1, 31, 9, 30, tzinfo=UTC)
        self.assertEqual(add_months(moment, 1), datetime(2027, 2, 28, 9, 30, tzinfo=UTC))
        self.assertEqual(add_months(moment, 13), datetime(2028, 2, 29, 9, 30, tzinfo=UTC))
        self.assertEqual(add_months(moment, 24), datetime(2029, 1, 31, 9, 30, tzinfo=UTC))


class ValidityTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")

    def test_a_reviewed_award_is_signed_with_the_micro_credentials_validity(self) -> None:
        mc = publish_sample(self.issuer, valid_for_months=24)
        reviewer = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong)
        approve(self.issuer, reviewer)
        review_all(complete_submission(mc, self.alice), reviewer)
        award = Award.objects.get()
        self.assertEqual(award.valid_until, add_months(award.awarded_at, 24))
        self.assertEqual(
            award.signed_json["validUntil"], award.valid_until.strftime("%Y-%m-%dT%H:%M:%SZ")
        )
        self.assertTrue(verify(award.signed_json)["verified"])
        self.assertEqual(award.state, "active")

    def test_without_a_validity_a_credential_never_expires(self) -> None:
        (award,) = issue_awards(publish_sample(self.issuer), [self.alice])
        self.assertIsNone(award.valid_until)
        self.assertNotIn("validUntil", award.signed_json)

    def test_an_expired_credential_fails_the_dates_check_and_exports_as_expired(self) -> None:
        mc = publish_sample(self.issuer)
        (active,) = issue_awards(mc, [self.alice])
        (expired,) = issue_awards(mc, [self.bob], valid_until=timezone.now() - timedelta(days=1))
        self.assertEqual(expired.state, "expired")
        checks = {c["check"]: c["ok"] for c in verify(expired.signed_json)["checks"]}
        self.assertFalse(checks["dates"])
        with tempfile.TemporaryDirectory() as folder:
            call_command("export_credentials", folder, stderr=io.StringIO())
            manifest = json.loads((Path(folder) / "manifest.json").read_text())
        states = {entry["id"]: entry["status"] for entry in manifest}
        self.assertEqual(states[active.url], "active")
        self.assertEqual(states[expired.url], "expired")
        self.client.force_login(self.dana)
        page = self.client.get(
            reverse("credentials:manage-awards", args=[self.issuer.slug]), {"status": "expired"}
        )
        self.assertContains(page, "Brooks")
        self.assertNotContains(page, "Avery")

    def test_the_issuer_sets_a_validity_on_the_draft_form(self) -> None:
        mc = actions.create_micro_credential(self.issuer, {"title": "Draft", "competency": "X"})
        self.client.force_login(self.dana)
        url = reverse("credentials:manage-edit", args=[mc.pk])
        page = self.client.get(url)
        self.assertContains(page, "Valid for (months)")
        self.assertContains(page, "Leave blank for credentials that never expire.")


class BulkExpiryTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer, valid_for_months=6)
        self.url = reverse("credentials:manage-bulk-award", args=[self.issuer.slug])
        self.client.force_login(self.dana)
        self.data = {"micro_credential": self.mc.pk, "emails": "bob@clarendon.example"}

    def test_an_expiry_date_on_a_bulk_award_wins_over_the_validity(self) -> None:
        day = (timezone.localdate() + timedelta(days=90)).isoformat()
        confirm = self.client.post(self.url, {**self.data, "valid_until": day})
        self.assertContains(confirm, "The credentials will expire after")
        self.assertContains(confirm, f'name="valid_until" value="{day}"')
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {**self.data, "valid_until": day, "confirm": "yes"})
        award = Award.objects.get(earner=self.bob)
        local = timezone.localtime(award.valid_until)
        self.assertEqual((local.date().isoformat(), local.hour, local.minute), (day, 23, 59))
        self.assertEqual(AwardBatch.objects.get().valid_until, award.valid_until)
        self.assertTrue(verify(award.signed_json)["verified"])

    def test_without_a_date_the_bulk_award_uses_the_validity(self) -> None:
        confirm = self.client.post(self.url, self.data)
        self.assertContains(confirm, "expire 6 months after they are awarded")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {**self.data, "confirm": "yes"})
        award = Award.objects.get(earner=self.bob)
        self.assertEqual(award.valid_until, add_months(award.awarded_at, 6))

    def test_a_date_in_the_past_is_refused(self) -> None:
        response = self.client.post(self.url, {**self.data, "valid_until": "2020-01-01"})
        self.assertContains(response, "Choose a date after today", status_code=400)
        self.assertFalse(AwardBatch.objects.exists())
