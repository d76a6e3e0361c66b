"""Playlists: assembling, reordering, sharing within the organisation or keeping private."""

from django.urls import reverse

from learning import actions
from learning.models import Playlist, Resource
from lib.errors import ActionError

from .base import LearningTestCase


class PlaylistTests(LearningTestCase):
    def setUp(self) -> None:
        self.playlist = actions.create_playlist(self.cora, self.walker_gamble, "Start here")
        self.first, self.second, self.third = Resource.objects.filter(organisation=None)[:3]
        for resource in (self.first, self.second, self.third):
            actions.add_to_playlist(self.playlist, resource)

    def order(self) -> list[int]:
        return list(self.playlist.items.values_list("resource_id", flat=True))

    def test_a_coach_creates_a_playlist_from_the_form(self) -> None:
        self.client.force_login(self.cora)
        response = self.client.post(
            reverse("learning:playlist-create"),
            {
                "title": "Book study",
                "description": "",
                "organisation": self.walker_gamble.pk,
                "visibility": "shared",
            },
        )
        playlist = Playlist.objects.get(title="Book study")
        self.assertRedirects(response, reverse("learning:playlist", args=[playlist.pk]))
        self.assertTrue(playlist.is_shared)

    def test_a_resource_is_added_from_its_page_at_the_end(self) -> None:
        self.client.force_login(self.cora)
        response = self.client.post(
            reverse("learning:resource-add-to-playlist", args=[self.guide.pk]),
            {"playlist": self.playlist.pk, "note": "Read before the walk."},
        )
        self.assertRedirects(response, reverse("learning:playlist", args=[self.playlist.pk]))
        last = self.playlist.items.last()
        self.assertEqual(
            (last.resource, last.position, last.note), (self.guide, 3, "Read before the walk.")
        )

    def test_adding_the_same_resource_twice_is_refused(self) -> None:
        with self.assertRaises(ActionError) as caught:
            actions.add_to_playlist(self.playlist, self.first)
        self.assertEqual(caught.exception.field, "resource")

    def test_items_move_up_and_down_and_removal_closes_the_gap(self) -> None:
        self.client.force_login(self.cora)
        item = self.playlist.items.get(resource=self.third)
        self.client.post(
            reverse("learning:playlist-move", args=[self.playlist.pk]),
            {"item": item.pk, "offset": -1},
        )
        self.assertEqual(self.order(), [self.first.pk, self.third.pk, self.second.pk])
        first = self.playlist.items.get(resource=self.first)
        self.client.post(
            reverse("learning:playlist-remove", args=[self.playlist.pk]), {"item": first.pk}
        )
        self.assertEqual(self.order(), [self.third.pk, self.second.pk])
        self.assertEqual(list(self.playlist.items.values_list("position", flat=True)), [0, 1])

    def test_a_private_playlist_is_its_owners_alone(self) -> None:
        self.client.force_login(self.alice)
        url = reverse("learning:playlist", args=[self.playlist.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        actions.update_playlist(self.playlist, "Start here", "", Playlist.Visibility.SHARED)
        self.assertContains(self.client.get(url), "Start here")
        # Colleagues read a shared playlist but cannot change it.
        item = self.playlist.items.first()
        response = self.client.post(
            reverse("learning:playlist-remove", args=[self.playlist.pk]), {"item": item.pk}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.playlist.items.count(), 3)

    def test_a_district_leader_sees_a_schools_shared_playlist_but_pomona_does_not(self) -> None:
        actions.update_playlist(self.playlist, "Start here", "", Playlist.Visibility.SHARED)
        url = reverse("learning:playlist", args=[self.playlist.pk])
        self.client.force_login(self.dana)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.force_login(self.oscar)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotContains(self.client.get(reverse("learning:playlists")), "Start here")

    def test_a_playlist_needs_a_title(self) -> None:
        self.client.force_login(self.cora)
        response = self.client.post(
            reverse("learning:playlist-edit", args=[self.playlist.pk]),
            {"title": "  ", "description": "", "visibility": "private"},
        )
        self.assertIn("title", response.context["form"].errors)

    def test_the_playlist_page_costs_the_same_queries_with_more_items(self) -> None:
        self.client.force_login(self.cora)
        url = reverse("learning:playlist", args=[self.playlist.pk])
        with self.assertNumQueries(7) as small:
            self.client.get(url)
        for resource in Resource.objects.filter(organisation=None)[3:15]:
            actions.add_to_playlist(self.playlist, resource)
        with self.assertNumQueries(len(small.captured_queries)):
            self.client.get(url)
