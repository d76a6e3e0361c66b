"""Verification says whether an issuer hosted here signed a credential, and warns of borrowed names.

A did:key credential that calls itself "Teacher Leadership Network" verifies, as any Open
Badges 3.0 credential may, but the verification page, the public page and the API all say it
is not from the Teacher Leadership Network hosted here.
"""

import json

from django.urls import reverse

from credentials import actions
from credentials.models import Issuer
from credentials.ob3 import Signer, build_credential, generate_key_pair
from organisations.actions import create_organisation
from organisations.models import Organisation, Role
from tests.base import TrellisTestCase, make_person

from .helpers import approve, make_issuer
from .ob3_support import sample_data
from .sharing_support import earn

VERIFY = reverse("credentials:verify")
API = "/api/v1/verify"
WARNING = "Warning: this credential does not come from the issuer of that name hosted on this site."


def self_signed(name: str) -> dict:
    """Sign a credential with a fresh did:key that names itself `name`, as anyone can."""
    key = generate_key_pair()
    data = sample_data(issuer={"id": key.controller, "name": name})
    return Signer(key).sign(build_credential(**data))


class KnownIssuerTests(TrellisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.network = make_issuer()  # "Teacher Leadership Network", hosted here
        cls.rita = make_person("rita@pomona.example", "Rita", "Reyes", Role.TEACHER, cls.armstrong)
        approve(cls.network, cls.rita)
        cls.award = earn(cls.network, cls.alice, cls.rita)

    def paste(self, credential: dict, **headers):
        return self.client.post(VERIFY, {"credential": json.dumps(credential)}, headers=headers)

    def api(self, credential: dict) -> dict:
        response = self.client.post(API, json.dumps(credential), content_type="application/json")
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_a_forged_name_verifies_but_the_page_warns_plainly(self) -> None:
        forged = self_signed("Teacher  leadership NETWORK")
        page = self.paste(forged)
        self.assertTrue(page.context["result"]["verified"])
        self.assertNotContains(page, "This credential is valid.")
        self.assertContains(
            page, "The signature is valid, but this credential is not from the issuer its name"
        )
        self.assertContains(page, WARNING)
        self.assertContains(page, 'role="alert" id="lookalike-warning"')
        self.assertContains(
            page, f'<a href="{self.network.profile_url}">Teacher Leadership Network</a>'
        )
        self.assertContains(page, "The issuer is not known to this site.")
        self.assertNotContains(page, "Issued by an issuer hosted on this site")

    def test_the_api_answers_the_forged_name_with_the_issuer_it_copies(self) -> None:
        forged = self_signed("Teacher Leadership Network")
        result = self.api(forged)
        self.assertTrue(result["verified"])
        known = result["known_issuer"]
        self.assertFalse(known["hosted"])
        self.assertIsNone(known["issuer"])
        self.assertEqual(
            known["lookalikes"],
            [{"name": "Teacher Leadership Network", "url": self.network.profile_url}],
        )
        self.assertIn(forged["issuer"]["id"], known["reason"])

    def test_a_genuine_credential_is_credited_to_its_hosted_issuer_without_a_warning(self) -> None:
        page = self.paste(self.award.signed_json)
        self.assertContains(page, "This credential is valid.")
        self.assertContains(page, "Issued by an issuer hosted on this site:")
        self.assertNotContains(page, WARNING)
        known = self.api(self.award.signed_json)["known_issuer"]
        self.assertEqual(
            (known["hosted"], known["issuer"], known["lookalikes"]),
            (True, {"name": self.network.name, "url": self.network.profile_url}, []),
        )

    def test_an_unrelated_outside_issuer_is_not_known_and_still_valid(self) -> None:
        outside = self_signed("Riverside Teacher Academy")
        page = self.paste(outside)
        self.assertContains(page, "This credential is valid.")
        self.assertContains(page, "The issuer is not known to this site.")
        self.assertNotContains(page, WARNING)
        result = self.api(outside)
        self.assertTrue(result["verified"])
        self.assertEqual(result["known_issuer"]["lookalikes"], [])
        self.assertFalse(result["known_issuer"]["hosted"])

    def test_a_did_key_issuer_hosted_here_is_known_by_its_key(self) -> None:
        school = create_organisation("Key School", Organisation.Kind.NONPROFIT)
        keyed = actions.create_issuer(school, Issuer.DidMethod.KEY)
        approve(keyed, self.rita)
        award = earn(keyed, self.bob, self.rita)
        self.assertTrue(award.signed_json["issuer"]["id"].startswith("did:key:"))
        known = self.api(award.signed_json)["known_issuer"]
        self.assertTrue(known["hosted"])
        self.assertEqual(known["issuer"]["name"], "Key School")

    def test_the_public_page_says_who_issued_it(self) -> None:
        page = self.client.get(reverse("credentials:credential", args=[self.award.public_id]))
        self.assertContains(page, "Issued by an issuer hosted on this site:")
        self.assertNotContains(page, WARNING)

    def test_a_hosted_namesake_is_pointed_out_on_the_public_page(self) -> None:
        twin = actions.create_issuer(create_organisation("Twin", Organisation.Kind.NONPROFIT))
        # An issuer that shared the name before the rule against it keeps it (migration 0008).
        Issuer.objects.filter(pk=twin.pk).update(
            name="teacher leadership network", comparable_name=""
        )
        twin.refresh_from_db()
        page = self.client.get(reverse("credentials:credential", args=[self.award.public_id]))
        self.assertContains(page, "Issued by an issuer hosted on this site:")
        self.assertContains(page, "Other issuers hosted on this site have the same name")
        self.assertContains(page, twin.profile_url)
        self.assertNotContains(page, WARNING)

    def test_the_warning_and_the_standing_read_in_spanish(self) -> None:
        forged = self.paste(self_signed("Teacher Leadership Network"), **{"accept-language": "es"})
        self.assertContains(forged, "Advertencia: esta credencial no proviene del emisor")
        self.assertContains(forged, "Este sitio no conoce al emisor.")
        genuine = self.paste(self.award.signed_json, **{"accept-language": "es"})
        self.assertContains(genuine, "Emitida por un emisor alojado en este sitio:")
