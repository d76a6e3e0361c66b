"""A micro-credential's data: written by as_data(), read by create_micro_credential()."""

from credentials import actions
from credentials.models import MicroCredential, Requirement
from tests.base import TrellisTestCase

from .helpers import SAMPLE, make_issuer, publish_sample

# Fields that say where a version stands, not what it asks of the educator.
BOOKKEEPING = {"id", "issuer", "version", "status", "created_at", "published_at", "retired_at"}


def field_names(model: type) -> set[str]:
    return {field.name for field in model._meta.get_fields() if not field.auto_created}


class AsDataTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.issuer = make_issuer()
        cls.mc = publish_sample(
            cls.issuer, blind_review=True, valid_for_months=24, source="Our own words."
        )

    def test_it_carries_every_field_an_issuer_writes(self) -> None:
        data = self.mc.as_data()
        # Its parts are rows of their own, listed under "requirements".
        expected = field_names(MicroCredential) - BOOKKEEPING | {"requirements"}
        self.assertEqual(set(data), expected)
        part = data["requirements"][0]
        guides = {"earned_guide", "not_yet_guide"}
        own = field_names(Requirement) - {"id", "micro_credential", "position"} - guides
        self.assertEqual(set(part), own | {"scoring_guide"})

    def test_it_reads_back_as_the_content_file_wrote_it(self) -> None:
        data = self.mc.as_data()
        for name in ("title", "competency", "method_components", "resources", "competency_tags"):
            self.assertEqual(data[name], SAMPLE[name])
        self.assertEqual(
            [(part["kind"], part["title"], part["scoring_guide"]) for part in data["requirements"]],
            [
                (part["kind"], part["title"], part["scoring_guide"])
                for part in SAMPLE["requirements"]
            ],
        )
        self.assertTrue(data["blind_review"])
        self.assertEqual(data["valid_for_months"], 24)
        self.assertEqual(data["competencies"], list(self.mc.competencies.all()))
        self.assertTrue(data["competencies"])

    def test_a_micro_credential_made_from_its_data_asks_the_same(self) -> None:
        elsewhere = make_issuer(name="Another Network")
        copy = actions.create_micro_credential(elsewhere, self.mc.as_data())
        self.assertEqual(copy.as_data(), self.mc.as_data())
        self.assertEqual((copy.slug, copy.version), (self.mc.slug, 1))

    def test_a_new_version_asks_what_the_last_one_asked(self) -> None:
        newer = actions.new_version(self.mc)
        self.assertEqual(newer.version, 2)
        self.assertEqual(newer.as_data(), self.mc.as_data())

    def test_it_reads_the_parts_in_a_fixed_number_of_queries(self) -> None:
        mc = MicroCredential.objects.get(pk=self.mc.pk)
        with self.assertNumQueries(2):  # the competencies, then the parts
            mc.as_data()
