"""Sign-in and password-reset views that pause attackers without locking out the rightful person.

Failed sign-ins are counted per client address (across accounts) and per account and address
pair; either limit pauses that address. Per account across all addresses, the limit never
refuses: a browser that has not signed into the account before waits a few seconds before its
password is checked, and a browser that has (it holds a signed "known device" cookie) goes
straight on. docs/decisions.md, "Throttling", gives the reasons.
"""

import math
import secrets
from dataclasses import dataclass
from datetime import timedelta
from hashlib import sha256
from time import time as wall_clock
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core import signing
from django.core.cache import caches
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import ngettext

from lib.throttle import Key, client_address, wait_seconds

from .forms import SignInForm, TrellisPasswordResetForm
from .models import Person

KNOWN_DEVICE_COOKIE = "trellis_device"
KNOWN_DEVICE_SALT = "organisations.signin.known-device"
KNOWN_DEVICE_AGE = timedelta(days=365)
# A shared classroom computer remembers the last few people who signed in on it.
KNOWN_DEVICE_ACCOUNTS = 10
# Once its wait is over, a browser has this long to send its password before waiting again.
WAIT_TURN_SECONDS = 300


@dataclass(frozen=True)
class Refusal:
    """Why an attempt was not checked, and when to try again."""

    message: str
    seconds: int


def paused(seconds: int) -> Refusal:
    minutes = math.ceil(seconds / 60)
    return Refusal(
        ngettext(
            "Too many failed sign-ins. Wait %(minutes)d minute, then try again, or reset "
            "your password.",
            "Too many failed sign-ins. Wait %(minutes)d minutes, then try again, or reset "
            "your password.",
            minutes,
        )
        % {"minutes": minutes},
        seconds,
    )


def waiting(seconds: float) -> Refusal:
    whole = max(math.ceil(round(seconds, 3)), 1)
    return Refusal(
        ngettext(
            "There have been many failed sign-ins with this email, so a browser that has not "
            "signed in with it before must wait. Wait %(seconds)d second, then enter your "
            "password again.",
            "There have been many failed sign-ins with this email, so a browser that has not "
            "signed in with it before must wait. Wait %(seconds)d seconds, then enter your "
            "password again.",
            whole,
        )
        % {"seconds": whole},
        whole,
    )


def _device_proof(person: Person, device: str) -> str:
    # Bound to the password hash, so a new password forgets every known device.
    return salted_hmac(
        KNOWN_DEVICE_SALT, f"{device}:{person.pk}:{person.password}", algorithm="sha256"
    ).hexdigest()[:32]


def _read_device_cookie(request: HttpRequest) -> dict | None:
    try:
        cookie = signing.loads(
            request.COOKIES.get(KNOWN_DEVICE_COOKIE, ""),
            salt=KNOWN_DEVICE_SALT,
            max_age=KNOWN_DEVICE_AGE,
        )
    except signing.BadSignature:
        return None
    if not (
        isinstance(cookie, dict)
        and isinstance(cookie.get("device"), str)
        and isinstance(cookie.get("accounts"), dict)
    ):
        return None
    return cookie


def known_device(request: HttpRequest, account: str) -> str | None:
    """Return this browser's device id if it signed into the account, with its current password."""
    cookie = _read_device_cookie(request)
    if cookie is None or not account:
        return None
    person = Person.objects.filter(email=account, is_active=True).first()
    if person is None:
        return None
    proof = cookie["accounts"].get(str(person.pk), "")
    if proof and constant_time_compare(proof, _device_proof(person, cookie["device"])):
        return cookie["device"]
    return None


