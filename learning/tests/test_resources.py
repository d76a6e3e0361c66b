"""The resource library: search, filters, what each person sees, adding a resource."""

from django.urls import reverse

from learning.models import Resource

from .base import LearningTestCase


class LibraryTests(LearningTestCase):
    def test_it_finds_resources_by_title_summary_or_author(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(reverse("learning:resources"), {"q": "eckert"})
        self.assertContains(response, "Leading Together")
        self.assertEqual(response.context["page"].paginator.count, 1)
        response = self.client.get(reverse("learning:resources"), {"q": "learning walks"})
        self.assertContains(response, "Clarendon peer observation guide")

    def test_it_filters_by_kind_cost_format_and_competency(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("learning:resources")
        books = self.client.get(url, {"kind": "book"}).context["page"].paginator.count
        self.assertEqual(books, Resource.objects.filter(kind="book").count())
        paid_online = self.client.get(url, {"cost": "paid", "format": "online"})
        for resource in paid_online.context["page"].object_list:
            self.assertEqual((resource.cost, resource.format), ("paid", "online"))
        competency = self.book.competencies.first()
        aligned = self.client.get(url, {"competency": competency.pk}).context["page"]
        self.assertIn(self.book, aligned.object_list)
        self.assertEqual(aligned.paginator.count, competency.resources.count())

    def test_a_nonsense_filter_is_named_and_the_others_still_apply(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(
            reverse("learning:resources"), {"kind": "magic", "competency": "99999", "cost": "paid"}
        )
        self.assertContains(response, "were not understood and were ignored")
        self.assertContains(response, "Kind: “magic”")
        self.assertContains(response, "Competency: “99999”")
        page = response.context["page"]
        self.assertEqual(page.paginator.count, Resource.objects.filter(cost="paid").count())

    def test_search_words_match_in_any_order(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("learning:resources")
        forwards = self.client.get(url, {"q": "teacher leadership"}).context["page"]
        backwards = self.client.get(url, {"q": "leadership  teacher"}).context["page"]
        self.assertGreater(forwards.paginator.count, 0)
        self.assertEqual(list(forwards.object_list), list(backwards.object_list))
        both = self.client.get(url, {"q": "eckert together"}).context["page"]
        self.assertEqual(list(both.object_list), [self.book])
        self.assertEqual(
            self.client.get(url, {"q": "eckert zebra"}).context["page"].paginator.count, 0
        )

    def test_the_filters_fold_away_until_one_is_used(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("learning:resources")
        self.assertContains(self.client.get(url), '<details class="filter-details" data-open-wide>')
        self.assertContains(
            self.client.get(url, {"kind": "book"}),
            '<details class="filter-details" data-open-wide open>',
        )

    def test_books_are_read_anywhere(self) -> None:
        books = Resource.objects.filter(kind="book", organisation=None)
        self.assertTrue(books.exists())
        self.assertEqual(set(books.values_list("format", flat=True)), {"anywhere"})
        giant = Resource.objects.get(slug="awakening-the-sleeping-giant")
        self.assertEqual(giant.get_format_display(), "Anywhere")

    def test_the_library_costs_the_same_queries_with_more_resources(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("learning:resources")
        self.client.get(url)
        with self.assertNumQueries(6) as first:
            self.client.get(url)
        for n in range(20):
            Resource.objects.create(
                organisation=self.clarendon, slug=f"r{n}", title=f"R {n}", kind="book"
            )
        with self.assertNumQueries(len(first.captured_queries)):
            self.client.get(url)

    def test_an_outsider_does_not_see_clarendons_resources(self) -> None:
        self.client.force_login(self.oscar)
        response = self.client.get(reverse("learning:resources"))
        self.assertNotContains(response, "Clarendon peer observation guide")
        self.assertContains(response, "Leading Together")
        detail = self.client.get(reverse("learning:resource", args=[self.guide.pk]))
        self.assertEqual(detail.status_code, 404)


class AddResourceTests(LearningTestCase):
    def form(self, **changes) -> dict:
        return {
            "organisation": self.walker_gamble.pk,
            "title": "Protocol for looking at student work",
            "kind": "tool",
            "cost": "free",
            "format": "online",
            "url": "https://example.org/protocol",
            "summary": "A protocol for a team meeting.",
            "competencies": [self.book.competencies.first().pk],
            **changes,
        }

    def test_a_coach_adds_a_resource_for_her_school(self) -> None:
        self.client.force_login(self.cora)
        response = self.client.post(reverse("learning:resource-create"), self.form())
        resource = Resource.objects.get(title="Protocol for looking at student work")
        self.assertRedirects(response, reverse("learning:resource", args=[resource.pk]))
        self.assertEqual(resource.organisation, self.walker_gamble)
        self.assertEqual(resource.created_by, self.cora)
        self.assertEqual(resource.competencies.count(), 1)

    def test_a_web_address_that_is_not_http_gets_a_clear_message_and_saves_nothing(self) -> None:
        self.client.force_login(self.paula)
        for bad in ("javascript:alert(1)", "ftp://example.org/file", "file:///etc/passwd"):
            response = self.client.post(reverse("learning:resource-create"), self.form(url=bad))
            self.assertEqual(response.status_code, 200)
            errors = response.context["form"].errors["url"]
            self.assertIn("http://", errors[0])
            self.assertIn("web address", errors[0])
        self.assertFalse(Resource.objects.filter(title__startswith="Protocol").exists())

    def test_a_title_is_required(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.post(reverse("learning:resource-create"), self.form(title=" "))
        self.assertIn("title", response.context["form"].errors)

    def test_a_teacher_who_is_not_a_coach_cannot_add_resources(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(reverse("learning:resource-create")).status_code, 404)

    def test_a_leader_cannot_add_to_another_districts_library(self) -> None:
        self.client.force_login(self.oscar)
        response = self.client.post(reverse("learning:resource-create"), self.form())
        self.assertIn("organisation", response.context["form"].errors)
        self.assertFalse(Resource.objects.filter(organisation=self.walker_gamble).exists())
