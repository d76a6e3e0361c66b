"""Leaders make their organisation an issuer, and rotate or re-encrypt an issuer's keys."""

import io

from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from credentials import keystore
from credentials.actions.awarding import issue_awards
from credentials.models import Issuer, SigningKey
from credentials.verification import verify
from tests.base import TrellisTestCase

from .helpers import make_issuer, publish_sample

DASHBOARD = reverse("credentials:manage")
BECOME = reverse("credentials:manage-become-issuer")


class BecomeIssuerTests(TrellisTestCase):
    def offer(self, organisation, **fields) -> dict:
        return {
            "organisation": organisation.pk,
            "name": organisation.name,
            "description": "We grow teacher leaders.",
            "website": "https://walker-gamble.example",
            "did_method": "web",
            **fields,
        }

    def test_a_principal_is_offered_to_publish_as_her_school(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.get(DASHBOARD)
        self.assertContains(response, "Publish micro-credentials as Walker-Gamble Elementary")
        self.assertContains(response, "did:web (recommended)")
        self.assertContains(response, 'value="key"')
        self.assertNotContains(response, "St. Paul Middle")

    def test_choosing_did_key_makes_a_did_key_issuer_with_the_given_profile(self) -> None:
        self.client.force_login(self.paula)
        data = self.offer(self.walker_gamble, name="Walker-Gamble Leaders", did_method="key")
        response = self.client.post(BECOME, data)
        issuer = Issuer.objects.get(organisation=self.walker_gamble)
        self.assertRedirects(
            response, reverse("credentials:manage-issuer", args=[issuer.slug]), 302, 200
        )
        self.assertEqual(issuer.name, "Walker-Gamble Leaders")
        self.assertEqual(issuer.website, "https://walker-gamble.example")
        self.assertEqual(issuer.did_method, Issuer.DidMethod.KEY)
        self.assertTrue(keystore.issuer_did(issuer).startswith("did:key:z6Mk"))
        self.assertNotContains(self.client.get(DASHBOARD), "Publish micro-credentials as")

    def test_did_web_is_the_default_and_an_issuer_is_offered_only_once(self) -> None:
        self.client.force_login(self.dana)
        self.client.post(BECOME, self.offer(self.clarendon))
        issuer = Issuer.objects.get(organisation=self.clarendon)
        self.assertTrue(keystore.issuer_did(issuer).startswith("did:web:"))
        again = self.client.post(BECOME, self.offer(self.clarendon, name="Twice"))
        self.assertEqual(again.status_code, 403)
        self.assertEqual(Issuer.objects.get(organisation=self.clarendon).name, issuer.name)

    def test_a_missing_choice_or_name_is_named_and_nothing_is_made(self) -> None:
        self.client.force_login(self.paula)
        response = self.client.post(BECOME, self.offer(self.walker_gamble, name="", did_method=""))
        self.assertContains(response, "Give the name", status_code=400)
        self.assertContains(response, "Choose did:web or did:key", status_code=400)
        self.assertContains(response, "We grow teacher leaders.", status_code=400)
        self.assertFalse(Issuer.objects.exists())

    def test_nobody_makes_an_organisation_they_do_not_lead_an_issuer(self) -> None:
        self.client.force_login(self.oscar)
        for organisation in (self.walker_gamble, self.clarendon):
            response = self.client.post(BECOME, self.offer(organisation))
            self.assertEqual(response.status_code, 400)
        self.client.force_login(self.alice)
        self.assertEqual(self.client.post(BECOME, self.offer(self.walker_gamble)).status_code, 403)
        self.assertFalse(Issuer.objects.exists())


class RotationPageTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")
        (self.award,) = issue_awards(publish_sample(self.issuer), [self.alice])
        self.url = reverse("credentials:manage-key", args=[self.issuer.slug])
        self.client.force_login(self.dana)

    def test_the_page_shows_the_identifier_and_the_current_key(self) -> None:
        response = self.client.get(self.url)
        self.assertContains(response, keystore.issuer_did(self.issuer))
        self.assertContains(response, keystore.current_key(self.issuer).public_key_multibase)
        self.assertContains(response, "Signs new credentials")

    def test_rotating_needs_the_box_ticked(self) -> None:
        response = self.client.post(self.url, {})
        self.assertContains(response, "Tick the box", status_code=400)
        self.assertEqual(self.issuer.keys.count(), 1)

    def test_a_confirmed_rotation_makes_a_new_key_and_old_credentials_still_verify(self) -> None:
        old = keystore.current_key(self.issuer)
        response = self.client.post(self.url, {"confirm": "yes"}, follow=True)
        self.assertContains(response, "now signs with a new key")
        self.assertNotEqual(keystore.current_key(self.issuer), old)
        self.assertContains(response, "Retired")
        self.assertTrue(verify(self.award.signed_json)["verified"])

    def test_school_staff_and_outsiders_cannot_rotate(self) -> None:
        for person in (self.paula, self.oscar, self.alice):
            self.client.force_login(person)
            self.assertEqual(self.client.post(self.url, {"confirm": "yes"}).status_code, 404)
        self.assertEqual(self.issuer.keys.count(), 1)


class KeyCommandTests(TrellisTestCase):
    def setUp(self) -> None:
        self.issuer = make_issuer(self.clarendon, "Clarendon Leadership Academy")

    def test_rotate_issuer_key_retires_the_current_key(self) -> None:
        old = keystore.current_key(self.issuer)
        out = io.StringIO()
        call_command("rotate_issuer_key", self.issuer.slug, stdout=out)
        new = keystore.current_key(self.issuer)
        self.assertNotEqual(new, old)
        self.assertIn(new.public_key_multibase, out.getvalue())
        old.refresh_from_db()
        self.assertIsNotNone(old.retired_at)

    def test_rotate_issuer_key_names_an_unknown_slug(self) -> None:
        with self.assertRaisesMessage(CommandError, "No issuer has the slug 'nope'"):
            call_command("rotate_issuer_key", "nope")

    def test_reencrypt_signing_keys_moves_every_key_to_the_new_wrapping_key(self) -> None:
        old_wrap, new_wrap = Fernet.generate_key().decode(), Fernet.generate_key().decode()
        SigningKey.objects.all().delete()  # the one made with the derived development key
        with override_settings(KEY_ENCRYPTION_KEYS=[old_wrap]):
            key = keystore.create_signing_key(self.issuer)
            signed_before = keystore.key_pair(self.issuer, key).sign(b"x")
        with override_settings(KEY_ENCRYPTION_KEYS=[new_wrap]):
            with self.assertRaisesMessage(CommandError, "could not be decrypted"):
                call_command("reencrypt_signing_keys", stdout=io.StringIO())
        with override_settings(KEY_ENCRYPTION_KEYS=[new_wrap, old_wrap]):
            call_command("reencrypt_signing_keys", stdout=io.StringIO())
        with override_settings(KEY_ENCRYPTION_KEYS=[new_wrap]):
            key = SigningKey.objects.get(pk=key.pk)
            self.assertEqual(keystore.key_pair(self.issuer, key).sign(b"x"), signed_before)
