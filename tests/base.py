"""Named people and organisations every test can rely on."""

from django.test import TestCase

from assessments.content_loader import load_builtin_instruments
from assessments.models import Instrument
from frameworks.content_loader import load_builtin_frameworks
from organisations.actions import add_member, create_organisation
from organisations.models import Organisation, Person, Role

PASSWORD = "a-long-test-password"


def make_person(
    email: str, given: str, family: str, role: str, organisation: Organisation
) -> Person:
    person = Person.objects.create_user(email, PASSWORD, given_name=given, family_name=family)
    add_member(person, organisation, role)
    return person


class TrellisTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.south_carolina = create_organisation("South Carolina", Organisation.Kind.STATE)
        cls.clarendon = create_organisation(
            "Clarendon County School District 3", Organisation.Kind.DISTRICT, cls.south_carolina
        )
        cls.walker_gamble = create_organisation(
            "Walker-Gamble Elementary", Organisation.Kind.SCHOOL, cls.clarendon
        )
        cls.st_paul = create_organisation(
            "St. Paul Middle", Organisation.Kind.SCHOOL, cls.clarendon
        )
        cls.california = create_organisation("California", Organisation.Kind.STATE)
        cls.pomona = create_organisation(
            "Pomona Unified School District", Organisation.Kind.DISTRICT, cls.california
        )
        cls.armstrong = create_organisation(
            "Armstrong Elementary", Organisation.Kind.SCHOOL, cls.pomona
        )

        # Alice teaches fourth grade at Walker-Gamble; she answers the teacher criteria.
        cls.alice = make_person(
            "alice@clarendon.example", "Alice", "Avery", Role.TEACHER, cls.walker_gamble
        )
        # Bob teaches at Walker-Gamble too; Alice must not see his answers before she submits.
        cls.bob = make_person(
            "bob@clarendon.example", "Bob", "Brooks", Role.TEACHER, cls.walker_gamble
        )
        # Paula is Walker-Gamble's principal; she leads the school's assessment.
        cls.paula = make_person(
            "paula@clarendon.example", "Paula", "Price", Role.ADMINISTRATOR, cls.walker_gamble
        )
        # Carl teaches at St. Paul, another Clarendon school; not on Walker-Gamble's team.
        cls.carl = make_person("carl@clarendon.example", "Carl", "Cole", Role.TEACHER, cls.st_paul)
        # Dana sets policy for the whole Clarendon district; she sees every school in it.
        cls.dana = make_person(
            "dana@clarendon.example", "Dana", "Diaz", Role.POLICYMAKER, cls.clarendon
        )
        # Oscar is a Pomona principal: an outsider who must see nothing of Clarendon.
        cls.oscar = make_person(
            "oscar@pomona.example", "Oscar", "Ortiz", Role.ADMINISTRATOR, cls.armstrong
        )
        # Olivia sets policy in Pomona: a district leader elsewhere, equally an outsider here.
        cls.olivia = make_person(
            "olivia@pomona.example", "Olivia", "Owens", Role.POLICYMAKER, cls.pomona
        )

        load_builtin_instruments()
        load_builtin_frameworks()
        cls.rubric = Instrument.objects.get(organisation=None, slug="teacher-leadership-rubric")
        cls.seven_conditions = Instrument.objects.get(organisation=None, slug="seven-conditions")

    def spanish(self, url: str, *expected: str, method: str = "get", data=None, follow=False):
        """Request the page in Spanish; check it is marked Spanish and says each expected text."""
        send = self.client.post if method == "post" else self.client.get
        response = send(url, data or {}, headers={"accept-language": "es"}, follow=follow)
        self.assertEqual(response.status_code, 200, url)
        self.assertContains(response, '<html lang="es"')
        for text in expected:
            self.assertContains(response, text)
        return response
