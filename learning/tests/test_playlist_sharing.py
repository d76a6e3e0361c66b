"""Sharing a playlist with chosen colleagues or a cohort, and taking it back."""

from django.urls import reverse

from learning import actions
from learning.models import Playlist, Resource
from lib.errors import ActionError
from organisations.actions import add_member
from organisations.models import Membership, Role
from organisations.people_picker import listed

from .base import LearningTestCase


class SharingTests(LearningTestCase):
    def setUp(self) -> None:
        # Cora's private playlist; she coaches at Walker-Gamble.
        self.playlist = actions.create_playlist(self.cora, self.walker_gamble, "Start here")
        actions.add_to_playlist(self.playlist, self.book)
        self.url = reverse("learning:playlist", args=[self.playlist.pk])
        self.share_url = reverse("learning:playlist-share", args=[self.playlist.pk])
        # Cora facilitates a cohort with Bob in it; Alice is not a member.
        self.cohort = actions.create_cohort(
            self.walker_gamble, "Book study", self.cora, [self.bob], self.paula
        )

    def test_a_coach_shares_with_a_colleague_who_finds_it_under_shared_with_me(self) -> None:
        self.client.force_login(self.cora)
        response = self.client.post(self.share_url, {"people": [self.carl.pk]})
        self.assertRedirects(response, self.url)
        self.assertEqual(list(self.playlist.shared_with_people.all()), [self.carl])
        self.assertContains(self.client.get(self.url), "Carl Cole")

        self.client.force_login(self.carl)
        listing = self.client.get(reverse("learning:playlists"))
        self.assertEqual(listing.context["shared_with_me"], [self.playlist])
        self.assertEqual(listing.context["shared"], [])
        page = self.client.get(self.url)
        self.assertContains(page, "By Cora Cruz, shared with you.")
        # Readers may not change it or re-share it.
        self.assertEqual(self.client.get(self.share_url).status_code, 404)
        self.assertEqual(self.client.post(self.share_url, {"people": []}).status_code, 404)
        self.assertEqual(list(self.playlist.shared_with_people.all()), [self.carl])

        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertNotContains(self.client.get(reverse("learning:playlists")), "Start here")

    def test_unsharing_takes_the_playlist_away_again(self) -> None:
        actions.share_playlist(self.playlist, [self.alice], [self.cohort])
        self.client.force_login(self.cora)
        self.client.post(self.share_url, {"people": [], "cohorts": []})
        self.assertFalse(self.playlist.shared_with_people.exists())
        self.assertFalse(self.playlist.shared_with_cohorts.exists())
        for reader in (self.alice, self.bob):
            self.client.force_login(reader)
            self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_the_form_offers_the_districts_people_by_role_and_school_and_her_cohorts(
        self,
    ) -> None:
        # A Walker-Gamble cohort Cora is not in.
        actions.create_cohort(
            self.walker_gamble, "Other group", self.paula, [self.alice], self.dana
        )
        self.client.force_login(self.cora)
        form = self.client.get(self.share_url).context["form"]
        people = listed(form["people"])
        self.assertEqual(people[self.carl.pk], "Carl Cole — Teacher, St. Paul Middle")
        self.assertNotIn(self.cora.pk, people)
        self.assertNotIn(self.oscar.pk, people)
        self.assertNotIn(self.olivia.pk, people)
        self.assertEqual(list(form.fields["cohorts"].choices), [(self.cohort.pk, "Book study")])

    def test_an_outsider_or_a_cohort_she_is_not_in_is_refused(self) -> None:
        with self.assertRaises(ActionError) as caught:
            actions.share_playlist(self.playlist, [self.alice, self.oscar], [])
        self.assertEqual(caught.exception.field, "people")
        elsewhere = actions.create_cohort(
            self.walker_gamble, "Other group", self.paula, [self.alice], self.dana
        )
        with self.assertRaises(ActionError) as caught:
            actions.share_playlist(self.playlist, [], [elsewhere])
        self.assertEqual(caught.exception.field, "cohorts")
        self.assertFalse(self.playlist.shared_with_people.exists())
        # Through the form, an outsider's id is not even a valid choice.
        self.client.force_login(self.cora)
        response = self.client.post(self.share_url, {"people": [self.oscar.pk]})
        self.assertIn("people", response.context["form"].errors)
        self.assertFalse(self.playlist.shared_with_people.exists())

    def test_a_cohort_lists_its_playlists_and_only_its_members_open_them(self) -> None:
        actions.share_playlist(self.playlist, [], [self.cohort])
        self.client.force_login(self.bob)
        cohort_page = self.client.get(reverse("learning:cohort", args=[self.cohort.pk]))
        self.assertEqual(cohort_page.context["playlists"], [self.playlist])
        self.assertContains(cohort_page, self.url)
        self.assertEqual(self.client.get(self.url).status_code, 200)
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        # Bob leaves the cohort, and the playlist with it.
        actions.update_cohort(self.cohort, "Book study", self.cora, [])
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_someone_who_moves_to_another_district_loses_what_was_shared(self) -> None:
        actions.share_playlist(self.playlist, [self.alice], [])
        Membership.objects.filter(person=self.alice).delete()
        add_member(self.alice, self.armstrong, Role.TEACHER)
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertNotContains(self.client.get(reverse("learning:playlists")), "Start here")

    def test_sharing_keeps_the_organisation_visibility_as_it_was(self) -> None:
        actions.share_playlist(self.playlist, [self.alice], [])
        self.client.force_login(self.cora)
        response = self.client.post(
            reverse("learning:playlist-edit", args=[self.playlist.pk]),
            {"title": "Start here", "description": "", "visibility": "private"},
            follow=True,
        )
        self.assertContains(response, "Only you and the colleagues and cohorts you chose")
        self.playlist.refresh_from_db()
        self.assertEqual(self.playlist.visibility, Playlist.Visibility.PRIVATE)
        self.assertEqual(list(self.playlist.shared_with_people.all()), [self.alice])


