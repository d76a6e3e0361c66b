"""An issuer in Clarendon, one credential Alice earned, and tokens to call the API with."""

from credentials.actions.awarding import issue_awards
from credentials.models import Award, Submission
from credentials.tests.helpers import (
    approve,
    complete_submission,
    make_issuer,
    publish_sample,
    review_all,
)
from organisations.models import Person, Role
from tests.base import TrellisTestCase, make_person

from .. import actions


class ApiTestCase(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.issuer = make_issuer(cls.clarendon, "Clarendon Leadership Academy")
        cls.micro_credential = publish_sample(cls.issuer)
        # Rita is a Pomona teacher the Clarendon issuer approved as an expert reviewer.
        cls.rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, cls.armstrong)
        approve(cls.issuer, cls.rita)
        submission = complete_submission(cls.micro_credential, cls.alice)
        review_all(submission, cls.rita)
        cls.award = Award.objects.get(submission=Submission.objects.get(pk=submission.pk))

    def bearer(self, person: Person, name: str = "Test tool") -> dict[str, str]:
        """Return the request headers that send a fresh token of the person."""
        _token, secret = actions.create_token(person, name)
        return {"Authorization": f"Bearer {secret}"}

    def award_more(self, earner: Person, count: int) -> list[Award]:
        """Award the sample micro-credential to the earner `count` more times."""
        return issue_awards(self.micro_credential, [earner] * count)
