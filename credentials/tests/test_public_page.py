"""The public credential page: what it recognises, its live verdict, how the earner shares it."""

import json
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials import actions
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer
from .sharing_support import earn, expire


class PublicCredentialPageTests(TrellisTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        # Rita is an expert reviewer from Pomona, approved by the Clarendon issuer.
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)
        self.award = earn(self.issuer, self.alice, self.rita, public=1, private=1)
        self.url = reverse("credentials:credential", args=[self.award.public_id])

    def test_it_shows_what_the_badge_recognises_who_issued_it_and_when(self) -> None:
        page = self.client.get(self.url)
        self.assertContains(page, "Cultivating a Shared Purpose")
        self.assertContains(page, "Alice Avery")
        self.assertContains(page, "The educator brings colleagues together")
        self.assertContains(page, "Agenda shows co-creation.")
        self.assertContains(page, reverse("credentials:issuer", args=[self.issuer.slug]))
        self.assertContains(
            page, reverse("credentials:badge-image", args=[self.award.micro_credential_id])
        )
        self.assertContains(page, "Never")
        self.assertContains(page, "Active")
        competency = self.award.micro_credential.competencies.first()
        if competency is not None:
            self.assertContains(page, competency.name[:40])

    def test_it_verifies_the_credential_live_and_explains_each_check(self) -> None:
        page = self.client.get(self.url)
        self.assertContains(page, "Verified just now")
        for label in ("Signature", "Issuer", "Dates", "Revocation", "Open Badges format"):
            self.assertContains(page, label)
        self.assertNotContains(page, "✗")

    def test_it_shows_only_the_evidence_the_earner_made_public(self) -> None:
        page = self.client.get(self.url)
        self.assertContains(page, "Public agenda 0")
        self.assertNotContains(page, "Private notes 0")
        public = self.award.submission.artifacts.get(is_public=True)
        actions.set_artifact_public(public, False)
        page = self.client.get(self.url)
        self.assertNotContains(page, "Public agenda 0")
        self.assertContains(page, "has not made any evidence public")

    def test_a_revoked_credential_says_so_and_keeps_the_reason_from_strangers(self) -> None:
        actions.revoke_credential(self.award, self.dana, "Evidence was copied.")
        page = self.client.get(self.url)
        self.assertContains(page, "Revoked")
        self.assertContains(page, "revoked this credential on")
        self.assertContains(page, "Checked just now: this credential is not valid.")
        self.assertContains(page, "The issuer has revoked it")
        self.assertNotContains(page, "Evidence was copied.")
        self.client.force_login(self.oscar)
        self.assertNotContains(self.client.get(self.url), "Evidence was copied.")
        for insider in (self.alice, self.dana):
            self.client.force_login(insider)
            self.assertContains(self.client.get(self.url), "Evidence was copied.")

    def test_an_expired_credential_says_when_it_expired(self) -> None:
        expire(self.award)
        page = self.client.get(self.url)
        self.assertContains(page, "This credential expired on")
        self.assertContains(page, "It has expired.")
        self.assertContains(page, "Checked just now: this credential is not valid.")

    def test_the_json_download_is_the_signed_credential_as_an_attachment(self) -> None:
        response = self.client.get(self.url, {"format": "json"})
        self.assertEqual(response["Content-Type"], "application/vc+ld+json")
        self.assertEqual(
            response["Content-Disposition"], f'attachment; filename="{self.award.public_id}.json"'
        )
        self.assertEqual(response.json(), self.award.signed_json)
        by_accept = self.client.get(self.url, headers={"Accept": "application/ld+json"})
        self.assertTrue(by_accept["Content-Disposition"].startswith("inline"))

    def test_only_the_signed_in_earner_gets_the_linkedin_link_and_email_button(self) -> None:
        anonymous = self.client.get(self.url)
        self.assertNotContains(anonymous, "linkedin.com")
        self.assertNotContains(anonymous, "Email it to me")
        self.assertContains(anonymous, "Is this your badge?")
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(self.url), "linkedin.com")
        self.client.force_login(self.alice)
        page = self.client.get(self.url)
        self.assertContains(page, "Email it to me")
        link = page.context["linkedin_url"]
        self.assertTrue(link.startswith("https://www.linkedin.com/profile/add?"))
        fields = {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}
        self.assertEqual(
            fields,
            {
                "startTask": "CERTIFICATION_NAME",
                "name": "Cultivating a Shared Purpose",
                "organizationName": "Clarendon Leadership Academy",
                "issueYear": str(self.award.awarded_at.year),
                "issueMonth": str(self.award.awarded_at.month),
                "certUrl": self.award.url,
                "certId": str(self.award.public_id),
            },
        )

    def test_the_earner_can_have_it_emailed_with_the_file_attached_once_in_a_while(self) -> None:
        email_url = reverse("credentials:email-credential", args=[self.award.public_id])
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(email_url).status_code, 405)
        response = self.client.post(email_url, follow=True)
        self.assertContains(response, "We sent the credential to alice@clarendon.example.")
        self.assertEqual(len(mail.outbox), 1)
        sent = mail.outbox[0]
        self.assertEqual(sent.to, ["alice@clarendon.example"])
        self.assertIn(self.award.url, sent.body)
        name, content, mimetype = sent.attachments[0]
        self.assertEqual((name, mimetype), (f"{self.award.public_id}.json", "application/json"))
        self.assertEqual(json.loads(content), self.award.signed_json)
        again = self.client.post(email_url, follow=True)
        self.assertContains(again, "emailed to you a few minutes ago")
        self.assertEqual(len(mail.outbox), 1)

    def test_nobody_else_can_have_the_credential_emailed(self) -> None:
        email_url = reverse("credentials:email-credential", args=[self.award.public_id])
        anonymous = self.client.post(email_url)
        self.assertEqual(anonymous.status_code, 302)
        self.assertTrue(anonymous["Location"].startswith(reverse("login")))
        for other in (self.bob, self.dana):
            self.client.force_login(other)
            self.assertEqual(self.client.post(email_url).status_code, 404)
        self.assertEqual(mail.outbox, [])

    def test_the_page_runs_the_same_few_queries_however_much_evidence_is_public(self) -> None:
        approve(self.issuer, self.carl)
        larger = earn(self.issuer, self.bob, self.rita, public=10, title="Building Your Team")
        urls = [self.url, reverse("credentials:credential", args=[larger.public_id])]
        for url in urls:
            self.client.get(url)  # the first view signs the status list once
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                page = self.client.get(url)
            counts.append(len(queries))
        self.assertContains(page, "Public agenda 9")
        self.assertEqual(counts[0], counts[1])
        # The award, its public evidence, and the live verification: the issuer and its keys
        # (once for both proofs), the status list, and the hosted issuers it could be taken
        # for (their names and keys, in one query).
        with self.assertNumQueries(6):
            self.client.get(urls[1])
