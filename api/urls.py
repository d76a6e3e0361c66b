"""The stable JSON API for integrations, described at /api/openapi.json."""

from django.urls import path

from . import views
from .v1 import api

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi_document, name="openapi"),
    path("docs", views.docs, name="docs"),
    path("docs/assets/<str:name>", views.docs_asset, name="docs-asset"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke-token"),
    path("v1/", api.urls),
]
