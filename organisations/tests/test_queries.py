"""The organisation pages cost the same queries for a school, a district or a whole state."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisations.models import Role
from tests.base import TrellisTestCase, make_person


class QueryCountTests(TrellisTestCase):
    def count(self, person, name: str, organisation) -> int:
        self.client.force_login(person)
        url = reverse(name, args=[organisation.pk])
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_the_detail_and_people_pages_cost_the_same_for_a_district_or_a_state(self) -> None:
        sam = make_person("sam@sc.example", "Sam", "State", Role.POLICYMAKER, self.south_carolina)
        for name in ("organisations:detail", "organisations:people"):
            with self.subTest(name):
                # The district names its parent, the state has none: no extra query either way.
                self.assertEqual(
                    self.count(self.dana, name, self.clarendon),
                    self.count(sam, name, self.south_carolina),
                )


class ChildrenCountTests(TrellisTestCase):
    def test_each_child_counts_everyone_below_it(self) -> None:
        sam = make_person("sam@sc.example", "Sam", "State", Role.POLICYMAKER, self.south_carolina)
        self.client.force_login(sam)
        page = self.client.get(reverse("organisations:detail", args=[self.south_carolina.pk]))
        children = {c.name: people for c, people in page.context["children"]}
        # Alice, Bob and Paula at Walker-Gamble, Carl at St. Paul, Dana in the district itself.
        self.assertEqual(children["Clarendon County School District 3"], 5)
        self.client.force_login(self.dana)
        page = self.client.get(reverse("organisations:detail", args=[self.clarendon.pk]))
        children = {c.name: people for c, people in page.context["children"]}
        self.assertEqual(children[self.walker_gamble.name], 3)
        self.assertEqual(children[self.st_paul.name], 1)
