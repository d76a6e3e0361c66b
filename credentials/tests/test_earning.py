from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from credentials import actions
from credentials.models import Artifact, MicroCredential, Requirement, Submission
from lib.errors import ActionError
from tests.base import TrellisTestCase

from .helpers import make_issuer, png, publish_sample


class EarningTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        self.mc = publish_sample(self.issuer)
        self.overview, self.agenda, self.reflection = self.mc.requirements.all()

    def test_an_educator_starts_answers_uploads_and_submits(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(reverse("credentials:start", args=[self.mc.pk]))
        submission = Submission.objects.get(earner=self.alice)
        self.assertRedirects(response, reverse("credentials:submission", args=[submission.pk]))
        self.assertEqual(submission.organisation, self.walker_gamble)
        saved = self.client.post(
            reverse("credentials:save-answer", args=[submission.pk, self.overview.pk]),
            {f"r{self.overview.pk}-text": "Our grade team of five."},
            headers={"HX-Request": "true"},
        )
        self.assertContains(saved, "Saved at")
        self.client.post(
            reverse("credentials:upload", args=[submission.pk, self.agenda.pk]),
            {"file": png(), "description": "Agenda"},
        )
        self.assertEqual(Artifact.objects.get().content_type, "image/png")
        page = self.client.post(reverse("credentials:submit", args=[submission.pk]), follow=True)
        self.assertContains(page, "Before submitting, complete: Reflection.")
        self.client.post(
            reverse("credentials:save-answer", args=[submission.pk, self.reflection.pk]),
            {f"r{self.reflection.pk}-text": "I learned to listen first."},
        )
        self.client.post(reverse("credentials:submit", args=[submission.pk]))
        submission.refresh_from_db()
        self.assertEqual(submission.status, Submission.Status.SUBMITTED)

    def test_it_refuses_a_file_whose_content_is_not_an_accepted_type(self) -> None:
        submission = actions.start_submission(self.mc, self.alice)
        fake = SimpleUploadedFile(
            "agenda.png", b"<html><script>alert(1)</script>", content_type="image/png"
        )
        with self.assertRaisesMessage(ActionError, "is not a file type this requirement accepts"):
            actions.add_artifact(submission, self.agenda, fake)
        self.assertFalse(Artifact.objects.exists())

    @override_settings(UPLOAD_MAX_BYTES=10)
    def test_it_refuses_a_file_over_the_limit_and_names_the_limit(self) -> None:
        submission = actions.start_submission(self.mc, self.alice)
        self.client.force_login(self.alice)
        page = self.client.post(
            reverse("credentials:upload", args=[submission.pk, self.agenda.pk]),
            {"file": png()},
            follow=True,
        )
        self.assertContains(page, "the limit is 0 MB")
        self.assertFalse(Artifact.objects.exists())

    def test_a_stored_file_is_served_as_a_download_never_as_html(self) -> None:
        submission = actions.start_submission(self.mc, self.alice)
        text = SimpleUploadedFile("notes.txt", b"plain notes\n", content_type="text/html")
        artifact = (
            actions.add_artifact(submission, self.agenda, text)
            if "document" in self.agenda.accepted
            else None
        )
        self.client.force_login(self.alice)
        response = self.client.get(reverse("credentials:artifact-file", args=[artifact.pk]))
        self.assertEqual(response["Content-Type"], "text/plain")
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("sandbox", response["Content-Security-Policy"])

    def test_others_cannot_open_a_submission_or_its_files(self) -> None:
        submission = actions.start_submission(self.mc, self.alice)
        artifact = actions.add_artifact(submission, self.agenda, png())
        for person in (self.bob, self.oscar):
            self.client.force_login(person)
            self.assertEqual(
                self.client.get(
                    reverse("credentials:submission", args=[submission.pk])
                ).status_code,
                404,
            )
            self.assertEqual(
                self.client.get(
                    reverse("credentials:artifact-file", args=[artifact.pk])
                ).status_code,
                404,
            )

    def test_a_submission_keeps_its_version_and_a_retired_one_cannot_be_started(self) -> None:
        submission = actions.start_submission(self.mc, self.alice)
        newer = actions.publish(actions.new_version(self.mc))
        self.mc.refresh_from_db()
        self.assertEqual(self.mc.status, MicroCredential.Status.RETIRED)
        self.assertEqual(newer.version, 2)
        submission.refresh_from_db()
        self.assertEqual(submission.micro_credential, self.mc)
        with self.assertRaisesMessage(ActionError, "not open for new submissions"):
            actions.start_submission(self.mc, self.bob)

    def test_a_draft_cannot_be_published_without_scoring_guides(self) -> None:
        draft = actions.create_micro_credential(
            self.issuer,
            {
                "title": "Half finished",
                "competency": "Something.",
                "requirements": [{"kind": "reflection", "title": "R", "prompt": "Reflect."}],
            },
        )
        with self.assertRaisesMessage(ActionError, "needs a scoring guide"):
            actions.publish(draft)

    def test_the_catalogue_searches_and_links_from_a_slug(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(
            self.client.get(reverse("credentials:catalogue"), {"q": "shared purpose"}),
            self.mc.title,
        )
        self.assertNotContains(
            self.client.get(reverse("credentials:catalogue"), {"q": "zzz"}), self.mc.title
        )
        response = self.client.get(reverse("credentials:by-slug", args=[self.mc.slug]))
        self.assertRedirects(response, reverse("credentials:micro-credential", args=[self.mc.pk]))

    def test_a_link_must_be_a_web_address(self) -> None:
        submission = actions.start_submission(self.mc, self.alice)
        with self.assertRaisesMessage(ActionError, "must start with https://"):
            actions.add_link(submission, self.agenda, "javascript:alert(1)")
        self.assertEqual(
            actions.add_link(submission, self.agenda, "https://video.example/v/1").kind, "link"
        )
        self.assertEqual(Requirement.Kind.ARTIFACT, self.agenda.kind)
