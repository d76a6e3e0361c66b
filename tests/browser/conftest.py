"""Chromium for the browser tests: one browser per test process, a fresh context per test."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from assessments.models import Assessment, Rating
from assessments.tests.helpers import answer_all, seat, start
from organisations.models import Organisation, Person, Role
from tests.base import TrellisTestCase

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

# Assertions wait for their condition up to this long; busy CI machines need the headroom.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make browser-deps`.")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=120_000
        )
        yield launched
        launched.close()


@pytest.fixture
def new_context(browser: Browser, live_server) -> Iterator[Callable[..., BrowserContext]]:
    """Open browser contexts on the live server; all of them close after the test."""
    opened: list[BrowserContext] = []

    def open_context(**options) -> BrowserContext:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=live_server.url, **options)
        # Generous, because CI machines can be busy; every wait ends as soon as its condition holds.
        context.set_default_timeout(20_000)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


class World:
    """The named people and places of tests/base.py, and the assessment their school runs."""

    alice: Person
    bob: Person
    paula: Person
    dana: Person
    clarendon: Organisation
    walker_gamble: Organisation
    assessment: Assessment


@pytest.fixture
def world(transactional_db) -> type[World]:
    # Reuse the people tests/base.py describes; a fresh subclass keeps each test's set apart.
    people = type("BrowserWorld", (TrellisTestCase, World), {})
    people.setUpTestData()
    people.assessment = start(
        people.walker_gamble,
        people.rubric,
        people.paula,
        [
            (people.alice, Role.TEACHER),
            (people.bob, Role.TEACHER),
            (people.paula, Role.ADMINISTRATOR),
            (people.dana, Role.POLICYMAKER),
        ],
    )
    # Bob and Paula have already answered, seeing area 1 differently, so the report has a story.
    answer_all(
        seat(people.assessment, people.bob),
        {1: Rating.BELOW, 2: Rating.EXCEEDS, 3: Rating.BELOW},
        evidence="Grade teams plan together every Tuesday.",
    )
    answer_all(seat(people.assessment, people.paula), Rating.EXCEEDS, evidence="Shared planning.")
    return people
