"""Cohorts: a leader gathers colleagues; only members read and post; files download safely."""

from unittest.mock import patch

from django.apps import apps
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

    def test_members_from_another_district_are_refused_by_name(self) -> None:
        with self.assertRaises(ActionError) as caught:
            actions.create_cohort(
                self.walker_gamble, "Mixed", self.cora, [self.alice, self.oscar], self.paula
            )
        self.assertEqual(caught.exception.field, "members")
        self.assertIn("Oscar Ortiz", caught.exception.message)

    def test_a_school_cohort_may_gather_colleagues_from_the_districts_schools(self) -> None:
        cohort = actions.create_cohort(
            self.walker_gamble, "District study", self.carl, [self.alice, self.carl], self.paula
        )
        self.assertEqual(set(cohort.members.all()), {self.alice, self.carl})
        self.client.force_login(self.carl)
        self.assertEqual(
            self.client.get(reverse("learning:cohort", args=[cohort.pk])).status_code, 200
        )

    def test_the_people_lists_show_role_and_school(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.get(reverse("learning:cohort-create"))
        self.assertContains(response, "Carl Cole — Teacher, St. Paul Middle")
        self.assertContains(response, "Cora Cruz — Instructional coach, Walker-Gamble Elementary")
        self.assertNotContains(response, "Oscar Ortiz")

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
        message = response.context["form"].errors["file"][0]
        self.assertIn("page.html", message)
        self.assertIn("cohorts can share", message)
        self.assertNotIn("requirement", message)
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
        with self.assertNumQueries(7) as small:
            self.client.get(url)
        for n in range(10):
            actions.add_post(self.cohort, self.bob if n % 2 else self.cora, f"Post {n}")
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(url)


class CohortEditTests(LearningTestCase):
    def setUp(self) -> None:
        self.cohort = actions.create_cohort(
            self.walker_gamble, "Book study", self.cora, [self.alice, self.bob], self.paula
        )
        self.url = reverse("learning:cohort-edit", args=[self.cohort.pk])

    def form(self, **changes) -> dict:
        return {
            "name": "Book study",
            "description": "",
            "facilitator": self.cora.pk,
            "members": [self.alice.pk, self.bob.pk],
            "micro_credential": "",
            **changes,
        }

    def test_the_facilitator_changes_members_and_hands_over(self) -> None:
        post = actions.add_post(self.cohort, self.bob, "Chapter one notes")
        self.client.force_login(self.cora)
        self.assertContains(
            self.client.get(reverse("learning:cohort", args=[self.cohort.pk])), self.url
        )
        self.assertEqual(self.client.get(self.url).status_code, 200)
        response = self.client.post(
            self.url,
            self.form(
                facilitator=self.paula.pk, members=[self.alice.pk, self.carl.pk, self.cora.pk]
            ),
        )
        self.assertRedirects(response, reverse("learning:cohort", args=[self.cohort.pk]))
        self.cohort.refresh_from_db()
        self.assertEqual(self.cohort.facilitator, self.paula)
        self.assertEqual(set(self.cohort.members.all()), {self.alice, self.carl, self.cora})
        # Bob has left: his post stays, but he no longer reads the space.
        self.assertTrue(CohortPost.objects.filter(pk=post.pk).exists())
        self.client.force_login(self.bob)
        self.assertEqual(
            self.client.get(reverse("learning:cohort", args=[self.cohort.pk])).status_code, 404
        )

    def test_a_facilitator_who_hands_over_and_leaves_lands_on_her_cohorts(self) -> None:
        self.client.force_login(self.cora)
        response = self.client.post(self.url, self.form(facilitator=self.paula.pk))
        self.assertRedirects(response, reverse("learning:cohorts"))

    def test_a_district_leader_manages_a_school_cohort(self) -> None:
        self.client.force_login(self.dana)
        response = self.client.post(self.url, self.form(name="Book study, spring"))
        self.assertEqual(response.status_code, 302)
        self.cohort.refresh_from_db()
        self.assertEqual(self.cohort.name, "Book study, spring")

    def test_members_and_outsiders_cannot_manage_it(self) -> None:
        for person in (self.alice, self.carl, self.oscar):
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url).status_code, 404)
            self.assertEqual(self.client.post(self.url, self.form(name="Taken")).status_code, 404)
        self.cohort.refresh_from_db()
        self.assertEqual(self.cohort.name, "Book study")

    def test_an_outsider_cannot_be_added(self) -> None:
        with self.assertRaises(ActionError) as caught:
            actions.update_cohort(self.cohort, "Book study", self.cora, [self.oscar])
        self.assertEqual(caught.exception.field, "members")
        self.assertEqual(set(self.cohort.members.all()), {self.alice, self.bob})

    def test_a_cohort_follows_a_plan_template_offered_by_another_app(self) -> None:
        templates = [("aspiring-principal", "Aspiring principal")]
        with patch.object(
            type(apps.get_app_config("learning")),
            "cohort_plan_templates",
            create=True,
            new=lambda config: templates,
        ):
            self.client.force_login(self.paula)
            self.assertContains(self.client.get(self.url), "Aspiring principal")
            self.client.post(self.url, self.form(plan_template="aspiring-principal"))
            self.cohort.refresh_from_db()
            self.assertEqual(self.cohort.plan_template_slug, "aspiring-principal")
            page = self.client.get(reverse("learning:cohort", args=[self.cohort.pk]))
            self.assertContains(page, "Learning plan followed together")
            self.assertContains(page, "Aspiring principal")
            with self.assertRaises(ActionError) as caught:
                actions.update_cohort(
                    self.cohort, "Book study", self.cora, [], plan_template_slug="no-such-plan"
                )
            self.assertEqual(caught.exception.field, "plan_template")

    def test_without_templates_on_offer_the_form_does_not_ask(self) -> None:
        self.client.force_login(self.paula)
        self.assertNotIn("plan_template", self.client.get(self.url).context["form"].fields)
