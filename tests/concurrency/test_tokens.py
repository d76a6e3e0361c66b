"""Twenty token requests at once still stop at the cap of active tokens."""

from django.test import TransactionTestCase
from django.urls import reverse

from api.actions import MAX_ACTIVE_TOKENS, create_token
from api.models import ApiToken
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import crashed, post_at_once


class TokenTests(TransactionTestCase):
    def setUp(self) -> None:
        school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL)
        # Alice connects her gradebook and other tools to Trellis.
        self.alice = make_person("alice@clarendon.example", "Alice", "Avery", Role.TEACHER, school)

    def test_twenty_token_requests_at_once_stop_at_the_cap(self):
        for n in range(MAX_ACTIVE_TOKENS - 1):
            create_token(self.alice, f"Tool {n}")
        responses = post_at_once(self.alice, reverse("api:tokens"), {"name": "Gradebook"})
        self.assertEqual(crashed(responses), [])
        shown = [r for r in responses if b'id="new-token"' in r.content]
        self.assertEqual(len(shown), 1)
        for response in responses:
            if response not in shown:
                self.assertContains(
                    response,
                    "You already have 20 active tokens; revoke one you no longer use",
                    status_code=400,
                )
        self.assertEqual(
            ApiToken.objects.filter(person=self.alice, revoked_at=None).count(), MAX_ACTIVE_TOKENS
        )
