from django.urls import reverse
from django.utils import timezone

from ..models import ApiToken, hash_token
from .base import ApiTestCase

MINE = "/api/v1/me/credentials"


class TokenPageTests(ApiTestCase):
    def test_a_person_creates_a_token_that_is_shown_once_and_stored_only_as_a_hash(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(reverse("api:tokens"), {"name": "District warehouse"})
        secret = response.context["secret"]
        self.assertIn("no-store", response["Cache-Control"])
        self.assertTrue(secret.startswith("trellis_"))
        self.assertContains(response, secret)
        token = ApiToken.objects.get(person=self.alice)
        self.assertEqual(token.token_hash, hash_token(secret))
        self.assertNotIn(secret, str(ApiToken.objects.values().get()))
        again = self.client.get(reverse("api:tokens"))
        self.assertContains(again, "District warehouse")
        self.assertNotContains(again, secret)

    def test_a_token_needs_a_name(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.post(reverse("api:tokens"), {"name": "  "})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(ApiToken.objects.exists())

    def test_a_person_revokes_their_token_and_it_stops_working(self) -> None:
        headers = self.bearer(self.alice)
        self.assertEqual(self.client.get(MINE, headers=headers).status_code, 200)
        token = ApiToken.objects.get(person=self.alice)
        self.client.force_login(self.alice)
        response = self.client.post(reverse("api:revoke-token", args=[token.pk]))
        self.assertRedirects(response, reverse("api:tokens"))
        self.client.logout()
        token.refresh_from_db()
        self.assertIsNotNone(token.revoked_at)
        self.assertEqual(self.client.get(MINE, headers=headers).status_code, 401)

    def test_nobody_can_revoke_another_persons_token(self) -> None:
        self.bearer(self.alice)
        token = ApiToken.objects.get(person=self.alice)
        self.client.force_login(self.oscar)
        response = self.client.post(reverse("api:revoke-token", args=[token.pk]))
        self.assertEqual(response.status_code, 404)
        token.refresh_from_db()
        self.assertIsNone(token.revoked_at)

    def test_the_tokens_page_needs_sign_in(self) -> None:
        response = self.client.get(reverse("api:tokens"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("login")))


class TokenAuthenticationTests(ApiTestCase):
    def test_a_valid_token_reads_its_owners_credentials_and_records_its_use(self) -> None:
        response = self.client.get(MINE, headers=self.bearer(self.alice))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["count"], 1)
        self.assertIsNotNone(ApiToken.objects.get().last_used_at)

    def test_a_request_without_a_token_is_refused_with_401(self) -> None:
        response = self.client.get(MINE)
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response["WWW-Authenticate"], 'Bearer realm="trellis"')
        self.assertIn("Authorization: Bearer", response.json()["detail"])

    def test_unknown_and_malformed_tokens_are_refused(self) -> None:
        self.bearer(self.alice)
        for value in [
            "Bearer trellis_not-a-real-token",
            "Bearer ",
            "Bearer " + "x" * 5000,
            "Token trellis_abc",
            "Basic YWxpY2U6cGFzc3dvcmQ=",
            "Bearer " + ApiToken.objects.get().token_hash,
        ]:
            response = self.client.get(MINE, headers={"Authorization": value})
            self.assertEqual(response.status_code, 401, value[:40])

    def test_a_deactivated_persons_token_is_refused(self) -> None:
        headers = self.bearer(self.alice)
        self.alice.is_active = False
        self.alice.save(update_fields=["is_active"])
        self.assertEqual(self.client.get(MINE, headers=headers).status_code, 401)

    def test_a_signed_in_browser_may_read_without_a_token(self) -> None:
        self.client.force_login(self.alice)
        response = self.client.get(MINE)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["items"][0]["id"], str(self.award.public_id))

    def test_a_recent_use_is_not_written_again(self) -> None:
        headers = self.bearer(self.alice)
        self.client.get(MINE, headers=headers)
        first = ApiToken.objects.get().last_used_at
        ApiToken.objects.update(last_used_at=timezone.now())
        with self.assertNumQueries(3):  # the token, the count, the page: no write
            self.client.get(MINE, headers=headers)
        self.assertIsNotNone(first)
