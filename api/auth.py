"""Who is calling: a personal API token, or the browser's session for reading."""

from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from lib.sessions import is_session_key
from organisations.models import Person

from .access import person_for_secret


class PersonalToken(HttpBearer):
    """Accept `Authorization: Bearer <token>` with an unrevoked personal API token."""

    def authenticate(self, request: HttpRequest, token: str) -> Person | None:
        person = person_for_secret(token)
        if person is not None:
            # Access helpers of the apps read the user from the request.
            request.user = person
        return person


class SessionAuth(NinjaSessionAuth):
    """Accept a signed-in browser's session; a forged session cookie is no session."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Person | None:
        # PostgreSQL refuses text with NUL bytes: looking up such a key would be a server error.
        if key is not None and not is_session_key(key):
            return None
        return super().authenticate(request, key)


# Reading endpoints also accept a signed-in browser, so a person can try them in the docs.
TOKEN_OR_SESSION = [PersonalToken(), SessionAuth()]
