"""Twenty invitations of one address at once leave one invitation waiting, and no error."""

from django.test import TransactionTestCase
from django.urls import reverse

from organisations.actions import create_organisation
from organisations.models import Invitation, Organisation, Role
from tests.base import make_person

from .racing import crashed, post_at_once


class InvitationTests(TransactionTestCase):
    def test_twenty_invitations_of_one_address_at_once_leave_one_waiting(self):
        school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL)
        # Paula is Walker-Gamble's principal; she invites a new teacher and clicks twice.
        paula = make_person("paula@clarendon.example", "Paula", "Price", Role.ADMINISTRATOR, school)
        url = reverse("organisations:invite", args=[school.pk])
        form = {"email": "nora@clarendon.example", "role": Role.TEACHER}
        responses = post_at_once(paula, url, form)
        self.assertEqual(crashed(responses), [])
        self.assertEqual(
            {r.url for r in responses}, {reverse("organisations:people", args=[school.pk])}
        )
        self.assertEqual(Invitation.objects.filter(email="nora@clarendon.example").count(), 1)
