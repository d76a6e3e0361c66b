"""Every error of the API as JSON with a `detail`, in development as in production."""

import logging
from collections.abc import Callable
from functools import wraps

from django.core import signals
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern
from django.utils.log import log_response
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

security_logger = logging.getLogger("django.security")

UNAUTHORISED = (
    "Send a personal API token as 'Authorization: Bearer <token>'; "
    "an unknown or revoked token is refused."
)
# The same words for an address that matches nothing, a missing object and a forbidden one.
NOT_FOUND = "Not found."
BAD_REQUEST = "The request is malformed (too many fields, or too large); send a smaller request."
SERVER_ERROR = "The server failed to answer this request; the error is logged. Try again later."


def install_error_handlers(api: NinjaAPI) -> None:
    """Answer 401, 404, 400 and 500 in JSON; ninja already answers 422 with each problem."""

    def answer(request: HttpRequest, detail: str, status: int) -> HttpResponse:
        return api.create_response(request, {"detail": detail}, status=status)

    @api.exception_handler(AuthenticationError)
    def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = answer(request, UNAUTHORISED, 401)
        response["WWW-Authenticate"] = 'Bearer realm="trellis"'
        return response

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        # No debugging text in development, unlike ninja's own answer.
        return answer(request, NOT_FOUND, 404)

    @api.exception_handler(SuspiciousOperation)
    def bad_request(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        # As Django does for the HTML pages: a 400, and a note in the security log.
        security_logger.warning(str(exc), extra={"status_code": 400, "request": request})
        return answer(request, BAD_REQUEST, 400)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Tell error reporters (and the test client, which re-raises it) as Django would.
        signals.got_request_exception.send(sender=None, request=request)
        response = answer(request, SERVER_ERROR, 500)
        log_response(
            "Internal Server Error: %s",
            request.path,
            response=response,
            request=request,
            exception=exc,
        )
        return response


def no_endpoint(request: HttpRequest) -> JsonResponse:
    """Answer 404 in JSON for an address under the API that no endpoint matches."""
    return JsonResponse({"detail": NOT_FOUND}, status=404)


def in_json(patterns: list) -> list:
    """Return ninja's URL patterns with the errors it answers outside its handlers made JSON.

    Ninja answers a wrong method with plain text, and its root address raises Http404, which
    Django shows as an HTML page in development.
    """
    return [
        URLPattern(pattern.pattern, _json(pattern.callback), pattern.default_args, pattern.name)
        if isinstance(pattern, URLPattern)
        else pattern
        for pattern in patterns
    ]


def _json(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return no_endpoint(request)
        if response.status_code != 405:
            return response
        allowed = response["Allow"]
        detail = f"This address does not answer {request.method}; use {allowed}."
        answer = JsonResponse({"detail": detail}, status=405)
        answer["Allow"] = allowed
        return answer

    return wrapped
