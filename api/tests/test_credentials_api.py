from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from credentials import actions as credential_actions

from .base import ApiTestCase

MINE = "/api/v1/me/credentials"


def organisation_credentials(organisation_id: int) -> str:
    return f"/api/v1/organisations/{organisation_id}/credentials"


class MyCredentialsTests(ApiTestCase):
    def test_the_list_describes_each_credential_of_the_token_owner(self) -> None:
        response = self.client.get(MINE, headers=self.bearer(self.alice))
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["count"], 1)
        [item] = body["items"]
        self.assertEqual(item["id"], str(self.award.public_id))
        self.assertEqual(item["achievement"], self.micro_credential.title)
        self.assertEqual(item["issuer"]["name"], "Clarendon Leadership Academy")
        self.assertEqual(item["status"], "active")
        self.assertEqual(item["links"]["page"], self.award.url)
        self.assertTrue(item["links"]["json_url"].endswith(f"/api/v1/credentials/{item['id']}"))
        self.assertNotIn("earner", item)

    def test_one_person_cannot_list_another_persons_credentials(self) -> None:
        for person in [self.bob, self.oscar, self.dana]:
            response = self.client.get(MINE, headers=self.bearer(person))
            self.assertEqual(response.json(), {"items": [], "count": 0}, person.email)

    def test_a_revoked_credential_is_listed_as_revoked(self) -> None:
        credential_actions.revoke_credential(self.award, self.dana, "Awarded by mistake.")
        response = self.client.get(MINE, headers=self.bearer(self.alice))
        self.assertEqual(response.json()["items"][0]["status"], "revoked")

    def test_the_list_comes_in_pages_newest_first(self) -> None:
        newer = self.award_more(self.alice, 3)
        headers = self.bearer(self.alice)
        first = self.client.get(MINE, {"page_size": 2}, headers=headers).json()
        self.assertEqual(first["count"], 4)
        self.assertEqual(len(first["items"]), 2)
        self.assertIn(first["items"][0]["id"], {str(award.public_id) for award in newer})
        last = self.client.get(MINE, {"page_size": 2, "page": 2}, headers=headers).json()
        self.assertEqual(last["items"][-1]["id"], str(self.award.public_id))

    def test_the_list_runs_the_same_queries_for_1_and_20_credentials(self) -> None:
        headers = self.bearer(self.alice)
        self.client.get(MINE, headers=headers)  # records the token's first use
        # The token with its person, the count, and one page of credentials.
        with self.assertNumQueries(3):
            one = self.client.get(MINE, headers=headers)
        self.award_more(self.alice, 19)
        with self.assertNumQueries(3):
            twenty = self.client.get(MINE, headers=headers)
        self.assertEqual((one.json()["count"], twenty.json()["count"]), (1, 20))


class SignedCredentialTests(ApiTestCase):
    def test_the_signed_json_is_public_by_its_public_id(self) -> None:
        response = self.client.get(f"/api/v1/credentials/{self.award.public_id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), self.award.signed_json)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        page = self.client.get(reverse("credentials:credential", args=[self.award.public_id]))
        self.assertEqual(page.status_code, 200)

    def test_an_unknown_credential_is_not_found(self) -> None:
        missing = "/api/v1/credentials/00000000-0000-4000-8000-000000000000"
        self.assertEqual(self.client.get(missing).status_code, 404)
        self.assertEqual(self.client.get("/api/v1/credentials/not-a-uuid").status_code, 404)


class OrganisationCredentialsTests(ApiTestCase):
    def test_a_district_leader_lists_what_the_districts_issuers_awarded(self) -> None:
        response = self.client.get(
            organisation_credentials(self.clarendon.pk), headers=self.bearer(self.dana)
        )
        self.assertEqual(response.status_code, 200)
        [item] = response.json()["items"]
        self.assertEqual(item["id"], str(self.award.public_id))
        self.assertEqual(item["earner"], self.alice.full_name)

    def test_a_school_that_issued_nothing_lists_nothing(self) -> None:
        response = self.client.get(
            organisation_credentials(self.walker_gamble.pk), headers=self.bearer(self.paula)
        )
        self.assertEqual(response.json(), {"items": [], "count": 0})

    def test_outsiders_and_teachers_get_not_found(self) -> None:
        for person in [self.oscar, self.olivia, self.alice, self.paula]:
            response = self.client.get(
                organisation_credentials(self.clarendon.pk), headers=self.bearer(person)
            )
            self.assertEqual(response.status_code, 404, person.email)
        missing = self.client.get(organisation_credentials(999999), headers=self.bearer(self.dana))
        self.assertEqual(missing.status_code, 404)

    def test_the_district_list_runs_the_same_queries_for_1_and_20_credentials(self) -> None:
        url = organisation_credentials(self.clarendon.pk)
        headers = self.bearer(self.dana)
        self.client.get(url, headers=headers)
        with CaptureQueriesContext(connection) as one:
            self.client.get(url, headers=headers)
        self.award_more(self.bob, 10)
        self.award_more(self.carl, 9)
        with CaptureQueriesContext(connection) as twenty:
            response = self.client.get(url, headers=headers)
        self.assertEqual(response.json()["count"], 20)
        self.assertEqual(len(one), len(twenty))
