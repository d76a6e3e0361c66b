"""Pages around the API: personal tokens, the OpenAPI document and its interactive docs."""

from pathlib import Path

import ninja
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lib.errors import ActionError, attach_to_form
from lib.http import AuthenticatedHttpRequest

from . import actions
from .access import get_token_for_user
from .forms import TokenForm
from .models import ApiToken
from .v1 import api

# The interactive docs use the Swagger UI files shipped inside django-ninja, served from here so
# that the page loads nothing from another site (the content security policy forbids it).
DOCS_ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
}
DOCS_ASSET_DIR = Path(ninja.__file__).parent / "static" / "ninja"


def _tokens_page(
    request: AuthenticatedHttpRequest, form: TokenForm, secret: str = ""
) -> HttpResponse:
    tokens = ApiToken.objects.filter(person=request.user)
    context = {"tokens": tokens, "form": form, "secret": secret}
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _tokens_page(request, TokenForm())
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _token, secret = actions.create_token(request.user, form.cleaned_data["name"])
        except ActionError as failure:
            attach_to_form(form, failure)
        else:
            # Shown in this response only: it is not stored, so it cannot be shown again.
            return _tokens_page(request, TokenForm(), secret)
    return _tokens_page(request, form)


@login_required
@require_POST
def revoke_token(request: AuthenticatedHttpRequest, token_id: int) -> HttpResponse:
    token = get_token_for_user(request.user, token_id)
    actions.revoke_token(token, request.user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api:tokens")


@require_GET
def openapi_document(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(api.get_openapi_schema())
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html", {"title": api.title})


@require_GET
def docs_asset(request: HttpRequest, name: str) -> FileResponse:
    if name not in DOCS_ASSETS:
        raise Http404("No such file.")
    response = FileResponse(open(DOCS_ASSET_DIR / name, "rb"), content_type=DOCS_ASSETS[name])
    response["Cache-Control"] = "public, max-age=86400"
    return response
