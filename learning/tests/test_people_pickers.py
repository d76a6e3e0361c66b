"""Pages that name people from a whole district search for them instead of listing thousands."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning import actions
from learning.models import Cohort, ExperienceEnrolment
from organisations.people_picker import FIND, SHOWN
from organisations.tests.helpers import add_teachers

from .base import LearningTestCase


class PeoplePickerPageTests(LearningTestCase):
    def setUp(self) -> None:
        self.playlist = actions.create_playlist(self.cora, self.walker_gamble, "Start here")
        self.enrolment = actions.take_experience(self.alice, self.reading_plan, self.walker_gamble)
        self.cohort = actions.create_cohort(
            self.walker_gamble, "Book study", self.cora, [self.alice, self.bob], self.paula
        )

    def pages(self) -> list[tuple[object, str]]:
        """Return each page with a people picker, with the person who opens it."""
        return [
            (self.paula, reverse("learning:cohort-create")),
            (self.paula, reverse("learning:cohort-edit", args=[self.cohort.pk])),
            (self.cora, reverse("learning:playlist-share", args=[self.playlist.pk])),
            (self.alice, reverse("learning:enrolment", args=[self.enrolment.pk])),
        ]

    def measure(self) -> list[tuple[int, int]]:
        """Return the queries and the boxes to tick of each page."""
        figures = []
        for person, url in self.pages():
            self.client.force_login(person)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            html = response.content.decode()
            figures.append((len(queries), html.count('type="checkbox"') + html.count('"radio"')))
        return figures

    def test_each_page_costs_the_same_for_a_district_of_ten_or_of_a_thousand(self) -> None:
        small = self.measure()
        add_teachers(self.st_paul, 1_000)
        large = self.measure()
        self.assertEqual([queries for queries, _boxes in small], [q for q, _b in large])
        for (_queries, boxes), (_person, url) in zip(large, self.pages(), strict=True):
            # The cohort form has two pickers; a box is a person, "nobody", or a cohort.
            self.assertLessEqual(boxes, 2 * (SHOWN + 3), url)

    def test_find_lists_who_matches_keeps_what_was_typed_and_creates_nothing(self) -> None:
        add_teachers(self.st_paul, SHOWN + 10)
        self.client.force_login(self.paula)
        response = self.client.post(
            reverse("learning:cohort-create"),
            {
                "organisation": self.walker_gamble.pk,
                "name": "Reading leaders",
                "facilitator": self.cora.pk,
                "members": [self.bob.pk],
                "members_query": "carl",
                FIND: "members",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Cohort.objects.filter(name="Reading leaders").exists())
        self.assertNotContains(response, "This field is required")
        self.assertContains(response, 'value="Reading leaders"')
        self.assertContains(response, f'name="facilitator" value="{self.cora.pk}" checked')
        self.assertContains(response, f'name="members" value="{self.bob.pk}" checked')
        self.assertContains(response, f'name="members" value="{self.carl.pk}">')
        self.assertContains(response, "Carl Cole — Teacher, St. Paul Middle")
        self.assertContains(response, "1 person matches “carl”.")

    def test_a_member_found_by_searching_joins_the_cohort(self) -> None:
        found = add_teachers(self.st_paul, SHOWN + 10)[-1]
        self.client.force_login(self.paula)
        page = self.client.post(
            reverse("learning:cohort-create"),
            {"organisation": self.walker_gamble.pk, "members_query": found.email, FIND: "members"},
        )
        self.assertContains(page, f'name="members" value="{found.pk}">')
        response = self.client.post(
            reverse("learning:cohort-create"),
            {
                "organisation": self.walker_gamble.pk,
                "name": "Reading leaders",
                "facilitator": self.cora.pk,
                "members": [found.pk, self.alice.pk],
            },
        )
        cohort = Cohort.objects.get(name="Reading leaders")
        self.assertRedirects(response, reverse("learning:cohort", args=[cohort.pk]))
        self.assertEqual(set(cohort.members.all()), {found, self.alice})

    def test_find_on_the_enrolment_page_keeps_the_reflection_and_completes_nothing(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(
            reverse("learning:enrolment-complete", args=[self.enrolment.pk]),
            {"reflection": "Half written", "mentor_query": "carl", FIND: "mentor"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Half written")
        self.assertContains(response, f'name="mentor" value="{self.carl.pk}">')
        self.enrolment.refresh_from_db()
        self.assertEqual(self.enrolment.status, ExperienceEnrolment.Status.TAKEN)
