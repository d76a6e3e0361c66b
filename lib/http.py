"""Request types for views: behind sign-in, `request.user` is a Person, never an anonymous user."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    # django-stubs resolves this alias to settings.AUTH_USER_MODEL (organisations.Person), so lib
    # names the signed-in person's type without importing an app on a higher floor.
    from django.contrib.auth.models import _User


class AuthenticatedHttpRequest(HttpRequest):
    """A request from a signed-in person: what a view behind `login_required` receives."""

    user: "_User"
