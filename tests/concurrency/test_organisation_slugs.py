"""Twenty schools of one name created at once, in twenty districts: each gets its own address."""

from django.test import TransactionTestCase

from organisations.actions import create_organisation
from organisations.models import Organisation

from .racing import RACERS, crashed, race


class OrganisationSlugTests(TransactionTestCase):
    def test_twenty_schools_of_one_name_at_once_are_all_created_each_with_its_own_slug(self):
        state = create_organisation("Kentucky", Organisation.Kind.STATE)
        districts = [
            create_organisation(f"District {n}", Organisation.Kind.DISTRICT, state)
            for n in range(RACERS)
        ]
        outcomes = race(
            lambda i: create_organisation(
                "Lincoln Elementary", Organisation.Kind.SCHOOL, districts[i]
            )
        )
        self.assertEqual(crashed(outcomes), [])
        schools = Organisation.objects.filter(name="Lincoln Elementary")
        self.assertEqual(schools.count(), RACERS)
        slugs = set(schools.values_list("slug", flat=True))
        self.assertEqual(len(slugs), RACERS)
        self.assertIn("lincoln-elementary", slugs)
        self.assertEqual({school.parent_id for school in schools}, {d.pk for d in districts})
        for school in schools:
            self.assertEqual(school.path, f"{school.parent.path}{school.pk}/")
