"""The plan page's forms in Chromium: the framework's lists come in place, one list per kind."""

import pytest
from playwright.sync_api import Page, expect

from frameworks.models import Competency, Framework
from plans import actions

from .support import shoot, sign_in

pytestmark = pytest.mark.browser


def test_choosing_a_framework_brings_only_its_competencies_and_levels(
    world, new_context, live_server
) -> None:
    plan = actions.start_plan(world.alice, world.walker_gamble)
    ten_roles = Framework.objects.get(key="leadership-roles", organisation__isnull=True)
    context = new_context()
    sign_in(context, world.alice, live_server.url)
    page: Page = context.new_page()
    page.goto(f"/plans/{plan.pk}/")
    page.locator("#add-target summary").click()
    page.select_option("#target-framework", str(ten_roles.pk))
    first = Competency.objects.filter(framework=ten_roles).order_by("tree_order").first()
    expect(page.locator(f"#target-competency option[value='{first.pk}']")).to_have_count(1)
    expect(page.locator("#target-level option")).to_have_count(1 + ten_roles.levels.count())
    expect(page.locator("#target-fields input[name=framework]")).to_have_value(str(ten_roles.pk))
    page.select_option("#target-competency", str(first.pk))
    page.select_option("#target-level", label="Proficient")
    page.get_by_role("button", name="Save target").click()
    expect(page.locator("#targets")).to_contain_text(first.name)
    assert plan.targets.get().competency == first


def test_adding_an_item_shows_only_the_list_for_its_kind(world, new_context, live_server) -> None:
    plan = actions.start_plan(world.alice, world.walker_gamble)
    context = new_context()
    sign_in(context, world.alice, live_server.url)
    page: Page = context.new_page()
    page.goto(f"/plans/{plan.pk}/")
    page.locator("#add-item summary").click()
    expect(page.locator("#item-micro_credential")).to_be_visible()
    expect(page.locator("#item-resource")).to_be_hidden()
    page.select_option("#item-kind", "resource")
    expect(page.locator("#item-resource")).to_be_visible()
    expect(page.locator("#item-micro_credential")).to_be_hidden()
    page.select_option("#item-kind", "mentoring")
    for name in ("micro_credential", "resource", "playlist", "experience"):
        expect(page.locator(f"#item-{name}")).to_be_hidden()
    # A refused item brings the page back at the open form, with the summary at the top.
    page.get_by_role("button", name="Add to my plan").click()
    expect(page.get_by_role("alert")).to_contain_text("Give the item a title")
    expect(page.locator("#add-item")).to_have_attribute("open", "")
    assert page.url.endswith("#add-item")
    assert page.evaluate("window.scrollY") > 0
    shoot(page, "plan-item-refused")
