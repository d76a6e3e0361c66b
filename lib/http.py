"""Request types for views: behind sign-in, `request.user` is a Person, never an anonymous user."""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    # django-stubs resolves this alias to settings.AUTH_USER_MODEL (organisations.Person), so lib
    # names the signed-in person's type without importing an app on a higher floor.
    from django.contrib.auth.models import _User


class HtmxHttpRequest(HttpRequest):
    """Any request: django-htmx's middleware says whether htmx sent it (`request.htmx`)."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    """A request from a signed-in person: what a view behind `login_required` receives."""

    user: "_User"
