"""Double clicks and bursts on assessments: submitting answers, copying and editing instruments."""

from django.test import TransactionTestCase
from django.urls import reverse

from assessments import actions
from assessments.content_loader import load_builtin_instruments
from assessments.models import Criterion, Instrument, Rating, Response, TeamMember
from lib.errors import ActionError
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import make_person

from .racing import RACERS, crashed, post_at_once, race, refusals, said

ALREADY_SUBMITTED = "You have already submitted your answers; they can no longer be changed."


class AssessmentRaceTestCase(TransactionTestCase):
    def setUp(self) -> None:
        load_builtin_instruments()
        self.rubric = Instrument.objects.get(organisation=None, slug="teacher-leadership-rubric")
        self.school = create_organisation("Walker-Gamble", Organisation.Kind.SCHOOL)
        # Alice teaches at Walker-Gamble and sits on its assessment team.
        self.alice = make_person(
            "alice@clarendon.example", "Alice", "Avery", Role.TEACHER, self.school
        )
        # Paula is Walker-Gamble's principal: she leads the assessment and adapts instruments.
        self.paula = make_person(
            "paula@clarendon.example", "Paula", "Price", Role.ADMINISTRATOR, self.school
        )

    def start(self, instrument: Instrument) -> TeamMember:
        """Start an assessment on the instrument with Alice on the team; return her seat."""
        assessment = actions.start_assessment(
            self.school, instrument, "Spring review", self.paula, [(self.alice, Role.TEACHER)]
        )
        return TeamMember.objects.get(assessment=assessment, person=self.alice)


class SubmittingTests(AssessmentRaceTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.seat = self.start(self.rubric)
        for criterion in Criterion.objects.filter(area__instrument=self.rubric, role=Role.TEACHER):
            actions.save_answer(self.seat, criterion, Rating.MEETS, "", "")

    def test_twenty_submits_at_once_submit_the_answers_once(self):
        url = reverse("assessments:submit", args=[self.seat.assessment_id])
        responses = post_at_once(self.alice, url)
        self.assertEqual(crashed(responses), [])
        submitted = [r for r in responses if r.status_code == 302]
        self.assertEqual(len(submitted), 1)
        self.assertEqual(
            said(submitted[0]),
            ["Your answers are submitted. You can now see your team’s answers."],
        )
        refused = [r for r in responses if r.status_code != 302]
        self.assertEqual([said(r) for r in refused], [[ALREADY_SUBMITTED]] * (RACERS - 1))
        for response in refused:
            # The page read the seat again after waiting, so it says what happened.
            self.assertContains(response, "You have already submitted.")
        self.seat.refresh_from_db()
        self.assertIsNotNone(self.seat.submitted_at)

    def test_a_second_submit_is_refused_and_keeps_the_first_time(self):
        actions.submit_answers(self.seat)
        first = TeamMember.objects.get(pk=self.seat.pk).submitted_at
        stale = TeamMember.objects.get(pk=self.seat.pk)
        stale.submitted_at = None  # as the page loaded it, before the first submit
        with self.assertRaisesMessage(ActionError, ALREADY_SUBMITTED):
            actions.submit_answers(stale)
        self.assertEqual(TeamMember.objects.get(pk=self.seat.pk).submitted_at, first)

    def test_an_autosave_racing_the_submit_never_changes_a_submitted_answer(self):
        criterion = Criterion.objects.filter(area__instrument=self.rubric, role=Role.TEACHER)[0]
        # Each request read the seat before the submit landed, as an open page has it.
        seats = [TeamMember.objects.get(pk=self.seat.pk) for _ in range(RACERS)]

        def click(i: int):
            seat = seats[i]
            if i == 0:
                return actions.submit_answers(seat)
            return actions.save_answer(seat, criterion, Rating.EXCEEDS, f"Draft {i}", "")

        outcomes = race(click)
        self.assertEqual(crashed(outcomes), [])
        submitted_at = TeamMember.objects.get(pk=self.seat.pk).submitted_at
        answer = Response.objects.get(member=self.seat, criterion=criterion)
        # Every save that came after the submit was refused; none landed after it.
        self.assertLessEqual(answer.updated_at, submitted_at)
        saved = [o for o in outcomes[1:] if isinstance(o, Response)]
        self.assertEqual(len(saved) + len(refusals(outcomes)), RACERS - 1)
        self.assertEqual(set(refusals(outcomes)) - {ALREADY_SUBMITTED}, set())


class InstrumentVersionTests(AssessmentRaceTestCase):
    def test_twenty_copies_at_once_each_get_their_own_version(self):
        url = reverse("assessments:instrument-copy", args=[self.rubric.pk])
        responses = post_at_once(self.paula, url, {"organisation": self.school.pk})
        self.assertEqual(crashed(responses), [])
        self.assertEqual({r.status_code for r in responses}, {302})
        copies = Instrument.objects.filter(organisation=self.school, slug=self.rubric.slug)
        self.assertEqual(
            sorted(copies.values_list("version", flat=True)), list(range(1, RACERS + 1))
        )
        self.assertEqual(copies.filter(is_current=True).count(), 1)
        self.assertEqual(copies.get(is_current=True).version, RACERS)
        criteria = Criterion.objects.filter(area__instrument=self.rubric).count()
        for copy in copies:
            self.assertEqual(Criterion.objects.filter(area__instrument=copy).count(), criteria)

    def test_twenty_edits_of_an_instrument_in_use_make_one_version_each(self):
        adapted = actions.copy_instrument(self.rubric, self.school, "Our rubric")
        self.start(adapted)  # in use: each edit now makes a new version
        criterion = Criterion.objects.get(area__instrument=adapted, code="T1")
        url = reverse("assessments:criterion-edit", args=[adapted.pk, criterion.pk])
        browsers = post_at_once(self.paula, url, {"text": "Teachers lead their own learning."})
        self.assertEqual(crashed(browsers), [])
        self.assertEqual({r.status_code for r in browsers}, {302})
        versions = Instrument.objects.filter(organisation=self.school, slug=self.rubric.slug)
        self.assertEqual(
            sorted(versions.values_list("version", flat=True)), list(range(1, RACERS + 2))
        )
        self.assertEqual(versions.filter(is_current=True).count(), 1)
        edited = Criterion.objects.filter(
            code="T1", area__instrument__organisation=self.school, area__instrument__version__gt=1
        )
        self.assertEqual(
            set(edited.values_list("text", flat=True)), {"Teachers lead their own learning."}
        )
        self.assertNotEqual(Criterion.objects.get(pk=criterion.pk).text, edited[0].text)