class SharingQueryTests(LearningTestCase):
    def test_the_playlists_list_costs_the_same_with_more_shared_playlists(self) -> None:
        cohort = actions.create_cohort(
            self.walker_gamble, "Book study", self.cora, [self.alice], self.paula
        )
        resources = list(Resource.objects.filter(organisation=None)[:10])

        def add(n: int) -> None:
            playlist = actions.create_playlist(self.cora, self.walker_gamble, f"List {n}")
            actions.add_to_playlist(playlist, resources[n % len(resources)])
            actions.share_playlist(playlist, [self.alice] if n % 2 else [], [cohort])
            actions.create_playlist(
                self.bob, self.walker_gamble, f"Bob {n}", visibility=Playlist.Visibility.SHARED
            )
            actions.create_playlist(self.alice, self.walker_gamble, f"Mine {n}")

        add(0)
        self.client.force_login(self.alice)
        url = reverse("learning:playlists")
        with self.assertNumQueries(4) as small:
            self.client.get(url)
        for n in range(1, 12):
            add(n)
        with self.assertNumQueries(len(small.captured_queries)):
            response = self.client.get(url)
        self.assertEqual(len(response.context["shared_with_me"]), 12)
        self.assertEqual(len(response.context["shared"]), 12)
        self.assertEqual(len(response.context["mine"]), 12)

    def test_the_cohort_page_costs_the_same_with_more_playlists(self) -> None:
        cohort = actions.create_cohort(
            self.walker_gamble, "Book study", self.cora, [self.alice, self.bob], self.paula
        )
        people = [self.cora, self.bob]

        def add(n: int) -> None:
            playlist = actions.create_playlist(people[n % 2], self.walker_gamble, f"List {n}")
            actions.share_playlist(playlist, [], [cohort])

        add(0)
        self.client.force_login(self.alice)
        url = reverse("learning:cohort", args=[cohort.pk])
        with self.assertNumQueries(7) as small:
            self.client.get(url)
        for n in range(1, 12):
            add(n)
        with self.assertNumQueries(len(small.captured_queries)):
            response = self.client.get(url)
        self.assertEqual(len(response.context["playlists"]), 12)
