"""The leader's pages: assigning a template to the right people, proposing from an assessment."""

from django.urls import reverse

from assessments.models import Rating
from assessments.tests.helpers import answer_all, seat, start
from organisations.models import Role
from organisations.people_picker import listed
from plans import actions
from plans.models import PlanTemplate

from .base import PlanTestCase


class AssignPageTests(PlanTestCase):
    def test_each_person_shows_their_role_and_the_plan_and_templates_they_have(self) -> None:
        template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
        actions.assign_template(template, self.walker_gamble, [self.alice], self.paula)
        self.plan_of(self.bob)
        self.client.force_login(self.paula)
        page = self.client.get(reverse("plans:assign", args=[self.walker_gamble.pk]))
        labels = listed(page.context["form"]["people"])
        self.assertIn("Teacher · already has “Aspiring teacher leader”", labels[self.alice.pk])
        self.assertIn("Teacher · has a plan, no template yet", labels[self.bob.pk])
        self.assertIn("Administrator · no plan yet", labels[self.paula.pk])
        self.assertContains(page, labels[self.alice.pk], html=False)

    def test_assigning_to_nobody_says_whom_to_choose_at_the_top(self) -> None:
        template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
        self.client.force_login(self.paula)
        url = reverse("plans:assign", args=[self.walker_gamble.pk])
        response = self.client.post(url, {"template": template.pk})
        self.assertContains(response, 'role="alert"', status_code=400)
        self.assertContains(response, '<a href="#assign-people">People:', status_code=400)

    def test_the_count_of_people_reads_in_the_plural_only_when_there_are_several(self) -> None:
        template = PlanTemplate.objects.get(slug="aspiring-teacher-leader")
        self.client.force_login(self.paula)
        url = reverse("plans:assign", args=[self.walker_gamble.pk])
        response = self.client.post(
            url, {"template": template.pk, "people": [self.alice.pk, self.bob.pk]}, follow=True
        )
        self.assertContains(response, "Template assigned to 2 people. 16 items added")


class ProposeFromAssessmentTests(PlanTestCase):
    def test_proposing_with_no_assessment_chosen_says_what_to_choose(self) -> None:
        start(self.walker_gamble, self.rubric, self.paula, [(self.alice, Role.TEACHER)])
        self.client.force_login(self.paula)
        url = reverse("plans:recommend", args=[self.walker_gamble.pk])
        response = self.client.post(url, {"assessment": ""})
        self.assertContains(
            response, "Choose which team assessment to turn into suggestions", status_code=400
        )
        self.assertContains(response, '<a href="#recommend-assessment">', status_code=400)
        self.assertContains(response, 'action="/plans/school/', status_code=400)

    def test_a_school_without_assessments_is_told_so_instead_of_an_empty_list(self) -> None:
        self.client.force_login(self.paula)
        page = self.client.get(reverse("plans:school", args=[self.walker_gamble.pk]))
        self.assertContains(page, "No team assessment has been held here yet.")
        self.assertNotContains(page, "Propose plan items")

    def test_proposing_again_says_nothing_new_and_why(self) -> None:
        assessment = start(
            self.walker_gamble,
            self.rubric,
            self.paula,
            [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)],
        )
        answer_all(seat(assessment, self.alice), {1: Rating.BELOW})
        answer_all(seat(assessment, self.paula), {1: Rating.BELOW})
        self.client.force_login(self.paula)
        url = reverse("plans:recommend", args=[self.walker_gamble.pk])
        self.client.post(url, {"assessment": assessment.pk})
        again = self.client.post(url, {"assessment": assessment.pk}, follow=True)
        self.assertContains(again, "Nothing new to propose from")
