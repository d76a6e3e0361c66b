import json

from django.test import TestCase


class OpenApiDocumentTests(TestCase):
    def test_the_document_is_json_at_a_stable_address_and_lists_every_endpoint(self) -> None:
        response = self.client.get("/api/openapi.json")
        self.assertEqual(response.status_code, 200)
        document = json.loads(response.content)
        self.assertTrue(document["openapi"].startswith("3."))
        self.assertEqual(document["info"]["title"], "Trellis API")
        self.assertEqual(
            set(document["paths"]),
            {
                "/api/v1/me/credentials",
                "/api/v1/credentials/{public_id}",
                "/api/v1/verify",
                "/api/v1/organisations/{organisation_id}/credentials",
            },
        )
        self.assertIn("post", document["paths"]["/api/v1/verify"])
        schemes = document["components"]["securitySchemes"]
        self.assertIn({"type": "http", "scheme": "bearer"}, list(schemes.values()))

    def test_public_endpoints_ask_for_no_token_and_private_ones_do(self) -> None:
        paths = self.client.get("/api/openapi.json").json()["paths"]
        self.assertNotIn("security", paths["/api/v1/verify"]["post"])
        self.assertNotIn("security", paths["/api/v1/credentials/{public_id}"]["get"])
        self.assertIn("security", paths["/api/v1/me/credentials"]["get"])

    def test_the_interactive_docs_load_nothing_from_another_site(self) -> None:
        page = self.client.get("/api/docs")
        self.assertEqual(page.status_code, 200)
        html = page.content.decode()
        self.assertNotIn("http://", html)
        self.assertNotIn("https://", html)
        self.assertIn('"/api/openapi.json"', html)
        for name, kind in [
            ("swagger-ui-bundle.js", "text/javascript"),
            ("swagger-ui-init.js", "text/javascript"),
            ("swagger-ui.css", "text/css"),
        ]:
            asset = self.client.get(f"/api/docs/assets/{name}")
            self.assertEqual(asset.status_code, 200, name)
            self.assertEqual(asset["Content-Type"], kind)
            asset.close()

    def test_only_the_docs_files_are_served(self) -> None:
        self.assertEqual(self.client.get("/api/docs/assets/__init__.py").status_code, 404)
        self.assertEqual(self.client.get("/api/docs/assets/..%2F__init__.py").status_code, 404)

    def test_each_endpoint_documents_its_error_answers_with_their_shape(self) -> None:
        document = self.client.get("/api/openapi.json").json()
        expected = {
            ("/api/v1/me/credentials", "get"): {"200", "401", "422"},
            ("/api/v1/credentials/{public_id}", "get"): {"200", "404"},
            ("/api/v1/verify", "post"): {"200", "400", "413", "429"},
            ("/api/v1/organisations/{organisation_id}/credentials", "get"): {
                "200",
                "401",
                "404",
                "422",
            },
        }
        problem = {"$ref": "#/components/schemas/Problem"}
        invalid = {"$ref": "#/components/schemas/InvalidRequest"}
        for (path, method), statuses in expected.items():
            responses = document["paths"][path][method]["responses"]
            self.assertEqual(set(responses), statuses, path)
            for status in statuses - {"200"}:
                schema = responses[status]["content"]["application/json"]["schema"]
                self.assertEqual(schema, invalid if status == "422" else problem, (path, status))
        schemas = document["components"]["schemas"]
        self.assertEqual(schemas["Problem"]["required"], ["detail"])
        field = schemas["InvalidField"]
        self.assertEqual(set(field["required"]), {"type", "loc", "msg"})

    def test_the_paging_parameters_show_their_bounds(self) -> None:
        document = self.client.get("/api/openapi.json").json()
        for path in [
            "/api/v1/me/credentials",
            "/api/v1/organisations/{organisation_id}/credentials",
        ]:
            parameters = {
                p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]
            }
            self.assertEqual(
                (parameters["page"]["minimum"], parameters["page"]["maximum"]), (1, 10_000)
            )
            self.assertEqual(
                (parameters["page_size"]["minimum"], parameters["page_size"]["maximum"]), (1, 100)
            )
            self.assertEqual(parameters["page_size"]["default"], 50)
