"""Built-in content, a coach and Clarendon's own learning material the learning tests share."""

from learning import actions
from learning.content_loader import load_builtin_learning
from learning.models import LeadershipExperience, Resource
from organisations.actions import add_member
from organisations.models import Person, Role
from tests.base import PASSWORD, TrellisTestCase


class LearningTestCase(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        load_builtin_learning()
        # Cora coaches teachers at Walker-Gamble: a teacher by role, a coach by title.
        cls.cora = Person.objects.create_user(
            "cora@clarendon.example", PASSWORD, given_name="Cora", family_name="Cruz"
        )
        add_member(cls.cora, cls.walker_gamble, Role.TEACHER, "Instructional coach")
        cls.book = Resource.objects.get(slug="leading-together", organisation=None)
        cls.reading_plan = LeadershipExperience.objects.get(
            slug="lead-grade-span-reading-plan", organisation=None
        )
        # Clarendon's own guide, added by its policymaker for the whole district.
        cls.guide = actions.add_resource(
            cls.clarendon,
            {
                "title": "Clarendon peer observation guide",
                "kind": "tool",
                "cost": "free",
                "format": "online",
                "url": "https://clarendon.example/guide",
                "summary": "How our schools run learning walks.",
            },
            [],
            cls.dana,
        )
