"""Content an organisation owns: a key once per organisation and once among the shared."""

from django.db import IntegrityError, transaction

from frameworks.models import Framework
from learning.models import LeadershipExperience, Resource
from organisations.models import OrganisationOwned
from tests.base import TrellisTestCase

# Each owned model, its key field, and what else a row needs.
OWNED = [
    (Resource, "slug", {"title": "Leading together", "kind": Resource.Kind.BOOK}),
    (LeadershipExperience, "slug", {"title": "Facilitate a planning team"}),
    (
        Framework,
        "case_identifier",
        {"title": "Teacher leader standards", "origin": Framework.Origin.AUTHORED},
    ),
]


class OrganisationOwnedTests(TrellisTestCase):
    def make(self, model, key_field: str, extra: dict, organisation, key: str = "same-key"):
        return model.objects.create(organisation=organisation, **{key_field: key}, **extra)

    def assert_refused(self, model, key_field: str, extra: dict, organisation) -> None:
        with self.assertRaises(IntegrityError), transaction.atomic():
            self.make(model, key_field, extra, organisation)

    def test_each_owned_model_shares_the_shape(self) -> None:
        for model, _key, _extra in OWNED:
            with self.subTest(model.__name__):
                self.assertTrue(issubclass(model, OrganisationOwned))
                organisation = model._meta.get_field("organisation")
                self.assertTrue(organisation.null)
                self.assertEqual(organisation.related_model.__name__, "Organisation")

    def test_a_key_is_unique_among_the_shared_content(self) -> None:
        for model, key_field, extra in OWNED:
            with self.subTest(model.__name__):
                self.make(model, key_field, extra, None)
                self.assert_refused(model, key_field, extra, None)

    def test_a_key_is_unique_within_an_organisation_but_free_in_another(self) -> None:
        for model, key_field, extra in OWNED:
            with self.subTest(model.__name__):
                self.make(model, key_field, extra, None)
                self.make(model, key_field, extra, self.clarendon)
                self.make(model, key_field, extra, self.pomona)
                self.assert_refused(model, key_field, extra, self.clarendon)

    def test_the_content_outlives_the_person_who_created_it(self) -> None:
        for model, key_field, extra in OWNED:
            with self.subTest(model.__name__):
                self.make(model, key_field, {**extra, "created_by": self.carl}, self.clarendon)
        self.carl.delete()
        for model, _key, _extra in OWNED:
            with self.subTest(model.__name__):
                kept = model.objects.get(organisation=self.clarendon)
                self.assertIsNone(kept.created_by)
                self.assertIsNotNone(kept.created_at)

    def test_the_reverse_names_stay_readable(self) -> None:
        self.make(Resource, "slug", OWNED[0][2], self.clarendon)
        self.make(LeadershipExperience, "slug", OWNED[1][2], self.clarendon)
        self.make(Framework, "case_identifier", OWNED[2][2], self.clarendon)
        self.assertEqual(self.clarendon.resources.count(), 1)
        self.assertEqual(self.clarendon.leadership_experiences.count(), 1)
        self.assertEqual(self.clarendon.frameworks.count(), 1)
