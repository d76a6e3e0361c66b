"""Version 1 of the integration API: earners' credentials, their signed JSON, verification."""

import json
from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from credentials.models import Award
from credentials.verification import verify
from lib.throttle import over_limit
from organisations.access import get_led_organisation_for_user
from organisations.models import Person

from .auth import TOKEN_OR_SESSION
from .errors import install_error_handlers
from .schemas import (
    CredentialSummary,
    InvalidRequest,
    IssuedCredential,
    Problem,
    VerificationResult,
)

MAX_VERIFY_BYTES = 1024 * 1024
PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
# Keeps the offset (page - 1) * page_size under a million rows: far past any real list, and far
# from the 2**63 at which the database refuses it.
MAX_PAGE = 10_000

api = NinjaAPI(
    title="Trellis API",
    version="1",
    description=(
        "List the credentials a person has earned, fetch a credential's signed Open Badges 3.0 "
        "document, and verify any Open Badges 3.0 credential. Send a personal API token as "
        "`Authorization: Bearer <token>`; create one on the API tokens page."
    ),
    urls_namespace="api:v1",
    # The document is served at /api/openapi.json, outside the versioned prefix.
    openapi_url=None,
    docs_url=None,
)


install_error_handlers(api)


class SignedInRequest(HttpRequest):
    """A request that TOKEN_OR_SESSION let in: `auth` is the person calling."""

    auth: Person


class Pages(PageNumberPagination):
    """Number the pages from 1; a page past the end is an empty list with the total count."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="The page number, from 1.")
        page_size: int = Field(
            PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="How many credentials a page holds."
        )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)


def _summaries(awards: QuerySet[Award]) -> QuerySet[Award]:
    # The signed document is large and not part of a summary.
    return (
        awards.select_related("issuer", "micro_credential")
        .defer("signed_json")
        .order_by("-awarded_at", "-pk")
    )


@api.get(
    "/me/credentials",
    response={200: list[CredentialSummary], 401: Problem, 422: InvalidRequest},
    auth=TOKEN_OR_SESSION,
    url_name="my-credentials",
    tags=["credentials"],
    summary="List my credentials",
)
@paginate(Pages)
def my_credentials(request: SignedInRequest) -> QuerySet[Award]:
    """Return the credentials awarded to the token's owner, newest first."""
    return _summaries(Award.objects.filter(earner=request.auth))


@api.get(
    "/credentials/{uuid:public_id}",
    response={200: dict, 404: Problem},
    auth=None,
    url_name="credential",
    tags=["credentials"],
    summary="Get a credential's signed JSON",
)
def credential(request: HttpRequest, public_id: UUID, response: HttpResponse) -> dict | Status:
    """Return the signed Open Badges 3.0 credential, public like its page; revoked ones too."""
    award = Award.objects.only("signed_json").filter(public_id=public_id).first()
    if award is None:
        return Status(404, {"detail": "No credential with that id."})
    # Any site may fetch a public credential, as from its page.
    response["Access-Control-Allow-Origin"] = "*"
    return award.signed_json


@api.post(
    "/verify",
    response={200: VerificationResult, 400: Problem, 413: Problem, 429: Problem},
    auth=None,
    url_name="verify",
    tags=["verification"],
    summary="Verify a credential",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "An Open Badges 3.0 credential as JSON, up to 1 MiB.",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
def verify_credential(request: HttpRequest, response: HttpResponse) -> Status:
    """Check a credential's proof, issuer, dates, schema and status; say why when one fails.

    Each client address may verify a limited number of credentials a minute (429 past it).
    """
    if over_limit(request, "verify", [("ip", settings.VERIFY_RATE)], count=True):
        response["Retry-After"] = "60"
        return Status(
            429, {"detail": "Too many verifications from this address; wait a minute and retry."}
        )
    too_large = {"detail": "The credential is larger than 1 MiB; send the JSON document only."}
    declared = request.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_VERIFY_BYTES:
        return Status(413, too_large)
    try:
        body = request.body
    except RequestDataTooBig:
        return Status(413, too_large)
    if len(body) > MAX_VERIFY_BYTES:
        return Status(413, too_large)
    if not body.strip():
        return Status(400, {"detail": "Send the credential as the JSON body of the request."})
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Status(400, {"detail": "The body is not UTF-8 text; send the credential as JSON."})
    except RecursionError:
        return Status(400, {"detail": "The body nests too deeply to be a credential."})
    except ValueError as error:
        return Status(400, {"detail": f"The body is not valid JSON ({error})."})
    if not isinstance(document, dict):
        return Status(400, {"detail": "The body must be a JSON object: the credential itself."})
    return Status(200, verify(document))


@api.get(
    "/organisations/{int:organisation_id}/credentials",
    response={200: list[IssuedCredential], 401: Problem, 404: Problem, 422: InvalidRequest},
    auth=TOKEN_OR_SESSION,
    url_name="organisation-credentials",
    tags=["credentials"],
    summary="List credentials an organisation issued",
)
@paginate(Pages)
def organisation_credentials(request: SignedInRequest, organisation_id: int) -> QuerySet[Award]:
    """Return credentials issued by the organisation's issuers and those below it; leaders only."""
    organisation = get_led_organisation_for_user(request.auth, organisation_id)
    awards = Award.objects.filter(issuer__organisation__path__startswith=organisation.path)
    return _summaries(awards).select_related("earner")
