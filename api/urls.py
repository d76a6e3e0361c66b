"""The stable JSON API for integrations, described at /api/openapi.json."""

app_name = "api"

urlpatterns: list = []
