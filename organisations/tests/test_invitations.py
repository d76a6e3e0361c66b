"""Invitations expire, are never doubled, and never change an existing account's password."""

import re
from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from organisations.actions import invite_person
from organisations.models import Invitation, Membership, Person, Role
from tests.base import PASSWORD, TrellisTestCase, make_person

JOIN = {
    "given_name": "Nia",
    "family_name": "Banks",
    "password": "long secret one",
    "password_again": "long secret one",
}


class InvitationTests(TrellisTestCase):
    def invite(self, email: str, role: str = Role.TEACHER, organisation=None) -> Invitation:
        with self.captureOnCommitCallbacks(execute=True):
            return invite_person(organisation or self.walker_gamble, email, role, self.paula)

    def link(self) -> str:
        return re.search(r"/invitations/\S+/", str(mail.outbox[-1].body)).group(0)

    @override_settings(INVITATION_DAYS=3)
    def test_an_invitation_works_for_the_configured_days_and_says_so(self) -> None:
        invitation = self.invite("newbie@clarendon.example")
        self.assertAlmostEqual(
            invitation.expires_at, timezone.now() + timedelta(days=3), delta=timedelta(minutes=1)
        )
        self.assertIn("The link works until", mail.outbox[0].body)
        self.assertIn("http://", mail.outbox[0].body)

    def test_an_expired_link_is_refused_and_the_invitee_can_ask_for_a_new_one(self) -> None:
        invitation = self.invite("newbie@clarendon.example")
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(days=1)
        )
        link = self.link()
        page = self.client.get(link)
        self.assertContains(page, "This invitation no longer works", status_code=410)
        self.assertContains(page, "It expired on", status_code=410)
        refused = self.client.post(link, JOIN)
        self.assertContains(refused, "It expired on", status_code=410)
        self.assertFalse(Person.objects.filter(email="newbie@clarendon.example").exists())
        with self.captureOnCommitCallbacks(execute=True):
            asked = self.client.post(link, {"renew": "1"}, follow=True)
        self.assertContains(asked, "send you a new invitation", status_code=410)
        self.assertEqual(mail.outbox[-1].to, ["paula@clarendon.example"])
        self.assertIn("newbie@clarendon.example", mail.outbox[-1].subject)
        # Asking again the same day does not email Paula again.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(link, {"renew": "1"})
        self.assertEqual(len(mail.outbox), 2)

    def test_an_accepted_link_says_so_and_points_to_sign_in(self) -> None:
        self.invite("newbie@clarendon.example")
        self.client.post(self.link(), JOIN)
        self.client.logout()
        page = self.client.get(self.link())
        self.assertContains(page, "It was already accepted", status_code=410)
        self.assertContains(page, reverse("password_reset"), status_code=410)

    def test_inviting_the_same_address_again_resends_the_one_invitation(self) -> None:
        first = self.invite("newbie@clarendon.example")
        Invitation.objects.filter(pk=first.pk).update(
            expires_at=timezone.now() + timedelta(hours=1)
        )
        self.client.force_login(self.paula)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("organisations:invite", args=[self.walker_gamble.pk]),
                {"email": "NewBie@clarendon.example", "role": "administrator"},
                follow=True,
            )
        self.assertContains(response, "was already invited; we emailed the same invitation")
        again = Invitation.objects.get()
        self.assertEqual(again.pk, first.pk)
        self.assertEqual(again.role, Role.ADMINISTRATOR)
        self.assertGreater(again.expires_at, timezone.now() + timedelta(days=13))
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(mail.outbox[0].body.split("\n")[3], mail.outbox[1].body.split("\n")[3])

    def test_inviting_someone_already_here_is_refused(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.post(
            reverse("organisations:invite", args=[self.walker_gamble.pk]),
            {"email": "alice@clarendon.example", "role": "teacher"},
        )
        self.assertContains(response, "already belongs to Walker-Gamble Elementary as teacher")
        self.assertFalse(Invitation.objects.exists())

    def test_an_existing_account_signs_in_to_join_and_keeps_its_password(self) -> None:
        self.invite("carl@clarendon.example", Role.ADMINISTRATOR)
        page = self.client.get(self.link())
        self.assertContains(page, "There is already a Trellis account")
        self.assertNotContains(page, "Choose a password")
        # Posting a new password does nothing to Carl's account.
        self.client.post(self.link(), JOIN)
        self.carl.refresh_from_db()
        self.assertTrue(self.carl.check_password(PASSWORD))
        self.assertFalse(self.carl.memberships.filter(organisation=self.walker_gamble).exists())

        self.client.force_login(self.carl)
        response = self.client.post(self.link(), follow=True)
        self.assertContains(response, "Welcome to Walker-Gamble Elementary")
        self.assertEqual(
            self.carl.memberships.get(organisation=self.walker_gamble).role, Role.ADMINISTRATOR
        )
        self.assertEqual(self.carl.memberships.get(organisation=self.st_paul).role, Role.TEACHER)

    def test_joining_keeps_a_higher_role_and_says_so(self) -> None:
        self.invite("paula@clarendon.example", Role.TEACHER)
        self.client.force_login(self.paula)
        response = self.client.post(self.link(), follow=True)
        self.assertContains(response, "your role there stays the same")
        self.assertEqual(
            Membership.objects.get(person=self.paula, organisation=self.walker_gamble).role,
            Role.ADMINISTRATOR,
        )

    def test_joining_with_a_higher_role_raises_it_and_says_so(self) -> None:
        self.invite("alice@clarendon.example", Role.ADMINISTRATOR)
        self.client.force_login(self.alice)
        response = self.client.post(self.link(), follow=True)
        self.assertContains(response, "Your role there is now administrator")

    def test_someone_signed_in_as_another_person_cannot_accept(self) -> None:
        self.invite("carl@clarendon.example")
        self.client.force_login(self.bob)
        page = self.client.post(self.link())
        self.assertContains(page, "but you are signed in as bob@clarendon.example")
        self.assertTrue(Invitation.objects.get().is_pending)

    def test_a_leader_lists_resends_and_withdraws_pending_invitations(self) -> None:
        invitation = self.invite("newbie@clarendon.example")
        self.invite("other@clarendon.example", organisation=self.st_paul)
        self.client.force_login(self.dana)
        people = reverse("organisations:people", args=[self.clarendon.pk])
        page = self.client.get(people)
        self.assertContains(page, "Pending invitations")
        self.assertContains(page, "newbie@clarendon.example")
        self.assertContains(page, "other@clarendon.example")
        with self.captureOnCommitCallbacks(execute=True):
            resent = self.client.post(
                reverse("organisations:invitation-resend", args=[self.clarendon.pk, invitation.pk]),
                follow=True,
            )
        self.assertContains(resent, "We emailed the invitation to newbie@clarendon.example again")
        self.assertEqual(mail.outbox[-1].to, ["newbie@clarendon.example"])
        withdrawn = self.client.post(
            reverse("organisations:invitation-revoke", args=[self.clarendon.pk, invitation.pk]),
            follow=True,
        )
        self.assertContains(withdrawn, "The invitation to newbie@clarendon.example is withdrawn")
        self.assertNotContains(withdrawn, "newbie@clarendon.example</td>")
        self.client.logout()
        gone = self.client.get(re.search(r"/invitations/\S+/", str(mail.outbox[0].body)).group(0))
        self.assertContains(gone, "It was withdrawn", status_code=410)
        # Inviting the address again makes a fresh invitation with a new link.
        again = self.invite("newbie@clarendon.example")
        self.assertNotEqual(again.token, invitation.token)

    def test_invitation_actions_are_posts_for_leaders_of_that_organisation_only(self) -> None:
        invitation = self.invite("newbie@clarendon.example")
        resend = reverse(
            "organisations:invitation-resend", args=[self.walker_gamble.pk, invitation.pk]
        )
        revoke = reverse(
            "organisations:invitation-revoke", args=[self.walker_gamble.pk, invitation.pk]
        )
        self.client.force_login(self.paula)
        self.assertEqual(self.client.get(revoke).status_code, 405)
        # Paula leads Walker-Gamble, not St. Paul: its people page cannot reach the invitation.
        elsewhere = make_person(
            "sue@clarendon.example", "Sue", "Stark", Role.ADMINISTRATOR, self.st_paul
        )
        self.client.force_login(elsewhere)
        self.assertEqual(self.client.post(revoke).status_code, 404)
        self.assertEqual(
            self.client.post(
                reverse("organisations:invitation-revoke", args=[self.st_paul.pk, invitation.pk])
            ).status_code,
            404,
        )
        for person in (self.alice, self.olivia):
            self.client.force_login(person)
            for url in (resend, revoke):
                self.assertEqual(self.client.post(url).status_code, 404)
        self.assertTrue(Invitation.objects.get().is_pending)
        self.assertEqual(len(mail.outbox), 1)

    def test_the_csrf_token_is_required(self) -> None:
        invitation = self.invite("newbie@clarendon.example")
        self.client.handler.enforce_csrf_checks = True
        self.client.force_login(self.paula)
        response = self.client.post(
            reverse("organisations:invitation-revoke", args=[self.walker_gamble.pk, invitation.pk])
        )
        self.assertEqual(response.status_code, 403)
        self.assertTrue(Invitation.objects.get().is_pending)
