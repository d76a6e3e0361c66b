"""One district cannot read or change another's data, and anonymous visitors see nothing."""

import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from assessments import actions
from assessments.models import Criterion, FocusArea, NextStep, Rating
from assessments.tests.helpers import answer_all, seat, start
from credentials import actions as credential_actions
from credentials.tests.helpers import SAMPLE, approve, make_issuer, png, publish_sample
from frameworks import actions as framework_actions
from organisations.actions import invite_person, preview_staff_import
from organisations.models import Role

from .base import TrellisTestCase
from .urlwalk import all_routes

SECRET = "CLARENDON-PRIVATE-EVIDENCE"
# Pages anyone may open: signing in, resetting a password, health, language choice.
PUBLIC = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation-accept",
    "healthz",
    "set_language",
    # Published by design: issuer profiles, DID documents, badges, public evidence, status lists.
    "credentials:issuer",
    "credentials:did",
    "credentials:achievement",
    "credentials:badge-image",
    "credentials:evidence",
    "credentials:credential",
    "credentials:status-list",
    # Shared competencies by their stable key: what badges' alignments link to.
    "frameworks:competency-by-key",
}
# Pages every signed-in person has, showing only their own organisations' data.
PERSONAL = {
    "home",
    "assessments:list",
    "assessments:start",
    "assessments:instruments",
    "credentials:catalogue",
    "credentials:mine",
    "credentials:reviews",
    "credentials:by-slug",
    # Shared frameworks are open to every signed-in person; the forms offer only their own
    # organisations.
    "frameworks:list",
    "frameworks:create",
    "frameworks:import",
}


def app_tenancy_modules() -> list:
    """Return each app's `tests/tenancy_*.py` module: the pages and data it adds to the walk.

    A module defines PUBLIC and PERSONAL (sets of URL names, as above) and
    `values(case) -> dict`, which creates Clarendon data (holding SECRET where it is private)
    with the test's people and returns a value for each URL parameter its routes use.
    """
    modules = []
    for path in sorted(Path(settings.BASE_DIR).glob("*/tests/tenancy_*.py")):
        modules.append(importlib.import_module(f"{path.parts[-3]}.tests.{path.stem}"))
    return modules


MODULES = app_tenancy_modules()
for _module in MODULES:
    PUBLIC |= _module.PUBLIC
    PERSONAL |= _module.PERSONAL
LOCAL_APPS = {"organisations", "assessments", "frameworks", "learning", "plans"}


class TenancyTests(TrellisTestCase):
    def setUp(self) -> None:
        copy = actions.copy_instrument(self.rubric, self.clarendon, "Clarendon rubric")
        self.assessment = start(
            self.walker_gamble,
            copy,
            self.paula,
            [(self.alice, Role.TEACHER), (self.paula, Role.ADMINISTRATOR)],
        )
        answer_all(seat(self.assessment, self.alice), Rating.MEETS, evidence=SECRET)
        area = FocusArea.objects.get(instrument=copy, number=1)
        step = actions.add_next_step(self.assessment, area, SECRET, self.alice, None)
        pending, _parsed = preview_staff_import(self.clarendon, self.dana, "s.csv", "email\n")
        invitation = invite_person(
            self.walker_gamble, "new@clarendon.example", Role.TEACHER, self.paula
        )
        issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        draft = credential_actions.create_micro_credential(
            issuer, {**SAMPLE, "title": "Secret draft"}
        )
        published = publish_sample(issuer)
        approve(issuer, self.carl)
        submission = credential_actions.start_submission(published, self.alice)
        artifact = credential_actions.add_artifact(
            submission, published.requirements.get(kind="artifact"), png()
        )
        for requirement in published.requirements.exclude(kind="artifact"):
            credential_actions.save_answer_text(submission, requirement, SECRET)
        credential_actions.submit_for_review(submission, self.alice)
        framework = framework_actions.create_framework(self.clarendon, SECRET, "", [], self.dana)
        text = {"code": "", "title": "", "notes": "", "levels": {}, "specialties": {}}
        competency = framework_actions.add_competency(
            framework, None, {**text, "statement": SECRET}, self.dana
        )
        self.values = {
            "organisation_id": self.walker_gamble.pk,
            "assessment_id": self.assessment.pk,
            "criterion_id": Criterion.objects.get(area__instrument=copy, code="T1").pk,
            "area_id": area.pk,
            "step_id": step.pk,
            "import_id": pending.pk,
            "instrument_id": copy.pk,
            "token": invitation.token,
            "uidb64": "MQ",
            "micro_credential_id": draft.pk,
            "slug": draft.slug,
            "submission_id": submission.pk,
            "requirement_id": published.requirements.first().pk,
            "artifact_id": artifact.pk,
            "review_id": submission.reviews.get().pk,
            "issuer_slug": issuer.slug,
            "public_id": artifact.public_id,
            "framework_id": framework.pk,
            "competency_id": competency.pk,
        }
        for module in MODULES:
            self.values.update(module.values(self))

    def _snapshot(self) -> dict[str, int]:
        return {
            m._meta.label: m.objects.count()
            for m in apps.get_models()
            if m._meta.app_label in LOCAL_APPS
        }

    def _walk(self, check) -> int:
        visited = 0
        for route in all_routes():
            if route.name in PUBLIC or route.name.startswith("django_tasks"):
                continue
            missing = [p for p in route.parameters if p not in self.values]
            self.assertEqual(
                missing, [], f"Give the tenancy test a value for {missing} ({route.template})."
            )
            url = route.fill(self.values)
            for method in ("get", "post"):
                response = getattr(self.client, method)(url)
                check(route, url, method, response)
                visited += 1
        return visited

    def test_an_outsider_is_refused_every_page_of_another_district(self) -> None:
        before = self._snapshot()
        self.client.force_login(self.oscar)

        def check(route, url, method, response):
            body = response.content.decode(errors="replace")
            self.assertNotIn(SECRET, body, f"{method} {url} leaked data")
            self.assertNotIn("Walker-Gamble", body, f"{method} {url} leaked a name")
            if route.name not in PERSONAL:
                self.assertIn(
                    response.status_code,
                    {403, 404, 405},
                    f"{method} {url} gave {response.status_code}",
                )

        visited = self._walk(check)
        self.assertGreater(visited, 30)
        self.assertEqual(self._snapshot(), before)
        self.assertFalse(NextStep.objects.exclude(description=SECRET).exists())

    def test_an_anonymous_visitor_is_sent_to_sign_in(self) -> None:
        before = self._snapshot()

        def check(route, url, method, response):
            self.assertNotIn(SECRET, response.content.decode(errors="replace"))
            if response.status_code == 302:
                self.assertTrue(response["Location"].startswith(reverse("login")), url)
            else:
                # 401: the API asks for a token instead of redirecting.
                self.assertIn(response.status_code, {401, 403, 404, 405}, f"{method} {url}")

        self._walk(check)
        self.assertEqual(self._snapshot(), before)
