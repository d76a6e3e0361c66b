from credentials.content_loader import publish_starter_catalogue, starter_catalogue
from tests.base import TrellisTestCase

from .helpers import make_issuer


class StarterCatalogueTests(TrellisTestCase):
    def test_every_starter_micro_credential_publishes_with_its_competencies(self) -> None:
        issuer = make_issuer()
        published = publish_starter_catalogue(issuer)
        self.assertEqual(len(published), len(starter_catalogue()))
        self.assertEqual(len(published), 9)
        for micro_credential in published:
            tags = set(micro_credential.competency_tags)
            linked = set(micro_credential.competencies.values_list("key", flat=True))
            self.assertEqual(linked, tags, micro_credential.slug)
            self.assertTrue(micro_credential.requirements.filter(kind="artifact").exists())

    def test_publishing_it_again_adds_nothing(self) -> None:
        issuer = make_issuer()
        publish_starter_catalogue(issuer)
        self.assertEqual(publish_starter_catalogue(issuer), [])
        self.assertEqual(issuer.micro_credentials.count(), 9)

    def test_every_rubric_recommendation_names_a_micro_credential_in_the_catalogue(self) -> None:
        slugs = {item["slug"] for item in starter_catalogue()}
        named = {
            slug
            for rec in self.rubric.areas.all()
            for r in rec.recommendations.all()
            for slug in r.micro_credentials
        }
        self.assertTrue(named)
        self.assertLessEqual(named, slugs)
