"""Small things the audit asked for: clear labels, kept text, and links to where things are set."""

import json

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from credentials import actions
from credentials.models import Artifact, Requirement
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer, png, publish_sample
from .sharing_support import earn


class AuthoringPageTests(TrellisTestCase):
    def test_a_new_micro_credential_offers_two_empty_parts(self) -> None:
        issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.client.force_login(self.dana)
        page = self.client.get(reverse("credentials:manage-create", args=[issuer.slug]))
        self.assertContains(page, "Add a part", count=2)
        self.assertContains(page, 'name="requirements-TOTAL_FORMS" value="2"')


class EarningPageTests(TrellisTestCase):
    def setUp(self) -> None:
        self.mc = publish_sample(make_issuer())
        self.artifact_part = self.mc.requirements.get(kind=Requirement.Kind.ARTIFACT)
        self.submission = actions.start_submission(self.mc, self.alice)
        self.url = reverse("credentials:submission", args=[self.submission.pk])
        self.client.force_login(self.alice)

    def test_the_micro_credential_page_names_the_evidence_each_artifact_accepts(self) -> None:
        page = self.client.get(reverse("credentials:micro-credential", args=[self.mc.pk]))
        self.assertContains(page, "Evidence accepted: document, image, link")
        self.assertContains(page, "PDF, Word")

    def test_the_file_picker_offers_the_accepted_types(self) -> None:
        page = self.client.get(self.url)
        self.assertContains(page, 'accept="application/pdf,')
        self.assertContains(page, "image/png")
        self.assertContains(page, ".docx")
        self.assertNotContains(page, "video/*")

    def test_a_refused_upload_keeps_what_it_shows_once(self) -> None:
        upload = reverse("credentials:upload", args=[self.submission.pk, self.artifact_part.pk])
        hostile = SimpleUploadedFile("agenda.png", b"<html><script>x</script>", "image/png")
        response = self.client.post(
            upload, {"file": hostile, "description": "Our March agenda"}, follow=True
        )
        self.assertContains(response, "not a file type this requirement accepts")
        self.assertContains(response, 'value="Our March agenda"')
        self.assertFalse(Artifact.objects.exists())
        self.assertNotContains(self.client.get(self.url), "Our March agenda")

    def test_the_public_choice_is_a_labelled_checkbox(self) -> None:
        artifact = actions.add_artifact(self.submission, self.artifact_part, png(), "Agenda", False)
        page = self.client.get(self.url)
        self.assertContains(page, "Show on my public badge page")
        self.assertNotContains(page, "Private: show it on my badge")
        toggle = reverse("credentials:artifact-public", args=[self.submission.pk, artifact.pk])
        self.client.post(toggle, {"public": "yes"})
        artifact.refresh_from_db()
        self.assertTrue(artifact.is_public)
        self.assertContains(self.client.get(self.url), 'value="yes" checked')
        self.client.post(toggle, {})  # The box was unticked.
        artifact.refresh_from_db()
        self.assertFalse(artifact.is_public)


class SharingPageTests(TrellisTestCase):
    def setUp(self) -> None:
        cache.clear()
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)

    def test_an_earner_without_public_evidence_is_shown_where_to_choose_it(self) -> None:
        award = earn(self.issuer, self.alice, self.rita, public=0, private=1)
        url = reverse("credentials:credential", args=[award.public_id])
        submission = reverse("credentials:submission", args=[award.submission_id])
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(url), submission)
        self.client.logout()
        self.assertNotContains(self.client.get(url), submission)

    def test_public_evidence_names_the_part_it_answers(self) -> None:
        award = earn(self.issuer, self.alice, self.rita, public=1)
        page = self.client.get(reverse("credentials:credential", args=[award.public_id]))
        self.assertContains(page, "Public agenda 0")
        self.assertContains(page, "Meeting agenda")

    def test_a_failed_verification_shows_the_verdict_before_the_claims(self) -> None:
        award = earn(self.issuer, self.alice, self.rita)
        tampered = {**award.signed_json, "name": "A badge I did not earn"}
        tampered["credentialSubject"] = {
            **tampered["credentialSubject"],
            "achievement": {**tampered["credentialSubject"]["achievement"], "name": "Fake"},
        }
        page = self.client.post(
            reverse("credentials:verify"), {"credential": json.dumps(tampered)}
        ).content.decode()
        self.assertIn("Achievement (as the credential states it)", page)
        self.assertLess(
            page.index("The digital signature could not be confirmed"), page.index("Fake")
        )

    def test_the_issuer_profile_links_its_did_document_which_answers_head(self) -> None:
        did = reverse("credentials:did", args=[self.issuer.slug])
        self.assertContains(
            self.client.get(reverse("credentials:issuer", args=[self.issuer.slug])), did
        )
        head = self.client.head(did)
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head["Content-Type"], "application/did+json")