def remember_device(request: HttpRequest, response: HttpResponse, person: Person) -> None:
    """Mark this browser as one the person signed in from, in a signed cookie it keeps a year."""
    cookie = _read_device_cookie(request) or {"device": secrets.token_urlsafe(16), "accounts": {}}
    accounts = {pk: proof for pk, proof in cookie["accounts"].items() if pk != str(person.pk)}
    accounts[str(person.pk)] = _device_proof(person, cookie["device"])
    cookie["accounts"] = dict(list(accounts.items())[-KNOWN_DEVICE_ACCOUNTS:])
    response.set_cookie(
        KNOWN_DEVICE_COOKIE,
        signing.dumps(cookie, salt=KNOWN_DEVICE_SALT, compress=True),
        max_age=KNOWN_DEVICE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


class SignInAttempt:
    """One posted sign-in and the limits that apply to it."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        # Keyed by the email as typed (normalised), whether or not an account has it, so no
        # answer tells an account that exists from one that doesn't.
        self.account = request.POST.get("username", "").strip().lower()
        self.device = known_device(request, self.account)

    def _pausing_limits(self) -> tuple[str, list[tuple[Key, str]]]:
        rate = settings.SIGN_IN_ACCOUNT_ADDRESS_RATE
        if self.device:
            # A known browser answers for its own failures only: not for its network's (a
            # school shares one address) nor for the account's.
            return "sign-in-device", [(lambda _group, _request: self._pair(self.device), rate)]
        return "sign-in", [
            ("ip", settings.SIGN_IN_RATE),
            (lambda _group, request: self._pair(client_address(request)), rate),
        ]

    def _pair(self, client: str | None) -> str:
        return f"{self.account}|{client}"

    def _account_limit(self) -> list[tuple[Key, str]]:
        return [(lambda _group, _request: self.account, settings.SIGN_IN_ACCOUNT_RATE)]

    def _new_device_must_wait(self) -> bool:
        return bool(
            not self.device
            and self.account
            and wait_seconds(self.request, "sign-in-account", self._account_limit(), count=False)
        )

    def refusal(self) -> Refusal | None:
        """Return why this attempt's password must not be checked, or None to check it."""
        group, limits = self._pausing_limits()
        if seconds := wait_seconds(self.request, group, limits, count=False):
            return paused(seconds)
        if self._new_device_must_wait():
            return self._take_turn()
        return None

    def count_failure(self) -> Refusal | None:
        """Count a wrong password; return the wait the next attempt must make, if any."""
        group, limits = self._pausing_limits()
        wait_seconds(self.request, group, limits, count=True)
        if self.device:
            return None
        wait_seconds(self.request, "sign-in-account", self._account_limit(), count=True)
        if self._new_device_must_wait():
            return self._start_wait(wall_clock())
        return None

    # A browser's turn is kept per account and address in the throttle cache: the time from
    # which its next password is checked. Each turn is used once, so every guess a new browser
    # makes at an account under attack costs a wait.
    def _turn_key(self) -> str:
        pair = self._pair(client_address(self.request))
        return "sign-in-turn:" + sha256(pair.encode()).hexdigest()

    def _start_wait(self, now: float) -> Refusal:
        wait = settings.SIGN_IN_WAIT_SECONDS
        caches[settings.RATELIMIT_USE_CACHE].set(
            self._turn_key(), now + wait, wait + WAIT_TURN_SECONDS
        )
        return waiting(wait)

    def _take_turn(self) -> Refusal | None:
        cache = caches[settings.RATELIMIT_USE_CACHE]
        now = wall_clock()
        ready_at = cache.get(self._turn_key())
        # Deleting is the claim: of two requests at once, only one removes the key.
        if ready_at is not None and ready_at <= now and cache.delete(self._turn_key()):
            return None
        if ready_at is None or ready_at <= now:
            return self._start_wait(now)
        return waiting(ready_at - now)


class SignInView(LoginView):
    """Sign in; pause an address that fails too often, and slow new browsers for an attacked
    account."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True
    form_class = SignInForm
    attempt: SignInAttempt | None = None
    refusal: Refusal | None = None

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.attempt = SignInAttempt(request)
        self.refusal = self.attempt.refusal()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        refusal = self.refusal.message if self.refusal else None
        return {**super().get_form_kwargs(), "refusal": refusal}

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        remember_device(self.request, response, form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        # Only a checked, wrong password counts; a blank field is not a guess.
        if self.attempt and form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            self.refusal = self.attempt.count_failure()
            if self.refusal:
                form.add_error(None, self.refusal.message)
        response = super().form_invalid(form)
        if self.refusal:
            response.status_code = 429
            response["Retry-After"] = str(self.refusal.seconds)
        return response


class PasswordResetRequestView(PasswordResetView):
    """Send reset links, a few an hour per account at most, and refuse floods from one address."""

    form_class = TrellisPasswordResetForm

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        limits: list[tuple[Key, str]] = [("ip", settings.PASSWORD_RESET_RATE)]
        if seconds := wait_seconds(self.request, "password-reset", limits, count=True):
            # Refusing per address reveals nothing about any account, so it may say so.
            minutes = math.ceil(seconds / 60)
            form.add_error(
                None,
                ngettext(
                    "Too many password reset requests came from your network. Try again in "
                    "%(minutes)d minute.",
                    "Too many password reset requests came from your network. Try again in "
                    "%(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(seconds)
            return response
        account = form.cleaned_data["email"].strip().lower()
        limits = [(lambda _group, _request: account, settings.PASSWORD_RESET_ACCOUNT_RATE)]
        if wait_seconds(self.request, "password-reset-account", limits, count=True):
            # Send nothing, and answer exactly as when an email went out, so the page reveals
            # neither the account nor its limit.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
