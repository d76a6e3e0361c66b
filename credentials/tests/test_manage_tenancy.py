"""Nobody but an issuer's managers reaches its pages or changes anything through them."""

from django.apps import apps
from django.urls import reverse

from credentials import actions
from tests.base import TrellisTestCase
from tests.urlwalk import all_routes

from . import tenancy_manage
from .helpers import SAMPLE, approve, make_issuer, publish_sample


class ManageTenancyTests(TrellisTestCase):
    def setUp(self) -> None:
        issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        publish_sample(issuer)
        draft = actions.create_micro_credential(issuer, {**SAMPLE, "title": "Secret draft"})
        approve(issuer, self.carl)
        self.values = {"issuer_slug": issuer.slug, "micro_credential_id": draft.pk}
        self.values.update(tenancy_manage.values(self))
        self.routes = [r for r in all_routes() if r.name.startswith("credentials:manage")]

    def snapshot(self) -> list:
        return [
            sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields]))
            for model in apps.get_app_config("credentials").get_models()
        ]

    def test_every_manage_page_is_in_the_walk(self) -> None:
        self.assertGreaterEqual(len(self.routes), 15)

    def test_outsiders_and_school_staff_get_404_or_403_and_change_nothing(self) -> None:
        before = self.snapshot()
        for person in (self.oscar, self.olivia, self.paula, self.alice, self.carl):
            self.client.force_login(person)
            for route in self.routes:
                url = route.fill(self.values)
                for method in ("get", "post"):
                    response = getattr(self.client, method)(url, {"reason": "x", "title": "x"})
                    with self.subTest(person=person.email, method=method, url=url):
                        allowed = {403, 404, 405}
                        if route.name in tenancy_manage.PERSONAL:
                            # Leaders elsewhere see their own offer; an empty form is refused.
                            allowed |= {200, 400}
                        self.assertIn(response.status_code, allowed)
                        self.assertNotContains(
                            response, "Secret draft", status_code=response.status_code
                        )
        self.assertEqual(self.snapshot(), before)

    def test_anonymous_visitors_are_sent_to_sign_in(self) -> None:
        for route in self.routes:
            url = route.fill(self.values)
            for method in ("get", "post"):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, 302, url)
                self.assertTrue(response["Location"].startswith(reverse("login")), url)

    def test_the_district_policymaker_reaches_every_page(self) -> None:
        self.client.force_login(self.dana)
        for route in self.routes:
            if route.name in {
                "credentials:manage-publish",
                "credentials:manage-retire",
                "credentials:manage-new-version",
                "credentials:manage-remove-reviewer",
                "credentials:manage-become-issuer",
            }:
                continue
            response = self.client.get(route.fill(self.values))
            self.assertEqual(response.status_code, 200, route.name)
