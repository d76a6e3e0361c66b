"""Every main page passes axe-core, works by keyboard and fits a phone screen."""

import re

import pytest
from playwright.sync_api import Page, expect

from organisations import actions as organisation_actions

from .conftest import PHONE
from .support import axe_violations, describe, shoot, sign_in

pytestmark = pytest.mark.browser

STAFF_FILE = "email,given_name,family_name,role\nnot-an-email,Bad,Row,teacher\n"

# Each main page with the person who would open it; None is an anonymous visitor.
PAGES = {
    "sign-in": (None, lambda w: "/accounts/login/"),
    "home": ("alice", lambda w: "/"),
    "assessments": ("paula", lambda w: "/assessments/"),
    "answer": ("alice", lambda w: f"/assessments/{w.assessment.pk}/answer/"),
    "submit": ("alice", lambda w: f"/assessments/{w.assessment.pk}/submit/"),
    "report": ("paula", lambda w: f"/assessments/{w.assessment.pk}/report/"),
    "assessment-detail": ("paula", lambda w: f"/assessments/{w.assessment.pk}/"),
    "overview": ("dana", lambda w: f"/assessments/organisations/{w.clarendon.pk}/"),
    "organisation": ("dana", lambda w: f"/organisations/{w.clarendon.pk}/"),
    "people": ("dana", lambda w: f"/organisations/{w.clarendon.pk}/people/"),
    "staff-import": ("dana", lambda w: f"/organisations/{w.clarendon.pk}/people/import/"),
    "import-preview": ("dana", lambda w: _pending_import_url(w)),
    "instruments": ("paula", lambda w: "/assessments/instruments/"),
    "instrument": ("paula", lambda w: f"/assessments/instruments/{w.rubric.pk}/"),
}

OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-scroll"))
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""))
    .slice(0, 10);
}"""


def _pending_import_url(world) -> str:
    pending, _parsed = organisation_actions.preview_staff_import(
        world.clarendon, world.dana, "staff.csv", STAFF_FILE
    )
    return f"/organisations/{world.clarendon.pk}/people/import/{pending.pk}/"


def open_page(new_context, live_server, world, name: str, **options) -> Page:
    who, url = PAGES[name]
    context = new_context(**options)
    if who:
        sign_in(context, getattr(world, who), live_server.url)
    page = context.new_page()
    response = page.goto(url(world))
    assert response and response.ok, f"{name} answered {response and response.status}"
    return page


@pytest.mark.parametrize("name", PAGES)
def test_the_page_has_no_serious_accessibility_violations(
    world, new_context, live_server, name: str
) -> None:
    # axe is injected as an inline script, which the site's Content Security Policy forbids.
    page = open_page(new_context, live_server, world, name, bypass_csp=True)
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
    shoot(page, f"{name}-desktop")
    violations = axe_violations(page)
    assert not violations, f"axe-core found on {name}:\n{describe(violations)}"


@pytest.mark.parametrize("name", PAGES)
def test_the_page_fits_a_phone_screen_without_sideways_scrolling(
    world, new_context, live_server, name: str
) -> None:
    page = open_page(new_context, live_server, world, name, viewport=PHONE, is_mobile=True)
    shoot(page, f"{name}-phone")
    sticking_out = page.evaluate(OVERFLOWING)
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"] and not sticking_out, (
        f"{name} is {scroll_width}px wide on a {PHONE['width']}px phone: {sticking_out}"
    )


def test_the_keyboard_reaches_the_skip_link_then_the_main_navigation(
    world, new_context, live_server
) -> None:
    page = open_page(new_context, live_server, world, "home")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main")).to_be_focused()

    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    reached = []
    while "Assessments" not in reached and len(reached) < 10:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.textContent.trim()"))
    assert reached[:3] == ["Skip to content", "▦ Trellis", "Home"], reached
    expect(navigation.get_by_role("link", name="Assessments")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/assessments/$"))
