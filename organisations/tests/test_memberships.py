"""Leaders change a member's role or remove them; nobody else can, and nobody leaves a place
without a leader."""

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from assessments.models import Rating, Response
from assessments.tests.helpers import answer_all, seat, start
from credentials.models import Award
from credentials.tests.helpers import (
    approve,
    complete_submission,
    make_issuer,
    publish_sample,
    review_all,
)
from organisations.actions import add_member
from organisations.models import Membership, Person, Role
from tests.base import TrellisTestCase, make_person


class MembershipTestCase(TrellisTestCase):
    def membership(self, person: Person, organisation=None) -> Membership:
        return Membership.objects.get(
            person=person, organisation=organisation or self.walker_gamble
        )

    def url(self, name: str, organisation, membership: Membership) -> str:
        return reverse(f"organisations:{name}", args=[organisation.pk, membership.pk])

    def said(self, response) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]


class ChangeRoleTests(MembershipTestCase):
    def test_the_people_page_offers_both_controls_for_each_membership(self) -> None:
        self.client.force_login(self.paula)
        page = self.client.get(reverse("organisations:people", args=[self.walker_gamble.pk]))
        alice = self.membership(self.alice)
        self.assertContains(page, self.url("membership-role", self.walker_gamble, alice))
        self.assertContains(page, self.url("membership-remove", self.walker_gamble, alice))
        self.assertContains(page, "Remove from Walker-Gamble Elementary")

    def test_the_confirm_page_changes_nothing_until_posted(self) -> None:
        self.client.force_login(self.paula)
        url = self.url("membership-role", self.walker_gamble, self.membership(self.alice))
        page = self.client.get(url)
        self.assertContains(page, "Change the role of Alice Avery at Walker-Gamble Elementary")
        self.assertContains(page, 'value="teacher" required id="id_role_0" checked')
        self.assertContains(page, "csrfmiddlewaretoken")
        self.assertEqual(self.membership(self.alice).role, Role.TEACHER)

    def test_a_principal_makes_a_teacher_an_administrator(self) -> None:
        self.client.force_login(self.paula)
        url = self.url("membership-role", self.walker_gamble, self.membership(self.alice))
        response = self.client.post(url, {"role": Role.ADMINISTRATOR})
        self.assertRedirects(
            response, reverse("organisations:people", args=[self.walker_gamble.pk])
        )
        self.assertEqual(self.membership(self.alice).role, Role.ADMINISTRATOR)
        self.assertEqual(
            self.said(response),
            ["Alice Avery is now administrator at Walker-Gamble Elementary instead of teacher."],
        )

    def test_a_district_leader_changes_roles_in_its_schools(self) -> None:
        self.client.force_login(self.dana)
        carl = self.membership(self.carl, self.st_paul)
        self.client.post(self.url("membership-role", self.clarendon, carl), {"role": "policymaker"})
        self.assertEqual(self.membership(self.carl, self.st_paul).role, Role.POLICYMAKER)

    def test_an_unknown_role_is_refused_and_nothing_changes(self) -> None:
        self.client.force_login(self.paula)
        url = self.url("membership-role", self.walker_gamble, self.membership(self.alice))
        response = self.client.post(url, {"role": "superintendent"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)
        self.assertEqual(self.membership(self.alice).role, Role.TEACHER)

    def test_the_last_leader_cannot_demote_themselves(self) -> None:
        # Dana is the only leader of Clarendon, and nobody leads South Carolina above her.
        self.client.force_login(self.dana)
        url = self.url(
            "membership-role", self.clarendon, self.membership(self.dana, self.clarendon)
        )
        response = self.client.post(url, {"role": Role.TEACHER})
        self.assertRedirects(response, reverse("organisations:people", args=[self.clarendon.pk]))
        self.assertEqual(self.membership(self.dana, self.clarendon).role, Role.POLICYMAKER)
        self.assertIn("would have no administrator or policymaker left", self.said(response)[0])

    def test_a_leader_may_step_down_while_someone_above_still_leads(self) -> None:
        # Dana leads Walker-Gamble from the district, so Paula may become a teacher.
        self.client.force_login(self.paula)
        url = self.url("membership-role", self.walker_gamble, self.membership(self.paula))
        response = self.client.post(url, {"role": Role.TEACHER})
        self.assertEqual(self.membership(self.paula).role, Role.TEACHER)
        # Paula no longer leads, so she lands on the school's page, not the people page.
        self.assertRedirects(
            response, reverse("organisations:detail", args=[self.walker_gamble.pk])
        )

    def test_a_leader_may_switch_between_leading_roles_even_when_alone(self) -> None:
        self.client.force_login(self.dana)
        url = self.url(
            "membership-role", self.clarendon, self.membership(self.dana, self.clarendon)
        )
        self.client.post(url, {"role": Role.ADMINISTRATOR})
        self.assertEqual(self.membership(self.dana, self.clarendon).role, Role.ADMINISTRATOR)

    def test_it_speaks_spanish(self) -> None:
        self.client.force_login(self.paula)
        url = self.url("membership-role", self.walker_gamble, self.membership(self.alice))
        self.spanish(url, "Cambiar el rol")
        self.spanish(
            url,
            "Alice Avery ahora tiene el rol de administrador/a",
            method="post",
            data={"role": Role.ADMINISTRATOR},
            follow=True,
        )


class RemoveMemberTests(MembershipTestCase):
    def test_the_confirm_page_explains_what_is_kept_and_changes_nothing(self) -> None:
        self.client.force_login(self.paula)
        url = self.url("membership-remove", self.walker_gamble, self.membership(self.alice))
        page = self.client.get(url)
        self.assertContains(page, "Remove Alice Avery from Walker-Gamble Elementary?")
        self.assertContains(page, "assessment answers and their credentials are kept")
        self.assertTrue(Membership.objects.filter(person=self.alice).exists())

    def test_removing_keeps_the_account_answers_and_credentials(self) -> None:
        assessment = start(
            self.walker_gamble, self.rubric, self.paula, [(self.alice, Role.TEACHER)]
        )
        answer_all(seat(assessment, self.alice), Rating.MEETS)
        answers = Response.objects.filter(member__person=self.alice).count()
        issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        reviewer = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, self.armstrong)
        approve(issuer, reviewer)
        review_all(complete_submission(publish_sample(issuer), self.alice), reviewer)
        self.assertTrue(Award.objects.filter(earner=self.alice).exists())

        self.client.force_login(self.paula)
        url = self.url("membership-remove", self.walker_gamble, self.membership(self.alice))
        response = self.client.post(url)

        self.assertRedirects(
            response, reverse("organisations:people", args=[self.walker_gamble.pk])
        )
        self.assertFalse(Membership.objects.filter(person=self.alice).exists())
        self.assertTrue(Person.objects.filter(pk=self.alice.pk, is_active=True).exists())
        self.assertGreater(answers, 0)
        self.assertEqual(Response.objects.filter(member__person=self.alice).count(), answers)
        self.assertTrue(Award.objects.filter(earner=self.alice).exists())
        self.assertEqual(
            self.said(response),
            [
                "Alice Avery no longer belongs to Walker-Gamble Elementary. Their account, "
                "assessment answers and credentials are kept."
            ],
        )

    def test_removing_from_a_school_keeps_the_other_memberships(self) -> None:
        # Alice also teaches at St. Paul; leaving Walker-Gamble keeps that.
        add_member(self.alice, self.st_paul, Role.TEACHER)
        self.client.force_login(self.dana)
        self.client.post(self.url("membership-remove", self.clarendon, self.membership(self.alice)))
        self.assertEqual(
            list(
                Membership.objects.filter(person=self.alice).values_list("organisation", flat=True)
            ),
            [self.st_paul.pk],
        )

    def test_the_last_leader_cannot_remove_themselves(self) -> None:
        self.client.force_login(self.dana)
        url = self.url(
            "membership-remove", self.clarendon, self.membership(self.dana, self.clarendon)
        )
        response = self.client.post(url)
        self.assertRedirects(response, reverse("organisations:people", args=[self.clarendon.pk]))
        self.assertTrue(Membership.objects.filter(person=self.dana).exists())
        self.assertIn("Dana Diaz keeps the role of policymaker", self.said(response)[0])

    def test_a_second_leader_lets_the_first_leave(self) -> None:
        make_person("dev@clarendon.example", "Dev", "Das", Role.ADMINISTRATOR, self.clarendon)
        self.client.force_login(self.dana)
        url = self.url(
            "membership-remove", self.clarendon, self.membership(self.dana, self.clarendon)
        )
        response = self.client.post(url)
        self.assertFalse(Membership.objects.filter(person=self.dana).exists())
        # Dana belongs nowhere now, so she goes home rather than to a page she can't open.
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)

    def test_an_inactive_leader_does_not_count(self) -> None:
        dev = make_person("dev@clarendon.example", "Dev", "Das", Role.ADMINISTRATOR, self.clarendon)
        dev.is_active = False
        dev.save(update_fields=["is_active"])
        self.client.force_login(self.dana)
        url = self.url(
            "membership-remove", self.clarendon, self.membership(self.dana, self.clarendon)
        )
        self.client.post(url)
        self.assertTrue(Membership.objects.filter(person=self.dana).exists())

    def test_it_speaks_spanish(self) -> None:
        self.client.force_login(self.paula)
        url = self.url("membership-remove", self.walker_gamble, self.membership(self.alice))
        self.spanish(url, "Quitar de Walker-Gamble Elementary")


