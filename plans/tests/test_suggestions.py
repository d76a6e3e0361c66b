from datetime import timedelta

from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import translation

from assessments.models import Assessment, Rating, Recommendation
from assessments.tests.helpers import answer_all, seat, start
from lib.errors import ActionError
from organisations.models import Role
from plans import actions
from plans.keys import micro_credential_key, recommendation_key
from plans.models import PlanItem, Suggestion
from plans.summary import group_suggestions

from .base import PlanTestCase


class AssessmentSuggestionTests(PlanTestCase):
    def setUp(self) -> None:
        self.assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)],
        )
        # Both rate area 1 below the criterion and everything else as meeting it.
        answer_all(seat(self.assessment, self.alice), {1: Rating.BELOW})
        answer_all(seat(self.assessment, self.paula), {1: Rating.BELOW})

    def test_each_member_gets_the_recommendations_for_their_role_in_growth_areas(self) -> None:
        created = actions.suggest_from_assessment(self.assessment, self.paula)
        area_one = Recommendation.objects.filter(area__instrument=self.rubric, area__number=1)
        alice = Suggestion.objects.filter(plan__owner=self.alice)
        paula = Suggestion.objects.filter(plan__owner=self.paula)
        self.assertEqual(
            {s.target_key for s in alice},
            {recommendation_key(r.pk) for r in area_one.filter(role=Role.TEACHER)},
        )
        self.assertIn(micro_credential_key(self.shared_purpose.slug), {s.target_key for s in paula})
        self.assertEqual(created, alice.count() + paula.count())
        reason = paula.get(kind="micro_credential").reason
        self.assertIn("below the criterion", reason)
        self.assertIn("administrators", reason)

    def test_each_reader_reads_the_reason_in_their_own_language(self) -> None:
        with translation.override("es"):
            actions.suggest_from_assessment(self.assessment, self.paula)
        suggestion = Suggestion.objects.filter(plan__owner=self.alice).first()
        self.assertIn("below the criterion", suggestion.reason)
        self.client.force_login(self.alice)
        url = reverse("plans:detail", args=[suggestion.plan_id])
        self.assertContains(self.client.get(url), "this is recommended for teachers.")
        spanish = self.client.get(url, headers={"accept-language": "es"})
        self.assertContains(spanish, "esto se recomienda para docentes")

    def test_proposing_again_adds_nothing_and_dismissed_ones_stay_away(self) -> None:
        actions.suggest_from_assessment(self.assessment, self.paula)
        first = Suggestion.objects.filter(plan__owner=self.alice).first()
        actions.dismiss_suggestion(first, self.alice)
        self.assertEqual(actions.suggest_from_assessment(self.assessment, self.paula), 0)
        first.refresh_from_db()
        self.assertEqual(first.status, Suggestion.Status.DISMISSED)

    def test_only_a_leader_turns_the_assessment_into_suggestions(self) -> None:
        with self.assertRaisesMessage(ActionError, "Only a leader"):
            actions.suggest_from_assessment(self.assessment, self.alice)
        self.client.force_login(self.oscar)
        url = reverse("plans:recommend", args=[self.walker_gamble.pk])
        self.assertEqual(self.client.post(url, {"assessment": self.assessment.pk}).status_code, 404)
        self.assertFalse(Suggestion.objects.exists())

    def test_the_principal_proposes_from_the_school_page(self) -> None:
        self.client.force_login(self.paula)
        url = reverse("plans:recommend", args=[self.walker_gamble.pk])
        response = self.client.post(url, {"assessment": self.assessment.pk}, follow=True)
        self.assertContains(response, "suggestions proposed")
        self.client.force_login(self.alice)
        plan = Suggestion.objects.filter(plan__owner=self.alice).first().plan
        page = self.client.get(reverse("plans:detail", args=[plan.pk]))
        self.assertContains(page, "Why:")


