"""Stacks hold only published micro-credentials and show wherever their members do."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials import actions
from credentials.models import Stack
from organisations.models import Role
from tests.base import TrellisTestCase, make_person

from .helpers import SAMPLE, approve, make_issuer, publish_sample
from .sharing_support import earn


class StackMembershipTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.first = publish_sample(self.issuer)
        self.second = publish_sample(self.issuer, title="Building Your Team")
        self.draft = actions.create_micro_credential(
            self.issuer, {**SAMPLE, "title": "Empty draft"}
        )
        self.url = reverse("credentials:manage-stack-create", args=[self.issuer.slug])
        self.client.force_login(self.dana)

    def test_the_form_offers_only_published_micro_credentials(self) -> None:
        page = self.client.get(self.url)
        self.assertContains(page, "Building Your Team")
        self.assertNotContains(page, "Empty draft")

    def test_a_draft_posted_anyway_is_refused_by_name(self) -> None:
        response = self.client.post(
            self.url,
            {"title": "Team leader", "micro_credential_slugs": [self.first.slug, self.draft.slug]},
        )
        self.assertContains(response, "empty-draft", status_code=400)
        self.assertContains(response, "published micro-credentials", status_code=400)
        self.assertFalse(Stack.objects.exists())

    def test_the_action_names_the_unpublished_ones_by_title(self) -> None:
        data = {
            "title": "Team leader",
            "micro_credential_slugs": [self.first.slug, self.draft.slug, "no-such-thing"],
        }
        with self.assertRaisesMessage(actions.stacks.ActionError, "“Empty draft”, “no-such-thing”"):
            actions.create_stack(self.issuer, data, self.dana)

    def test_a_stack_holding_a_draft_from_before_can_drop_it(self) -> None:
        stack = Stack.objects.create(
            issuer=self.issuer,
            slug="old",
            title="Old stack",
            micro_credential_slugs=[self.first.slug, self.second.slug, self.draft.slug],
        )
        url = reverse("credentials:manage-stack", args=[stack.pk])
        self.assertContains(self.client.get(url), "Empty draft (not published)")
        kept = {"title": "Old stack", "micro_credential_slugs": [self.first.slug, self.second.slug]}
        self.assertRedirects(
            self.client.post(url, kept),
            reverse("credentials:manage-issuer", args=[self.issuer.slug]),
        )
        stack.refresh_from_db()
        self.assertEqual(stack.micro_credential_slugs, [self.first.slug, self.second.slug])


class StackDisplayTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        # Rita is an expert reviewer from Pomona, approved by the Clarendon issuer.
        self.rita = make_person(
            "rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong
        )
        approve(self.issuer, self.rita)
        self.award = earn(self.issuer, self.alice, self.rita)
        self.first = self.award.micro_credential
        self.second = publish_sample(self.issuer, title="Building Your Team")
        self.draft = actions.create_micro_credential(
            self.issuer, {**SAMPLE, "title": "Secret draft"}
        )
        # Made before drafts were refused: the draft must still never show.
        self.stack = Stack.objects.create(
            issuer=self.issuer,
            slug="team-leadership",
            title="Team Leadership Stack",
            description="Leads a team from purpose to practice.",
            micro_credential_slugs=[self.first.slug, self.second.slug, self.draft.slug],
        )

    def test_the_catalogue_lists_the_stack_with_its_published_members(self) -> None:
        self.client.force_login(self.carl)
        page = self.client.get(reverse("credentials:catalogue"))
        self.assertContains(page, "Team Leadership Stack")
        self.assertContains(page, "2 micro-credentials")
        self.assertNotContains(page, "Secret draft")
        found = self.client.get(reverse("credentials:catalogue"), {"q": "team leadership"})
        self.assertContains(found, "Team Leadership Stack")
        missed = self.client.get(reverse("credentials:catalogue"), {"q": "assessment"})
        self.assertNotContains(missed, "Team Leadership Stack")

    def test_the_catalogue_queries_do_not_grow_with_stacks(self) -> None:
        self.client.force_login(self.carl)
        url = reverse("credentials:catalogue")
        self.client.get(url)
        with CaptureQueriesContext(connection) as one:
            self.client.get(url)
        for n in range(4):
            Stack.objects.create(
                issuer=self.issuer,
                slug=f"more-{n}",
                title=f"More {n}",
                micro_credential_slugs=[self.first.slug, self.second.slug],
            )
        with CaptureQueriesContext(connection) as five:
            page = self.client.get(url)
        self.assertContains(page, "More 3")
        self.assertEqual(len(five), len(one))

    def test_a_member_page_says_which_stack_it_belongs_to(self) -> None:
        self.client.force_login(self.carl)
        page = self.client.get(reverse("credentials:micro-credential", args=[self.second.pk]))
        self.assertContains(page, "Part of the stack “Team Leadership Stack”")
        self.assertContains(page, reverse("credentials:micro-credential", args=[self.first.pk]))
        self.assertNotContains(page, "Secret draft")

    def test_the_issuer_profile_lists_its_stacks_to_anyone(self) -> None:
        page = self.client.get(reverse("credentials:issuer", args=[self.issuer.slug]))
        self.assertContains(page, "Team Leadership Stack")
        self.assertContains(page, "Leads a team from purpose to practice.")
        self.assertNotContains(page, "Secret draft")
        # Once, in the page, and not inside its <title>.
        title = page.content.decode().split("<title>")[1].split("</title>")[0]
        self.assertNotIn("Team Leadership Stack", title)
        self.assertContains(page, '<section id="stack-', count=1)

    def test_the_earner_sees_how_far_she_is_through_the_stack(self) -> None:
        self.client.force_login(self.alice)
        page = self.client.get(reverse("credentials:mine"))
        self.assertContains(page, "Team Leadership Stack")
        self.assertContains(page, "1 of 2 earned")
        self.assertNotContains(page, "Secret draft")

    def test_a_revoked_credential_does_not_count_towards_the_stack(self) -> None:
        actions.revoke_credential(self.award, self.dana, "Issued in error.")
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(reverse("credentials:mine")), "0 of 2 earned")

    def test_someone_who_has_begun_none_of_it_sees_no_stack_progress(self) -> None:
        self.client.force_login(self.carl)
        self.assertNotContains(self.client.get(reverse("credentials:mine")), "Team Leadership")
