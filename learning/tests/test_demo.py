"""The demo gives Clarendon playlists, experiences and a cohort, in a handful of queries."""

from types import SimpleNamespace

from django.urls import reverse

from learning.demo import build_learning
from learning.models import Cohort, ExperienceEnrolment, Playlist

from .base import LearningTestCase


class DemoTests(LearningTestCase):
    def test_it_builds_clarendons_learning_in_bulk(self) -> None:
        clarendon = SimpleNamespace(
            prefix="clarendon",
            district=self.clarendon,
            schools=[self.walker_gamble],
            accounts={"teacher": self.alice, "principal": self.paula, "district": self.dana},
            teachers={self.walker_gamble.pk: [self.alice, self.bob]},
        )
        elsewhere = SimpleNamespace(prefix="pomona")
        with self.assertNumQueries(10):
            build_learning([clarendon, elsewhere])
        self.assertEqual(Playlist.objects.filter(owner=self.paula, visibility="shared").count(), 1)
        self.assertEqual(ExperienceEnrolment.objects.filter(person=self.alice).count(), 2)
        cohort = Cohort.objects.get()
        self.assertEqual(cohort.posts.count(), 4)
        # The principal finds the sign-off the teacher asked for.
        self.client.force_login(self.paula)
        self.assertContains(self.client.get(reverse("learning:home")), "Waiting for your sign-off")
