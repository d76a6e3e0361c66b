"""Import cost grows with the number of batches, never with the number of items."""

import math

from django.db import connection
from django.test.utils import CaptureQueriesContext

from frameworks.actions import import_case_data
from frameworks.case import make_large_package
from frameworks.models import Association, Competency
from frameworks.sync import BATCH_SIZE
from tests.base import TrellisTestCase

SMALL = 100
LARGE = 4 * SMALL


def batch_size(model: type) -> int:
    """Return the rows per INSERT that bulk_create uses for the model on this database."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    return min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, []) or BATCH_SIZE)


class ImportQueryCountTests(TrellisTestCase):
    def import_counting(self, data: dict) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            import_case_data(data, self.clarendon, self.dana)
        return [query["sql"] for query in queries.captured_queries]

    def most_inserts(self, data: dict) -> int:
        """Return the INSERTs allowed: one per batch, per level of the tree, and a few fixed."""
        levels = 4  # make_large_package builds domains, strands, competencies, indicators
        return (
            math.ceil(len(data["CFItems"]) / batch_size(Competency))
            + levels
            + math.ceil(len(data["CFAssociations"]) / batch_size(Association))
            + 2  # the framework, its levels (one batch), its first version
        )

    def test_query_count_grows_with_the_number_of_batches_not_items(self) -> None:
        small_package = make_large_package(SMALL, seed=1)
        large_package = make_large_package(LARGE, seed=2)
        small = self.import_counting(small_package)
        large = self.import_counting(large_package)
        others = [[sql for sql in run if not sql.startswith("INSERT")] for run in (small, large)]
        self.assertEqual(len(others[0]), len(others[1]), "only INSERT batches may grow")
        for run, package in ((small, small_package), (large, large_package)):
            inserts = sum(1 for sql in run if sql.startswith("INSERT"))
            self.assertLessEqual(inserts, self.most_inserts(package))
        self.assertLess(len(large), 2 * len(small))

    def test_reimporting_an_unchanged_package_costs_the_same_whatever_its_size(self) -> None:
        small_package = make_large_package(SMALL, seed=1)
        large_package = make_large_package(LARGE, seed=2)
        import_case_data(small_package, self.clarendon, None)
        import_case_data(large_package, self.clarendon, None)
        small = self.import_counting(small_package)
        large = self.import_counting(large_package)
        self.assertEqual(len(small), len(large))
        self.assertFalse(
            [sql for sql in large if sql.startswith(("INSERT", 'UPDATE "frameworks_c'))]
        )
