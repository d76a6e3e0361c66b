"""People, micro-credentials and plans the plans tests share."""

from credentials import actions as credential_actions
from credentials.tests.helpers import (
    approve,
    complete_submission,
    make_issuer,
    publish_sample,
    review_all,
)
from frameworks.models import Competency, ProficiencyLevel
from plans import actions
from plans.content_loader import load_plan_templates
from plans.models import LearningPlan
from tests.base import TrellisTestCase


class PlanTestCase(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.issuer = make_issuer(cls.clarendon, "Clarendon Leadership Academy")
        # A published micro-credential aligned to the shared "vision and strategy" competency.
        cls.shared_purpose = publish_sample(cls.issuer)
        # A micro-credential the issuer has retired: it can no longer be planned.
        cls.retired = credential_actions.retire(
            publish_sample(cls.issuer, title="Leading Book Studies", competency_tags=[])
        )
        approve(cls.issuer, cls.carl)
        cls.vision = Competency.objects.get(
            key="vision-and-strategy", framework__organisation__isnull=True
        )
        cls.proficient = ProficiencyLevel.objects.get(
            framework=cls.vision.framework, key="proficient"
        )
        load_plan_templates()

    def plan_of(self, person, organisation=None) -> LearningPlan:
        return actions.start_plan(person, organisation or self.walker_gamble)

    def earn(self, micro_credential, person):
        """Take the person's submission through review to an award."""
        submission = complete_submission(micro_credential, person)
        review_all(submission, self.carl)
        submission.refresh_from_db()
        return submission
