"""A link to start a team assessment is shown only to people the start page lets in."""

from django.urls import reverse

from credentials.tests.helpers import make_issuer
from organisations.actions import add_member
from organisations.models import Person, Role
from tests.base import PASSWORD, TrellisTestCase

START = reverse("assessments:start")


class StartAssessmentLinkTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        # Irene leads a nonprofit issuer of micro-credentials: no school or district to assess.
        cls.network = make_issuer().organisation
        cls.irene = Person.objects.create_user(
            "irene@network.example", PASSWORD, given_name="Irene", family_name="Ibarra"
        )
        add_member(cls.irene, cls.network, Role.POLICYMAKER)

    def test_the_leader_of_a_nonprofit_is_not_offered_a_start_that_would_answer_404(self) -> None:
        self.client.force_login(self.irene)
        self.assertEqual(self.client.get(START).status_code, 404)
        self.assertNotContains(self.client.get(reverse("home")), START)
        page = self.client.get(reverse("organisations:detail", args=[self.network.pk]))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, START)
        self.assertNotContains(page, "Start an assessment")

    def test_leaders_of_schools_and_districts_are_offered_a_start_that_opens(self) -> None:
        for person, organisation in [(self.paula, self.walker_gamble), (self.dana, self.clarendon)]:
            self.client.force_login(person)
            self.assertContains(self.client.get(reverse("home")), f'href="{START}"')
            page = self.client.get(reverse("organisations:detail", args=[organisation.pk]))
            self.assertContains(page, f'href="{START}?organisation={organisation.pk}"')
            self.assertEqual(
                self.client.get(f"{START}?organisation={organisation.pk}").status_code, 200
            )

    def test_a_teacher_is_offered_no_start(self) -> None:
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get(reverse("home")), START)
        self.assertEqual(self.client.get(START).status_code, 404)
