"""Fire the same request or action from many threads at once, as a double click or a burst does."""

import threading
from collections.abc import Callable
from typing import TypeVar

from django.contrib.messages import get_messages
from django.db import connections
from django.http import HttpResponse
from django.test import Client

from lib.errors import ActionError
from organisations.models import Person

RACERS = 20
T = TypeVar("T")


def race(work: Callable[[int], T], racers: int = RACERS) -> list[T | Exception]:
    """Run `work(i)` in `racers` threads that start together; return what each gave or raised.

    Each thread has its own database connection, so each runs its own transactions, and
    closes it when done.
    """
    barrier = threading.Barrier(racers)
    outcomes: list[T | Exception] = [RuntimeError("did not run")] * racers

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=60)
            outcomes[i] = work(i)
        except Exception as error:  # kept for the test to show, never swallowed
            outcomes[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def clients_for(person: Person, racers: int = RACERS) -> list[Client]:
    """Return signed-in browsers for the person, one per racing thread."""
    clients = []
    for _ in range(racers):
        client = Client()
        client.force_login(person)
        clients.append(client)
    return clients


def post_at_once(person: Person, url: str, data: dict | None = None) -> list[HttpResponse]:
    """POST the same form from `RACERS` browsers of the person at the same moment."""
    clients = clients_for(person)
    return race(lambda i: clients[i].post(url, data or {}))


def said(response: HttpResponse) -> list[str]:
    """Return the messages the request queued for the person."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def crashed(outcomes: list) -> list:
    """Return the errors and server errors (500) among the outcomes, for a readable failure.

    An ActionError is an answer, not a crash: the page shows its sentence.
    """
    return [
        outcome
        for outcome in outcomes
        if (isinstance(outcome, Exception) and not isinstance(outcome, ActionError))
        or getattr(outcome, "status_code", 200) >= 500
    ]


def refusals(outcomes: list) -> list[str]:
    """Return the sentences of the actions that refused."""
    return [outcome.message for outcome in outcomes if isinstance(outcome, ActionError)]