class RecommendFormTests(PlanTestCase):
    def test_each_school_offers_only_its_latest_assessment(self) -> None:
        team = [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)]
        older = start(self.walker_gamble, self.rubric, self.paula, team)
        Assessment.objects.filter(pk=older.pk).update(
            created_at=older.created_at - timedelta(days=365)
        )
        latest = start(self.walker_gamble, self.rubric, self.paula, team)
        self.client.force_login(self.dana)
        page = self.client.get(reverse("plans:school", args=[self.clarendon.pk]))
        offered = list(page.context["recommend_form"].fields["assessment"].queryset)
        self.assertEqual(offered, [latest])


class TargetSuggestionTests(PlanTestCase):
    def test_target_competencies_bring_aligned_micro_credentials_with_the_reason(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        self.assertEqual(actions.suggest_for_targets(plan, self.alice), 1)
        suggestion = plan.suggestions.get()
        self.assertEqual(suggestion.micro_credential, self.shared_purpose)
        self.assertEqual(
            suggestion.reason,
            f"Aligned to “{self.vision.name}”, a target competency in your plan.",
        )

    def test_accepting_creates_the_item_and_dismissing_keeps_it_away(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        actions.suggest_for_targets(plan, self.alice)
        suggestion = plan.suggestions.get()
        self.client.force_login(self.alice)
        url = reverse("plans:decide-suggestion", args=[suggestion.pk])
        self.client.post(url, {"decision": "accept"})
        item = plan.items.get()
        self.assertEqual((item.origin, item.micro_credential), ("suggestion", self.shared_purpose))
        response = self.client.post(url, {"decision": "dismiss"})
        self.assertContains(response, "already accepted", status_code=400)
        item.delete()
        self.assertEqual(actions.suggest_for_targets(plan, self.alice), 0)

    def test_a_dismissed_suggestion_never_comes_back(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        actions.suggest_for_targets(plan, self.alice)
        actions.dismiss_suggestion(plan.suggestions.get(), self.alice)
        self.assertEqual(actions.suggest_for_targets(plan, self.alice), 0)
        self.assertFalse(plan.items.exists())

    def test_credentials_already_earned_are_not_suggested(self) -> None:
        self.earn(self.shared_purpose, self.alice)
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        self.assertEqual(actions.suggest_for_targets(plan, self.alice), 0)

    def test_a_plan_without_targets_is_told_to_add_one(self) -> None:
        plan = self.plan_of(self.alice)
        self.client.force_login(self.alice)
        response = self.client.post(reverse("plans:find-suggestions", args=[plan.pk]))
        self.assertContains(response, "Add a target competency first", status_code=400)
        self.assertContains(response, 'role="alert"', status_code=400)

    def test_someone_else_cannot_decide_my_suggestions(self) -> None:
        plan = self.plan_of(self.alice)
        actions.add_target_competency(plan, self.vision, self.proficient, self.alice)
        actions.suggest_for_targets(plan, self.alice)
        suggestion = plan.suggestions.get()
        self.client.force_login(self.paula)
        url = reverse("plans:decide-suggestion", args=[suggestion.pk])
        self.assertEqual(self.client.post(url, {"decision": "accept"}).status_code, 404)
        self.assertFalse(PlanItem.objects.exists())


class SuggestionGroupTests(SimpleTestCase):
    def test_groups_by_source_with_micro_credentials_first_and_the_rest_folded(self) -> None:
        growth, target = Suggestion.Source.GROWTH_AREA, Suggestion.Source.TARGET_COMPETENCY
        kinds = ["resource", "experience", "micro_credential", "resource", "resource", "resource"]
        suggestions = [
            Suggestion(pk=i, kind=kind, source=growth, title=f"G{i}")
            for i, kind in enumerate(kinds)
        ] + [Suggestion(pk=10, kind="micro_credential", source=target, title="T")]
        first, second = group_suggestions(suggestions)
        self.assertEqual(first.heading, "From your team's conditions assessment")
        self.assertEqual([s.title for s in first.shown], ["G2", "G1", "G0", "G3", "G4"])
        self.assertEqual([s.title for s in first.more], ["G5"])
        self.assertEqual(first.total, 6)
        self.assertEqual(
            (second.heading, second.total, second.more), ("For your target competencies", 1, [])
        )
        self.assertEqual(group_suggestions([]), [])
