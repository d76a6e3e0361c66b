"""Double clicks and bursts on learning plans: suggestions accepted, items added."""

from django.test import TransactionTestCase
from django.urls import reverse

from learning import actions as learning
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from plans import actions as plans
from plans.keys import learning_object_key
from plans.models import PlanItem, Suggestion
from tests.base import make_person

from .racing import clients_for, crashed, post_at_once, race

RESOURCE = {"title": "Peer observation guide", "kind": "tool", "cost": "free", "format": "online"}


class PlanTests(TransactionTestCase):
    def setUp(self) -> None:
        school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL)
        # Alice teaches at Walker-Gamble and keeps her learning plan there.
        self.alice = make_person("alice@clarendon.example", "Alice", "Avery", Role.TEACHER, school)
        self.resource = learning.add_resource(school, RESOURCE, [], self.alice)
        self.plan = plans.start_plan(self.alice, school)
        self.suggestion = Suggestion.objects.create(
            plan=self.plan,
            kind=PlanItem.Kind.RESOURCE,
            title=self.resource.title,
            resource=self.resource,
            reason="Aligned to your target competency.",
            source=Suggestion.Source.TARGET_COMPETENCY,
            target_key=learning_object_key("resource", self.resource),
        )

    def test_twenty_accepts_of_one_suggestion_add_one_item(self):
        url = reverse("plans:decide-suggestion", args=[self.suggestion.pk])
        responses = post_at_once(self.alice, url, {"decision": "accept"})
        self.assertEqual(crashed(responses), [])
        self.assertEqual(PlanItem.objects.filter(plan=self.plan).count(), 1)
        self.assertEqual([r.status_code for r in responses].count(302), 1)
        for response in [r for r in responses if r.status_code != 302]:
            self.assertContains(response, "You already accepted this suggestion.", status_code=400)

    def test_twenty_adds_of_one_resource_add_it_once(self):
        url = reverse("plans:add-item", args=[self.plan.pk])
        form = {"kind": "resource", "resource": self.resource.pk}
        responses = post_at_once(self.alice, url, form)
        self.assertEqual(crashed(responses), [])
        self.assertEqual(PlanItem.objects.filter(plan=self.plan).count(), 1)
        self.assertEqual([r.status_code for r in responses].count(302), 1)
        for response in [r for r in responses if r.status_code != 302]:
            self.assertContains(response, "is already in your plan", status_code=400)

    def test_accepting_a_suggestion_while_adding_its_resource_by_hand_keeps_one_item(self):
        browsers = clients_for(self.alice)
        urls = [
            reverse("plans:decide-suggestion", args=[self.suggestion.pk]),
            reverse("plans:add-item", args=[self.plan.pk]),
        ]
        form = {"decision": "accept", "kind": "resource", "resource": self.resource.pk}
        responses = race(lambda i: browsers[i].post(urls[i % 2], form))
        self.assertEqual(crashed(responses), [])
        self.assertEqual(PlanItem.objects.filter(plan=self.plan).count(), 1)