class OutsiderTests(MembershipTestCase):
    def assert_not_found_everywhere(self, person, organisation, membership) -> None:
        self.client.force_login(person)
        for name in ("membership-role", "membership-remove"):
            url = self.url(name, organisation, membership)
            for method, data in (("get", {}), ("post", {"role": Role.POLICYMAKER})):
                with self.subTest(person=person.email, url=url, method=method):
                    response = getattr(self.client, method)(url, data)
                    self.assertEqual(response.status_code, 404)
        self.assertTrue(Membership.objects.filter(pk=membership.pk, role=membership.role).exists())

    def test_a_teacher_cannot_change_or_remove_anyone(self) -> None:
        self.assert_not_found_everywhere(self.alice, self.walker_gamble, self.membership(self.bob))

    def test_a_principal_cannot_reach_another_school(self) -> None:
        carl = self.membership(self.carl, self.st_paul)
        self.assert_not_found_everywhere(self.paula, self.st_paul, carl)
        # Nor through her own school's address.
        self.assert_not_found_everywhere(self.paula, self.walker_gamble, carl)

    def test_a_principal_cannot_reach_the_district_leader(self) -> None:
        dana = self.membership(self.dana, self.clarendon)
        self.assert_not_found_everywhere(self.paula, self.walker_gamble, dana)
        self.assert_not_found_everywhere(self.paula, self.clarendon, dana)

    def test_another_district_cannot_reach_clarendon(self) -> None:
        alice = self.membership(self.alice)
        self.assert_not_found_everywhere(self.olivia, self.walker_gamble, alice)
        self.assert_not_found_everywhere(self.olivia, self.pomona, alice)

    def test_it_needs_a_csrf_token(self) -> None:
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.paula)
        url = self.url("membership-remove", self.walker_gamble, self.membership(self.alice))
        self.assertEqual(client.post(url).status_code, 403)
        self.assertTrue(Membership.objects.filter(person=self.alice).exists())
