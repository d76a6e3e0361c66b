"""The migration to one open submission per version clears what parallel starts left behind."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase

BEFORE = ("credentials", "0005_validity")
CLEANED = ("credentials", "0006_remove_duplicate_open_submissions")


class DuplicateOpenSubmissionsTests(TransactionTestCase):
    def setUp(self) -> None:
        self.apps = self.migrate(BEFORE)
        self.addCleanup(self.migrate_to_latest)
        model = self.apps.get_model
        organisation = model("organisations", "Organisation").objects.create(
            name="Walker-Gamble", kind="school", slug="walker-gamble", path="/1/"
        )
        self.earner = model("organisations", "Person").objects.create(email="alice@example.org")
        issuer = model("credentials", "Issuer").objects.create(
            organisation=organisation, slug="walker-gamble", name="Walker-Gamble"
        )
        self.micro_credential = model("credentials", "MicroCredential").objects.create(
            issuer=issuer, slug="shared-purpose", title="Shared purpose", status="published"
        )
        self.requirement = model("credentials", "Requirement").objects.create(
            micro_credential=self.micro_credential, key="reflection", kind="reflection"
        )
        self.organisation = organisation

    def migrate(self, target: tuple[str, str]):
        executor = MigrationExecutor(connection)
        executor.migrate([target])
        return executor.loader.project_state([target]).apps

    def migrate_to_latest(self) -> None:
        # Whatever a test left, the constraint must be able to go back on.
        self.apps.get_model("credentials", "Submission").objects.all().delete()
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    def draft(self, answer: str = "", status: str = "draft"):
        submission = self.apps.get_model("credentials", "Submission").objects.create(
            micro_credential=self.micro_credential,
            earner=self.earner,
            organisation=self.organisation,
            status=status,
        )
        if answer:
            self.apps.get_model("credentials", "Answer").objects.create(
                submission=submission, requirement=self.requirement, text=answer
            )
        return submission

    def test_it_deletes_empty_extra_drafts_and_keeps_the_one_with_work(self):
        self.draft()
        worked = self.draft(answer="We met every Tuesday.")
        self.draft()
        apps = self.migrate(CLEANED)
        remaining = apps.get_model("credentials", "Submission").objects.values_list("pk", flat=True)
        self.assertEqual(list(remaining), [worked.pk])

    def test_it_keeps_the_earliest_of_empty_drafts(self):
        first, _second = self.draft(), self.draft()
        apps = self.migrate(CLEANED)
        remaining = apps.get_model("credentials", "Submission").objects.values_list("pk", flat=True)
        self.assertEqual(list(remaining), [first.pk])

    def test_it_stops_and_names_them_when_two_hold_work(self):
        one, other = self.draft(answer="First try."), self.draft(status="submitted")
        with self.assertRaisesMessage(RuntimeError, f"{one.pk}, {other.pk}"):
            self.migrate(CLEANED)
        # Nothing was deleted: the operator decides.
        self.assertEqual(self.apps.get_model("credentials", "Submission").objects.count(), 2)
