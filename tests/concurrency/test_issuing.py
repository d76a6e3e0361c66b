"""Double clicks and bursts on the issuer's side: catalogue, revocation and bulk awards."""

from django.core import mail
from django.test import TransactionTestCase
from django.urls import reverse

from credentials import actions
from credentials.actions.awarding import issue_awards
from credentials.models import Award, AwardBatch, Issuer, MicroCredential, Stack
from credentials.tests.helpers import SAMPLE, make_issuer, publish_sample
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import RACERS, crashed, post_at_once, race, refusals


class IssuingRaceTestCase(TransactionTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer()
        # Nina runs the issuing network: she writes, publishes, awards and revokes.
        self.nina = make_person(
            "nina@network.example", "Nina", "Nash", Role.ADMINISTRATOR, self.issuer.organisation
        )
        self.micro_credential = publish_sample(self.issuer)
        school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL)
        self.teachers = [
            make_person(f"t{n}@walker-gamble.example", "Teacher", f"T{n}", Role.TEACHER, school)
            for n in range(3)
        ]


class CatalogueTests(IssuingRaceTestCase):
    def test_twenty_drafts_with_one_title_at_once_make_one(self):
        data = {**SAMPLE, "title": "Facilitating Adult Learning"}
        outcomes = race(lambda i: actions.create_draft(self.issuer, data, self.nina))
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(
            MicroCredential.objects.filter(slug="facilitating-adult-learning").count(), 1
        )
        self.assertEqual(len(refusals(outcomes)), RACERS - 1)
        self.assertIn("already exists", refusals(outcomes)[0])

    def test_twenty_new_version_clicks_at_once_make_one_draft(self):
        outcomes = race(lambda i: actions.new_version(self.micro_credential))
        self.assertEqual(crashed(outcomes), [])
        versions = MicroCredential.objects.filter(slug=self.micro_credential.slug)
        self.assertEqual(sorted(versions.values_list("version", flat=True)), [1, 2])
        self.assertEqual(
            refusals(outcomes),
            ["Version 2 is already a draft; edit and publish it instead of making another."]
            * (RACERS - 1),
        )

    def test_twenty_stacks_with_one_title_at_once_make_one(self):
        other = publish_sample(self.issuer, title="Coaching Peers")
        data = {
            "title": "Leading Change",
            "micro_credential_slugs": [self.micro_credential.slug, other.slug],
        }
        outcomes = race(lambda i: actions.create_stack(self.issuer, data, self.nina))
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(Stack.objects.count(), 1)
        self.assertEqual(
            refusals(outcomes),
            ["A stack called “Leading Change” already exists; choose another title."]
            * (RACERS - 1),
        )

    def test_twenty_requests_to_become_an_issuer_at_once_make_one(self):
        district = create_organisation("Clarendon County", Organisation.Kind.DISTRICT)
        dana = make_person("dana@clarendon.example", "Dana", "Diaz", Role.POLICYMAKER, district)
        outcomes = race(lambda i: actions.become_issuer(district, dana, "web"))
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(Issuer.objects.filter(organisation=district).count(), 1)
        self.assertEqual(
            refusals(outcomes),
            ["Clarendon County already publishes micro-credentials."] * (RACERS - 1),
        )


class AwardingTests(IssuingRaceTestCase):
    def test_twenty_revocations_at_once_revoke_once_and_send_one_email(self):
        award = issue_awards(self.micro_credential, self.teachers[:1])[0]
        mail.outbox.clear()
        url = reverse("credentials:manage-revoke", args=[award.public_id])
        responses = post_at_once(self.nina, url, {"reason": "Awarded by mistake."})
        self.assertEqual(crashed(responses), [])
        self.assertEqual({r.status_code for r in responses}, {302})
        self.assertEqual(len(mail.outbox), 1)
        award.refresh_from_db()
        self.assertEqual(award.revocation_reason, "Awarded by mistake.")

    def test_bulk_awards_of_the_same_people_at_once_award_each_person_once(self):
        outcomes = race(
            lambda i: actions.start_bulk_award(self.micro_credential, self.teachers, self.nina),
            racers=5,
        )
        self.assertEqual(crashed(outcomes), [])
        self.assertEqual(
            sorted(Award.objects.values_list("earner_id", flat=True)),
            sorted(t.pk for t in self.teachers),
        )
        batches = AwardBatch.objects.all()
        self.assertEqual({b.status for b in batches}, {AwardBatch.Status.DONE})
        self.assertEqual(sum(b.done for b in batches), 3)
        self.assertEqual(sum(b.skipped for b in batches), 12)
