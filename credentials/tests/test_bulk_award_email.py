"""Each person a bulk award reaches is emailed, as a reviewed earner is."""

from django.core import mail

from credentials import actions
from credentials.actions.awarding import issue_awards
from credentials.models import Award
from tests.base import TrellisTestCase

from .helpers import make_issuer, publish_sample


class BulkAwardEmailTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        self.mc = publish_sample(self.issuer)
        issue_awards(self.mc, [self.alice])

    def test_each_new_holder_gets_you_earned_with_a_link_to_the_badge(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            actions.start_bulk_award(self.mc, [self.alice, self.bob, self.carl], self.dana)
        self.assertEqual(sorted(m.to[0] for m in mail.outbox), [self.bob.email, self.carl.email])
        message = next(m for m in mail.outbox if m.to == [self.bob.email])
        self.assertEqual(message.subject, f"You earned “{self.mc.title}”")
        self.assertIn(Award.objects.get(earner=self.bob).url, message.body)
        self.assertIn("Clarendon Leadership Academy awarded you", message.body)

    def test_nothing_is_sent_when_the_awards_are_not_committed(self) -> None:
        from credentials.tasks import run_award_batch

        batch = actions.start_bulk_award(self.mc, [self.bob], self.dana)
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            run_award_batch.call(batch.pk)
        self.assertEqual(mail.outbox, [])
        self.assertTrue(callbacks)
