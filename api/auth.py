"""Who is calling: a personal API token, or the browser's session for reading."""

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

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


# Reading endpoints also accept a signed-in browser, so a person can try them in the docs.
TOKEN_OR_SESSION = [PersonalToken(), django_auth]
