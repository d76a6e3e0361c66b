"""Twenty organisations becoming issuers under one name at once: one gets it, none crashes."""

from django.test import TransactionTestCase

from credentials import actions
from credentials.models import Issuer
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import RACERS, crashed, race, refusals

# Spellings that verification takes for one name.
SPELLINGS = [
    "Teacher Leadership Network",
    "teacher leadership network",
    "TEACHER LEADERSHIP NETWORK",
]


class IssuerNameTests(TransactionTestCase):
    def test_twenty_issuers_with_one_name_at_once_make_one(self):
        schools, leaders = [], []
        for n in range(RACERS):
            school = create_organisation(f"School {n}", Organisation.Kind.SCHOOL)
            schools.append(school)
            # Each school's principal wants to publish as the well-known network.
            leaders.append(
                make_person(f"p{n}@school.example", "Pat", f"P{n}", Role.ADMINISTRATOR, school)
            )
        outcomes = race(
            lambda i: actions.become_issuer(
                schools[i], leaders[i], "web", name=SPELLINGS[i % len(SPELLINGS)]
            )
        )
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(Issuer.objects.count(), 1)
        self.assertEqual(len(refusals(outcomes)), RACERS - 1)
        self.assertTrue(all("is already used by the issuer" in r for r in refusals(outcomes)))
        self.assertEqual({o.field for o in outcomes if not isinstance(o, Issuer)}, {"name"})
