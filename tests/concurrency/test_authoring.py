"""Twenty competencies with one code at once, in one framework: one is added, and no duplicate."""

from django.test import TransactionTestCase

from frameworks import actions
from frameworks.models import Competency
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import RACERS, crashed, race, refusals

TEXT = {"title": "", "notes": "", "levels": {}, "specialties": {}}


class CompetencyCodeTests(TransactionTestCase):
    def setUp(self) -> None:
        district = create_organisation("Clarendon", Organisation.Kind.DISTRICT)
        # Dana writes Clarendon's coaching framework; she clicks "Add" twice, or a colleague
        # adds the same code at the same moment.
        self.dana = make_person(
            "dana@clarendon.example", "Dana", "Diaz", Role.POLICYMAKER, district
        )
        self.framework = actions.create_framework(district, "Coaching", "", [], self.dana)

    def test_twenty_competencies_with_one_code_at_once_add_one(self):
        outcomes = race(
            lambda i: actions.add_competency(
                self.framework, None, {**TEXT, "code": "CC.1", "statement": f"Coach {i}"}, self.dana
            )
        )
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(Competency.objects.filter(framework=self.framework).count(), 1)
        self.assertEqual(len(refusals(outcomes)), RACERS - 1)
        self.assertIn("The code CC.1 is already used by", refusals(outcomes)[0])
        self.framework.refresh_from_db()
        self.assertEqual(self.framework.version, 2)

    def test_twenty_edits_giving_one_code_to_different_competencies_at_once_give_it_once(self):
        competencies = [
            actions.add_competency(
                self.framework, None, {**TEXT, "code": f"X.{i}", "statement": f"S{i}"}, self.dana
            )
            for i in range(RACERS)
        ]
        outcomes = race(
            lambda i: actions.edit_competency(
                competencies[i], {**TEXT, "code": "cc.1", "statement": f"S{i}"}, self.dana
            )
        )
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(len(refusals(outcomes)), RACERS - 1)
        codes = Competency.objects.filter(framework=self.framework, code__iexact="cc.1")
        self.assertEqual(codes.count(), 1)
