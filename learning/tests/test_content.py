"""The built-in resources and experiences load from content files, aligned to competencies."""

import json

from django.core.exceptions import ValidationError

from learning.content_loader import CONTENT_DIR, load_builtin_learning
from learning.models import LeadershipExperience, Resource
from tests.base import TrellisTestCase


class BuiltinContentTests(TrellisTestCase):
    def test_it_loads_every_resource_and_experience_as_shared(self) -> None:
        load_builtin_learning()
        resources = json.loads((CONTENT_DIR / "resources.json").read_text())["resources"]
        experiences = json.loads((CONTENT_DIR / "leadership-experiences.json").read_text())
        self.assertEqual(Resource.objects.filter(organisation=None).count(), len(resources))
        self.assertEqual(
            LeadershipExperience.objects.filter(organisation=None).count(),
            len(experiences["experiences"]),
        )

    def test_it_links_competency_tags_to_builtin_competencies(self) -> None:
        load_builtin_learning()
        book = Resource.objects.get(slug="leading-together")
        keys = set(book.competencies.values_list("key", flat=True))
        self.assertEqual(keys, set(book.competency_tags))
        self.assertFalse(book.competencies.exclude(framework__organisation=None).exists())

    def test_loading_twice_changes_nothing(self) -> None:
        load_builtin_learning()
        links = Resource.competencies.through.objects.count()
        load_builtin_learning()
        self.assertEqual(Resource.objects.count(), 29)
        self.assertEqual(Resource.competencies.through.objects.count(), links)
        self.assertEqual(LeadershipExperience.objects.filter(status="offered").count(), 16)

    def test_a_resource_address_must_be_http_or_https(self) -> None:
        resource = Resource(slug="x", title="X", kind="tool", url="javascript:alert(1)")
        with self.assertRaises(ValidationError) as caught:
            resource.full_clean()
        self.assertIn("http://", str(caught.exception.message_dict["url"]))
