"""A people picker in Chromium: typing finds people in place, by keyboard, and passes axe-core."""

import pytest
from playwright.sync_api import Page, expect

from learning.models import Cohort
from organisations.people_picker import SHOWN
from organisations.tests.helpers import add_teachers

from .support import axe_violations, describe, shoot, sign_in

pytestmark = pytest.mark.browser


def test_typing_a_name_lists_who_matches_and_the_ticked_ones_stay(
    world, new_context, live_server
) -> None:
    teachers = add_teachers(world.walker_gamble, SHOWN + 15)
    context = new_context()
    sign_in(context, world.paula, live_server.url)
    page: Page = context.new_page()
    page.goto("/learning/cohorts/new/")
    members = page.locator("#id_members-choices")
    expect(members.locator("input[type=checkbox]")).to_have_count(SHOWN)
    expect(page.locator("#id_members-status")).to_contain_text(f"The first {SHOWN} of")

    page.locator("#id_name").fill("Reading leaders")
    facilitator = page.get_by_label("Find a person by name or email")
    facilitator.fill("alice avery")
    expect(page.locator("#id_facilitator-choices input[type=radio]")).to_have_count(1)
    page.locator("#id_facilitator-choices").get_by_label("Alice Avery").check()

    search = page.get_by_label("Find people by name or email")
    search.fill(teachers[-1].email)
    expect(page.locator("#id_members-status")).to_have_text(
        f"1 person matches “{teachers[-1].email}”."
    )
    members.locator(f"input[value='{teachers[-1].pk}']").check()
    # Enter searches in place: nothing is posted and the ticked box stays ticked.
    search.fill("bob brooks")
    search.press("Enter")
    expect(members.locator(f"input[value='{world.bob.pk}']")).to_have_count(1)
    expect(members.locator(f"input[value='{teachers[-1].pk}']")).to_be_checked()
    assert not Cohort.objects.exists()
    members.locator(f"input[value='{world.bob.pk}']").check()
    shoot(page, "people-picker")
    page.get_by_role("button", name="Create the cohort").click()
    expect(page.locator("h1")).to_have_text("Reading leaders")
    cohort = Cohort.objects.get(name="Reading leaders")
    assert cohort.facilitator == world.alice
    assert set(cohort.members.all()) == {teachers[-1], world.bob}


def test_the_cohort_form_with_a_search_has_no_serious_accessibility_violations(
    world, new_context, live_server
) -> None:
    add_teachers(world.walker_gamble, SHOWN + 15)
    # axe is injected as an inline script, which the site's Content Security Policy forbids.
    context = new_context(bypass_csp=True)
    sign_in(context, world.paula, live_server.url)
    page: Page = context.new_page()
    page.goto("/learning/cohorts/new/")
    page.get_by_label("Find people by name or email").fill("given00")
    expect(page.locator("#id_members-status")).to_contain_text("matching “given00”")
    violations = axe_violations(page)
    assert not violations, describe(violations)
