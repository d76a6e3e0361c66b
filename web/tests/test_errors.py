"""Error pages: a friendly page for people, JSON with a `detail` for the API."""

from tests.base import TrellisTestCase


class ErrorTests(TrellisTestCase):
    def test_an_address_under_the_api_that_matches_nothing_answers_json(self) -> None:
        for path in ("/api/v1/credentials/not-a-uuid", "/api/v1/nothing-here"):
            with self.subTest(path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertEqual(response.json(), {"detail": "Not found."})

    def test_a_page_that_matches_nothing_is_a_friendly_page(self) -> None:
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "<html", status_code=404)
