"""Calibration arithmetic, checked against examples worked out by hand."""

from datetime import UTC, datetime, timedelta

from django.test import SimpleTestCase
from django.utils import translation

from credentials.calibration import (
    NO_PAIRS,
    NO_VARIATION,
    ReviewRecord,
    agreement_pairs,
    calibrate,
    cohens_kappa,
    describe_duration,
    median_turnaround,
    percent_agreement,
)

E, N = "earned", "not_yet"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def known(value: float | None) -> float:
    """Return the figure, failing the test if it could not be computed."""
    assert value is not None, "the figure could not be computed"
    return value


def record(submission, reviewer, decision, hours=1.0, round=1, tiebreak=False, order=0):
    assigned = START + timedelta(minutes=order)
    return ReviewRecord(
        submission_id=submission,
        round=round,
        reviewer_id=reviewer,
        decision=decision,
        assigned_at=assigned,
        completed_at=assigned + timedelta(hours=hours),
        is_tiebreak=tiebreak,
    )


def pairs_of(table: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    return [(a, b) for a, b, count in table for _ in range(count)]


class KappaTests(SimpleTestCase):
    def test_the_textbook_example_gives_kappa_0_4(self) -> None:
        # 50 submissions: both earned 20, A earned/B not yet 5, A not yet/B earned 10, both
        # not yet 15. Observed 35/50 = 0.7; A says earned 0.5, B 0.6, so chance is
        # 0.5*0.6 + 0.5*0.4 = 0.5 and kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
        pairs = pairs_of([(E, E, 20), (E, N, 5), (N, E, 10), (N, N, 15)])
        self.assertAlmostEqual(known(percent_agreement(pairs)), 0.7)
        self.assertAlmostEqual(known(cohens_kappa(pairs).value), 0.4)

    def test_kappa_is_symmetric_between_the_two_reviewers(self) -> None:
        pairs = pairs_of([(E, E, 20), (E, N, 5), (N, E, 10), (N, N, 15)])
        swapped = [(b, a) for a, b in pairs]
        self.assertAlmostEqual(known(cohens_kappa(swapped).value), 0.4)

    def test_perfect_disagreement_with_both_results_gives_minus_one(self) -> None:
        # Observed 0; each side says earned half the time, chance 0.5; (0 - 0.5) / 0.5 = -1.
        self.assertAlmostEqual(known(cohens_kappa([(E, N), (N, E)]).value), -1.0)

    def test_perfect_agreement_with_both_results_gives_one(self) -> None:
        self.assertAlmostEqual(known(cohens_kappa([(E, E), (N, N), (E, E)]).value), 1.0)

    def test_kappa_is_undefined_when_everyone_always_says_the_same(self) -> None:
        kappa = cohens_kappa([(E, E), (E, E), (E, E)])
        self.assertIsNone(kappa.value)
        self.assertEqual(kappa.reason, NO_VARIATION)
        self.assertEqual(percent_agreement([(E, E), (E, E)]), 1.0)

    def test_kappa_is_undefined_without_pairs(self) -> None:
        self.assertEqual(cohens_kappa([]).reason, NO_PAIRS)
        self.assertIsNone(percent_agreement([]))


class PairingTests(SimpleTestCase):
    def test_the_first_two_reviews_of_a_round_form_a_pair_and_the_tiebreak_is_left_out(
        self,
    ) -> None:
        records = [
            record(1, 10, E, order=0),
            record(1, 20, N, order=1),
            record(1, 30, E, order=2, tiebreak=True),
            record(2, 10, E),  # reviewed alone: no pair
        ]
        pairs = agreement_pairs(records)
        self.assertEqual(pairs, {10: [(E, N)], 20: [(N, E)]})

    def test_each_round_of_a_resubmission_is_its_own_pair(self) -> None:
        records = [
            record(1, 10, N, round=1),
            record(1, 20, N, round=1, order=1),
            record(1, 10, E, round=2, order=2),
            record(1, 20, E, round=2, order=3),
        ]
        self.assertEqual(agreement_pairs(records)[10], [(N, N), (E, E)])

    def test_a_reviewer_is_compared_with_every_partner(self) -> None:
        # Reviewer 10 pairs with 20 on four submissions (E/E, E/N, N/N, E/E) and with 30 on
        # one (E/E). Pairs for 10: five, four agreeing: 80%. Reviewer 10 says earned 4/5,
        # the partners 3/5: chance = 0.8*0.6 + 0.2*0.4 = 0.56; kappa = (0.8-0.56)/0.44 = 6/11.
        decisions = [(E, E), (E, N), (N, N), (E, E)]
        records = []
        for number, (mine, theirs) in enumerate(decisions):
            records += [record(number, 10, mine), record(number, 20, theirs, order=1)]
        records += [record(9, 30, E), record(9, 10, E, order=1)]
        rows = {row.reviewer_id: row for row in calibrate(records)}
        self.assertEqual(rows[10].pairs, 5)
        self.assertAlmostEqual(known(rows[10].percent_agreement), 0.8)
        self.assertAlmostEqual(known(rows[10].kappa.value), 6 / 11)
        # Reviewer 20: (E,E),(N,E),(N,N),(E,E): 3/4 agree; says earned 2/4, partner 3/4:
        # chance = 0.5*0.75 + 0.5*0.25 = 0.5; kappa = (0.75-0.5)/0.5 = 0.5.
        self.assertAlmostEqual(known(rows[20].percent_agreement), 0.75)
        self.assertAlmostEqual(known(rows[20].kappa.value), 0.5)
        # Reviewer 30 agreed once, always earned with a partner who said earned: undefined.
        self.assertIsNone(rows[30].kappa.value)
        self.assertEqual([row.reviewer_id for row in calibrate(records)], [10, 20, 30])


class TurnaroundTests(SimpleTestCase):
    def test_the_median_of_an_odd_number_is_the_middle_one(self) -> None:
        records = [record(1, 10, E, hours=h) for h in (10, 1, 3)]
        self.assertEqual(median_turnaround(records), timedelta(hours=3))

    def test_the_median_of_an_even_number_is_the_mean_of_the_middle_two(self) -> None:
        records = [record(1, 10, E, hours=h) for h in (1, 3, 20, 2)]
        self.assertEqual(median_turnaround(records), timedelta(hours=2.5))
        self.assertIsNone(median_turnaround([]))

    def test_durations_are_shown_in_minutes_hours_or_days(self) -> None:
        with translation.override("en"):
            self.assertEqual(describe_duration(timedelta(minutes=20)), "20 min")
            self.assertEqual(describe_duration(timedelta(hours=5)), "5.0 hours")
            self.assertEqual(describe_duration(timedelta(days=3)), "3.0 days")
            self.assertEqual(describe_duration(None), "")

    def test_durations_read_in_the_language_of_the_page(self) -> None:
        with translation.override("es"):
            self.assertEqual(describe_duration(timedelta(hours=5)), "5,0 horas")
            self.assertEqual(describe_duration(timedelta(days=3)), "3,0 días")
