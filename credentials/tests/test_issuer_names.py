"""No organisation becomes an issuer under the name of an issuer already hosted here.

Verification warns when a credential borrows a hosted issuer's name (known_issuers.py); this is
the other half: a school administrator cannot make their school an issuer called "Teacher
Leadership Network" and sign genuine-looking credentials under it.
"""

import importlib

from django.apps import apps
from django.urls import reverse

from credentials import actions
from credentials.models import Issuer
from lib.errors import ActionError
from organisations.actions import create_organisation
from organisations.models import Organisation
from tests.base import TrellisTestCase

from .helpers import make_issuer

BECOME = reverse("credentials:manage-become-issuer")
# The hosted name, and copies that verification would take for it.
COPIES = [
    "Teacher Leadership Network",
    "teacher leadership network",
    "  Teacher   Leadership\tNetwork ",
    "TeacherLeadershipNetwork",
    "Teacher\u200bLeadership Network",  # a zero-width space
    "Ｔｅａｃｈｅｒ Ｌｅａｄｅｒｓｈｉｐ Ｎｅｔｗｏｒｋ",  # full-width letters
]


class IssuerNameTests(TrellisTestCase):
    def setUp(self) -> None:
        self.network = make_issuer()

    def test_a_school_cannot_become_an_issuer_under_a_hosted_issuers_name(self) -> None:
        for copy in COPIES:
            with self.subTest(copy=copy), self.assertRaises(ActionError) as caught:
                actions.become_issuer(self.walker_gamble, self.paula, "web", name=copy)
            self.assertEqual(caught.exception.field, "name")
            self.assertIn(
                "is already used by the issuer “Teacher Leadership Network”", str(caught.exception)
            )
            self.assertIn("Choose a name of your own", str(caught.exception))
        self.assertFalse(Issuer.objects.filter(organisation=self.walker_gamble).exists())

    def test_the_form_says_so_beside_the_name_and_keeps_what_was_typed(self) -> None:
        self.client.force_login(self.paula)
        data = {
            "organisation": self.walker_gamble.pk,
            "name": "teacher  leadership NETWORK",
            "description": "We grow teacher leaders.",
            "website": "",
            "did_method": "web",
        }
        response = self.client.post(BECOME, data)
        self.assertContains(
            response, "The name on the credentials, “teacher  leadership NETWORK”", status_code=400
        )
        self.assertContains(response, "We grow teacher leaders.", status_code=400)
        self.assertFalse(Issuer.objects.filter(organisation=self.walker_gamble).exists())
        spanish = self.client.post(BECOME, data, headers={"accept-language": "es"})
        self.assertContains(
            spanish, "ya lo usa el emisor «Teacher Leadership Network»", status_code=400
        )

    def test_a_name_of_its_own_is_accepted_and_stored_as_compared(self) -> None:
        issuer = actions.become_issuer(
            self.walker_gamble, self.paula, "web", name="Walker-Gamble Teacher Leaders"
        )
        self.assertEqual(issuer.name, "Walker-Gamble Teacher Leaders")
        self.assertEqual(issuer.comparable_name, "walker-gambleteacherleaders")
        self.assertEqual(self.network.comparable_name, "teacherleadershipnetwork")

    def test_an_organisation_named_like_a_hosted_issuer_must_choose_another_name(self) -> None:
        # With no name given, the issuer takes the organisation's name: the same rule applies.
        namesake = create_organisation("TEACHER LEADERSHIP NETWORK", Organisation.Kind.NONPROFIT)
        with self.assertRaises(ActionError) as caught:
            actions.create_issuer(namesake)
        self.assertEqual(caught.exception.field, "name")

    def test_a_name_of_only_spaces_or_invisible_characters_is_no_name(self) -> None:
        with self.assertRaises(ActionError) as caught:
            actions.become_issuer(self.walker_gamble, self.paula, "web", name="\u200b \u2060")
        self.assertEqual(
            caught.exception.message, "Give the name that earners and verifiers will see."
        )

    def test_the_migration_stores_names_and_leaves_earlier_namesakes_as_they_are(self) -> None:
        twin = actions.create_issuer(create_organisation("Twin", Organisation.Kind.NONPROFIT))
        # Before the rule, two issuers could share a name; the migration must not fail on them.
        Issuer.objects.filter(pk=twin.pk).update(name="teacher leadership network")
        Issuer.objects.update(comparable_name="")
        migration = importlib.import_module("credentials.migrations.0008_issuer_comparable_name")
        migration.store_comparable_names(apps, None)
        self.network.refresh_from_db()
        twin.refresh_from_db()
        self.assertEqual(self.network.comparable_name, "teacherleadershipnetwork")
        self.assertEqual(twin.comparable_name, "")
        with self.assertRaises(ActionError):
            actions.become_issuer(self.walker_gamble, self.paula, "web", name=twin.name)
