"""Issuers write drafts with their requirements, publish, retire, version and stack them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials import actions
from credentials.actions.publishing import publishing_problems
from credentials.models import MicroCredential, Stack
from frameworks.models import Competency
from tests.base import TrellisTestCase

from .helpers import SAMPLE, make_issuer, publish_sample


def management(total: int, initial: int) -> dict:
    return {
        "requirements-TOTAL_FORMS": str(total),
        "requirements-INITIAL_FORMS": str(initial),
        "requirements-MIN_NUM_FORMS": "0",
        "requirements-MAX_NUM_FORMS": "30",
    }


def requirement(index: int, **fields) -> dict:
    values = {
        "kind": "reflection",
        "title": "Reflection",
        "prompt": "What changed in your practice?",
        "earned_guide": "Names a specific change and its evidence.",
        "not_yet_guide": "Stays general.",
        **fields,
    }
    return {
        f"requirements-{index}-{name}": value
        for name, value in values.items()
        if name != "accepted"
    } | {f"requirements-{index}-accepted": fields.get("accepted", [])}


DRAFT = {
    "title": "Leading Instructional Rounds",
    "competency": "The educator leads colleagues through instructional rounds.",
    "key_method": "Observe, describe, analyse, predict.",
    "method_components": "Choose a problem of practice\nObserve in small groups",
    "research": "Rounds build a shared language for teaching.",
    "resources": "Instructional Rounds in Education | book\nA video | video | https://example.org/v",
    "exclude_colleagues": "on",
}


class AuthoringTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.client.force_login(self.dana)

    def create(self, **extra):
        data = {**DRAFT, **management(2, 0), **requirement(0), **extra}
        return self.client.post(reverse("credentials:manage-create", args=[self.issuer.slug]), data)

    def test_the_dashboard_lists_the_issuers_the_user_manages_with_counts(self) -> None:
        publish_sample(self.issuer)
        actions.create_micro_credential(self.issuer, {**SAMPLE, "title": "Another"})
        response = self.client.get(reverse("credentials:manage"))
        self.assertContains(response, "Clarendon Leadership Academy")
        self.assertContains(response, "<dt>Published</dt><dd>1</dd>", html=True)
        self.assertContains(response, "<dt>Drafts</dt><dd>1</dd>", html=True)

    def test_the_dashboard_tells_people_who_manage_no_issuer_why_they_cannot_use_it(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(reverse("credentials:manage"))
        self.assertContains(response, "You do not manage an issuer", status_code=403)

    def test_the_menu_links_issuing_only_for_leaders(self) -> None:
        link = f'href="{reverse("credentials:manage")}"'
        for person in (self.dana, self.paula, self.oscar):
            self.client.force_login(person)
            self.assertContains(self.client.get(reverse("home")), link)
        for person in (self.alice, self.carl):
            self.client.force_login(person)
            self.assertNotContains(
                self.client.get(reverse("home")), f'href="{reverse("credentials:manage")}"'
            )

    def test_the_dashboard_runs_the_same_queries_for_one_or_many_issuers(self) -> None:
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(reverse("credentials:manage")).status_code, 200)
            return len(queries)

        few = count()
        for number in range(4):
            publish_sample(make_issuer(self.clarendon, f"Academy {number}"))
        self.assertEqual(count(), few)

    def test_the_issuer_page_lists_every_version_and_runs_bounded_queries(self) -> None:
        first = publish_sample(self.issuer)

        def count() -> int:
            url = reverse("credentials:manage-issuer", args=[self.issuer.slug])
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            return len(queries)

        few = count()
        actions.new_version(first)
        for number in range(5):
            publish_sample(self.issuer, title=f"Other {number}")
        self.assertEqual(count(), few)
        page = self.client.get(reverse("credentials:manage-issuer", args=[self.issuer.slug]))
        self.assertContains(page, "v2")
        self.assertContains(page, "Other 4")

    def test_a_new_draft_keeps_every_field_and_requirement(self) -> None:
        competency = Competency.objects.filter(framework__organisation__isnull=True).first()
        response = self.create(
            competencies=[competency.pk],
            **requirement(1, kind="artifact", title="Rounds notes", accepted=["document", "link"]),
        )
        draft = MicroCredential.objects.get(issuer=self.issuer)
        self.assertRedirects(response, reverse("credentials:manage-edit", args=[draft.pk]))
        self.assertEqual(draft.status, "draft")
        self.assertEqual(draft.method_components[1], "Observe in small groups")
        self.assertEqual(
            draft.resources[1],
            {"title": "A video", "kind": "video", "url": "https://example.org/v"},
        )
        self.assertTrue(draft.exclude_colleagues)
        self.assertFalse(draft.double_review)
        self.assertEqual(list(draft.competencies.all()), [competency])
        kinds = list(draft.requirements.values_list("kind", "accepted"))
        self.assertEqual(kinds, [("reflection", []), ("artifact", ["document", "link"])])

    def test_a_draft_saves_without_a_competency_and_publishing_asks_for_it(self) -> None:
        response = self.create(competency="")
        draft = MicroCredential.objects.get()
        self.assertRedirects(response, reverse("credentials:manage-edit", args=[draft.pk]))
        page = self.client.get(reverse("credentials:manage-edit", args=[draft.pk]))
        self.assertContains(page, "State the one competency it recognises")
        self.client.post(reverse("credentials:manage-publish", args=[draft.pk]))
        draft.refresh_from_db()
        self.assertEqual(draft.status, "draft")

    def test_a_draft_without_a_title_is_refused_and_keeps_what_was_typed(self) -> None:
        response = self.create(title="")
        self.assertContains(response, "Give the micro-credential a title.", status_code=400)
        self.assertContains(response, "What changed in your practice?", status_code=400)
        self.assertFalse(MicroCredential.objects.exists())

    def test_publishing_names_every_statement_still_missing(self) -> None:
        self.create(
            key_method="",
            method_components="",
            research="",
            resources="",
            **requirement(0, kind="overview", title="Context"),
        )
        draft = MicroCredential.objects.get()
        problems = publishing_problems(draft)
        for words in (
            "Describe the key method",
            "List the method components",
            "research and rationale",
            "at least one resource",
            "Add a reflection part",
        ):
            self.assertTrue(any(words in p for p in problems), (words, problems))
        response = self.client.post(
            reverse("credentials:manage-publish", args=[draft.pk]), follow=True
        )
        self.assertContains(response, "Describe the key method")
        draft.refresh_from_db()
        self.assertEqual(draft.status, "draft")

    def test_a_complete_draft_has_nothing_left_to_fix(self) -> None:
        self.create()
        self.assertEqual(publishing_problems(MicroCredential.objects.get()), [])

    def test_an_artifact_without_accepted_evidence_says_what_to_tick(self) -> None:
        response = self.create(**requirement(1, kind="artifact", title="Notes"))
        self.assertContains(
            response, "Tick at least one kind of evidence an artifact may be.", status_code=400
        )

    def test_a_bad_resource_address_names_the_line_and_the_fix(self) -> None:
        response = self.create(resources="Good book\nVideo | https://exa mple")
        self.assertContains(response, "Line 2", status_code=400)
        self.assertContains(response, "start it with https://", status_code=400)

    def test_a_refusal_about_the_requirements_is_listed_above_the_form(self) -> None:
        # The action names "requirements", which the micro-credential form has no field for.
        response = self.create(**requirement(1))
        self.assertEqual(response.status_code, 400)
        summary = response.content.decode().split('<form method="post" novalidate>')[0]
        self.assertIn("Nothing was saved yet", summary)
        self.assertIn("Two requirements share the key “reflection”", summary)
        self.assertFalse(MicroCredential.objects.exists())

    def test_a_title_already_in_use_is_refused_rather_than_made_a_new_version(self) -> None:
        publish_sample(self.issuer, title="Leading Instructional Rounds")
        response = self.create()
        self.assertContains(response, "already exists", status_code=400)
        self.assertEqual(MicroCredential.objects.count(), 1)

    def test_editing_a_draft_changes_removes_and_adds_requirements(self) -> None:
        self.create(**requirement(1, kind="overview", title="Overview"))
        draft = MicroCredential.objects.get()
        url = reverse("credentials:manage-edit", args=[draft.pk])
        page = self.client.get(url)
        self.assertContains(page, "Observe in small groups")
        keys = list(draft.requirements.values_list("key", flat=True))
        data = {
            **DRAFT,
            "title": "Leading Rounds",
            **management(3, 2),
            **requirement(0, key=keys[0], prompt="A new prompt"),
            **requirement(1, key=keys[1], kind="overview", title="Overview", DELETE="on"),
            **requirement(2, kind="overview", title="Context"),
        }
        self.assertRedirects(self.client.post(url, data), url)
        draft.refresh_from_db()
        self.assertEqual(draft.title, "Leading Rounds")
        self.assertEqual(
            list(draft.requirements.values_list("title", "prompt")),
            [("Reflection", "A new prompt"), ("Context", "What changed in your practice?")],
        )

    def test_an_incomplete_draft_lists_what_to_fix_before_publishing(self) -> None:
        self.create(**{"requirements-0-earned_guide": ""})
        draft = MicroCredential.objects.get()
        page = self.client.get(reverse("credentials:manage-edit", args=[draft.pk]))
        self.assertContains(page, "needs a scoring guide for both earned and not yet")
        response = self.client.post(reverse("credentials:manage-publish", args=[draft.pk]))
        self.assertRedirects(response, reverse("credentials:manage-edit", args=[draft.pk]))
        draft.refresh_from_db()
        self.assertEqual(draft.status, "draft")
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertIn("needs a scoring guide", messages[0])

    def test_publish_retire_and_new_version(self) -> None:
        self.create()
        draft = MicroCredential.objects.get()
        self.client.post(reverse("credentials:manage-publish", args=[draft.pk]))
        draft.refresh_from_db()
        self.assertEqual(draft.status, "published")
        page = self.client.get(reverse("credentials:manage-edit", args=[draft.pk]))
        self.assertContains(page, "Make a new version")
        self.assertNotContains(page, "Save draft")
        response = self.client.post(reverse("credentials:manage-new-version", args=[draft.pk]))
        newer = MicroCredential.objects.get(version=2)
        self.assertRedirects(response, reverse("credentials:manage-edit", args=[newer.pk]))
        self.assertEqual(newer.requirements.count(), 1)
        again = self.client.post(reverse("credentials:manage-new-version", args=[draft.pk]))
        self.assertIn("already a draft", [str(m) for m in again.wsgi_request._messages][0])
        self.assertEqual(MicroCredential.objects.count(), 2)
        self.client.post(reverse("credentials:manage-retire", args=[draft.pk]))
        draft.refresh_from_db()
        self.assertEqual(draft.status, "retired")

    def test_a_published_version_cannot_be_changed_through_the_edit_form(self) -> None:
        published = publish_sample(self.issuer)
        url = reverse("credentials:manage-edit", args=[published.pk])
        self.client.post(url, {**DRAFT, **management(1, 0)})
        published.refresh_from_db()
        self.assertEqual(published.title, SAMPLE["title"])

    def test_a_stack_groups_two_or_more_micro_credentials(self) -> None:
        first = publish_sample(self.issuer)
        second = publish_sample(self.issuer, title="Building Your Team")
        url = reverse("credentials:manage-stack-create", args=[self.issuer.slug])
        self.assertContains(self.client.get(url), "Building Your Team")
        one = self.client.post(
            url, {"title": "Team leader", "micro_credential_slugs": [first.slug]}
        )
        self.assertContains(one, "at least two micro-credentials", status_code=400)
        response = self.client.post(
            url,
            {"title": "Team leader", "micro_credential_slugs": [first.slug, second.slug]},
        )
        self.assertRedirects(
            response, reverse("credentials:manage-issuer", args=[self.issuer.slug])
        )
        stack = Stack.objects.get()
        self.assertEqual(stack.micro_credential_slugs, [first.slug, second.slug])
        edit = reverse("credentials:manage-stack", args=[stack.pk])
        self.client.post(
            edit,
            {"title": "Team lead", "micro_credential_slugs": [first.slug, second.slug]},
        )
        stack.refresh_from_db()
        self.assertEqual((stack.title, stack.slug), ("Team lead", "team-leader"))

    def test_a_principal_of_one_school_cannot_author_for_the_district_issuer(self) -> None:
        draft = actions.create_micro_credential(self.issuer, SAMPLE)
        self.client.force_login(self.paula)
        for url in (
            reverse("credentials:manage-issuer", args=[self.issuer.slug]),
            reverse("credentials:manage-create", args=[self.issuer.slug]),
            reverse("credentials:manage-edit", args=[draft.pk]),
        ):
            self.assertEqual(self.client.get(url).status_code, 404)
        self.client.post(reverse("credentials:manage-publish", args=[draft.pk]))
        draft.refresh_from_db()
        self.assertEqual(draft.status, "draft")
