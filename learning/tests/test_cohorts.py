"""Cohorts: a leader gathers colleagues; only members read and post; files download safely."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from credentials.tests.helpers import make_issuer, png, publish_sample
from learning import actions
from learning.models import Cohort, CohortPost
from lib.errors import ActionError

from .base import LearningTestCase


class CohortTests(LearningTestCase):
    def setUp(self) -> None:
        self.cohort = actions.create_cohort(
            self.walker_gamble, "Book study", self.cora, [self.alice, self.bob], self.paula
        )

    def test_a_principal_creates_a_cohort_with_a_micro_credential(self) -> None:
        micro_credential = publish_sample(make_issuer(self.clarendon))
        self.client.force_login(self.paula)
        self.assertEqual(self.client.get(reverse("learning:cohort-create")).status_code, 200)
        response = self.client.post(
            reverse("learning:cohort-create"),
            {
                "organisation": self.walker_gamble.pk,
                "name": "Shared purpose cohort",
                "description": "",
                "facilitator": self.cora.pk,
                "members": [self.alice.pk, self.bob.pk],
                "micro_credential": micro_credential.pk,
            },
        )
        cohort = Cohort.objects.get(name="Shared purpose cohort")
        self.assertRedirects(response, reverse("learning:cohort", args=[cohort.pk]))
        self.assertEqual(cohort.micro_credential, micro_credential)
        self.assertEqual(set(cohort.members.all()), {self.alice, self.bob})

    def test_members_from_another_school_are_refused_by_name(self) -> None:
        with self.assertRaises(ActionError) as caught:
            actions.create_cohort(
                self.walker_gamble, "Mixed", self.cora, [self.alice, self.carl], self.paula
            )
        self.assertEqual(caught.exception.field, "members")
        self.assertIn("Carl Cole", caught.exception.message)

    def test_a_teacher_cannot_create_a_cohort(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(reverse("learning:cohort-create")).status_code, 404)

    def test_members_post_text_and_files_others_see_nothing(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("learning:cohort-post", args=[self.cohort.pk]),
            {"text": "Chapter 3 notes attached.", "file": png("notes.png")},
        )
        self.assertRedirects(response, reverse("learning:cohort", args=[self.cohort.pk]))
        post = CohortPost.objects.get()
        self.assertEqual((post.original_name, post.content_type), ("notes.png", "image/png"))
        download = self.client.get(reverse("learning:post-file", args=[post.pk]))
        self.assertIn("attachment", download["Content-Disposition"])
        self.assertEqual(download["X-Content-Type-Options"], "nosniff")
        for outsider in (self.carl, self.oscar):
            self.client.force_login(outsider)
            self.assertEqual(
                self.client.get(reverse("learning:cohort", args=[self.cohort.pk])).status_code, 404
            )
            self.assertEqual(
                self.client.get(reverse("learning:post-file", args=[post.pk])).status_code, 404
            )

    def test_an_html_file_is_refused_with_a_message_naming_the_file(self) -> None:
        self.client.force_login(self.bob)
        page = SimpleUploadedFile("page.html", b"<html><script>alert(1)</script></html>")
        response = self.client.post(
            reverse("learning:cohort-post", args=[self.cohort.pk]), {"text": "", "file": page}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("page.html", response.context["form"].errors["file"][0])
        self.assertFalse(CohortPost.objects.exists())

    def test_an_empty_post_is_refused(self) -> None:
        self.client.force_login(self.bob)
        response = self.client.post(
            reverse("learning:cohort-post", args=[self.cohort.pk]), {"text": " "}
        )
        self.assertIn("text", response.context["form"].errors)

    def test_the_cohort_page_costs_the_same_queries_with_more_posts(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("learning:cohort", args=[self.cohort.pk])
        actions.add_post(self.cohort, self.alice, "First")
        with self.assertNumQueries(6) as small:
            self.client.get(url)
        for n in range(10):
            actions.add_post(self.cohort, self.bob if n % 2 else self.cora, f"Post {n}")
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(url)
