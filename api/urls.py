"""The stable JSON API for integrations, described at /api/openapi.json."""

from django.urls import include, path, re_path

from . import views
from .errors import in_json, no_endpoint
from .v1 import api

app_name = "api"

v1_patterns, ninja_app_name, v1_namespace = api.urls

urlpatterns = [
    path("openapi.json", views.openapi_document, name="openapi"),
    path("docs", views.docs, name="docs"),
    path("docs/assets/<str:name>", views.docs_asset, name="docs-asset"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke-token"),
    path(
        "v1/",
        include((in_json(v1_patterns), ninja_app_name), namespace=v1_namespace),
    ),
    # Django's own 404 page is HTML (in development, a debugging page); integrations read JSON
    # everywhere under /api/ but on the two pages made for people.
    re_path(r"^(?!(?:tokens|docs)(?:/|$))", no_endpoint),
]
