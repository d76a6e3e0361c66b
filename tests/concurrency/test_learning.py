"""Double clicks and bursts on cohorts, leadership experiences, playlists and the library."""

from django.test import TransactionTestCase
from django.urls import reverse

from learning import actions as learning
from learning.models import CohortMembership, ExperienceEnrolment, PlaylistItem, Resource
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import RACERS, crashed, post_at_once, race, said

EXPERIENCE = {
    "title": "Lead a learning walk",
    "what_you_do": ["Plan the walk with two colleagues", "Lead it and debrief"],
    "duration_weeks": 4,
}
RESOURCE = {"title": "Peer observation guide", "kind": "tool", "cost": "free", "format": "online"}


class LearningRaceTestCase(TransactionTestCase):
    def setUp(self) -> None:
        self.clarendon = create_organisation("Clarendon County", Organisation.Kind.DISTRICT)
        self.school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL, self.clarendon)
        # Alice teaches at Walker-Gamble; Cora coaches there and runs its book study.
        self.alice = make_person(
            "alice@clarendon.example", "Alice", "Avery", Role.TEACHER, self.school
        )
        self.cora = make_person("cora@clarendon.example", "Cora", "Cruz", Role.TEACHER, self.school)
        # Dana sets policy for the district and adds to its library.
        self.dana = make_person(
            "dana@clarendon.example", "Dana", "Diaz", Role.POLICYMAKER, self.clarendon
        )
        self.resource = learning.add_resource(self.school, RESOURCE, [], self.cora)
        self.experience = learning.offer_experience(self.clarendon, EXPERIENCE, [], self.dana)


class CohortAndExperienceTests(LearningRaceTestCase):
    def test_twenty_saves_adding_a_colleague_to_a_cohort_add_her_once(self):
        cora = self.cora
        cohort = learning.create_cohort(self.school, "Book study", cora, [cora], cora)
        form = {"name": "Book study", "facilitator": self.cora.pk}
        form["members"] = [self.cora.pk, self.alice.pk]
        responses = post_at_once(self.cora, reverse("learning:cohort-edit", args=[cohort.pk]), form)
        self.assertEqual(crashed(responses), [])
        self.assertEqual({r.status_code for r in responses}, {302})
        self.assertEqual(CohortMembership.objects.filter(cohort=cohort).count(), 2)

    def test_twenty_take_it_on_clicks_enrol_once(self):
        url = reverse("learning:experience-take", args=[self.experience.pk])
        responses = post_at_once(self.alice, url)
        self.assertEqual(crashed(responses), [])
        self.assertEqual(ExperienceEnrolment.objects.count(), 1)
        messages = [said(r) for r in responses]
        self.assertEqual(len([m for m in messages if m[0].startswith("You have taken this")]), 1)
        self.assertEqual(
            messages.count(
                [
                    "You have already taken on “Lead a learning walk”. Complete it before "
                    "starting it again."
                ]
            ),
            RACERS - 1,
        )

    def test_twenty_complete_clicks_complete_once(self):
        enrolment = learning.take_experience(self.alice, self.experience, self.school)
        url = reverse("learning:enrolment-complete", args=[enrolment.pk])
        reflection = "We walked three classrooms and agreed on one change each."
        responses = post_at_once(self.alice, url, {"reflection": reflection})
        self.assertEqual(crashed(responses), [])
        self.assertEqual([r.status_code for r in responses].count(302), 1)
        for response in [r for r in responses if r.status_code != 302]:
            self.assertContains(response, "This experience is already completed.")

    def test_twenty_adds_to_a_playlist_add_the_resource_once(self):
        playlist = learning.create_playlist(self.alice, self.school, "Observation", "")
        url = reverse("learning:resource-add-to-playlist", args=[self.resource.pk])
        responses = post_at_once(self.alice, url, {"playlist": playlist.pk})
        self.assertEqual(crashed(responses), [])
        self.assertEqual(PlaylistItem.objects.filter(playlist=playlist).count(), 1)
        refused = [m for r in responses for m in said(r) if "already in this playlist" in m]
        self.assertEqual(len(refused), RACERS - 1)

    def test_twenty_resources_with_one_title_at_once_get_addresses_of_their_own(self):
        outcomes = race(lambda i: learning.add_resource(self.clarendon, RESOURCE, [], self.dana))
        self.assertEqual(crashed(outcomes), [])
        slugs = Resource.objects.filter(organisation=self.clarendon).values_list("slug", flat=True)
        self.assertEqual(len(set(slugs)), RACERS)

    def test_twenty_experiences_with_one_title_at_once_get_addresses_of_their_own(self):
        outcomes = race(
            lambda i: learning.offer_experience(self.clarendon, EXPERIENCE, [], self.dana)
        )
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(len({o.slug for o in outcomes} | {self.experience.slug}), RACERS + 1)
