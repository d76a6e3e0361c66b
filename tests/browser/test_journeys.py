"""What people do in Trellis, done in a real Chromium against the live server."""

import re

import pytest
from playwright.sync_api import Page, expect

from assessments.models import AreaAgreement, NextStep, Rating, Response
from assessments.tests.helpers import seat
from organisations.models import Membership
from tests.base import PASSWORD

from .support import shoot, sign_in

pytestmark = pytest.mark.browser

PAINTED_PIXELS = """() => {
  const canvas = document.getElementById("spread-chart");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted += 1;
  return painted;
}"""


def signed_in_page(new_context, person, live_server) -> Page:
    context = new_context()
    sign_in(context, person, live_server.url)
    return context.new_page()


def test_a_teacher_signs_in_with_her_email_and_password(world, page: Page) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email").fill("alice@clarendon.example")
    page.get_by_label("Password").fill("not-her-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("alice@clarendon.example")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Alice")
    expect(page.get_by_role("link", name="Spring review")).to_be_visible()


def test_answers_save_as_the_teacher_types_and_survive_leaving_the_page(
    world, new_context, live_server
) -> None:
    page = signed_in_page(new_context, world.alice, live_server)
    page.goto(f"/assessments/{world.assessment.pk}/answer/")
    first = page.locator("article.criterion").first
    status = first.locator(".save-status")
    expect(status).to_have_text("")

    first.get_by_label("Evidence of success").press_sequentially(
        "Teachers lead our planning days.", delay=10
    )
    expect(status).to_contain_text("Saved at")
    with page.expect_response(lambda r: r.request.method == "POST") as saved:
        first.get_by_label("Meets").check()
    assert saved.value.ok
    shoot(page, "answer-autosaved-desktop")

    page.goto("/")
    page.go_back()
    page.reload()
    first = page.locator("article.criterion").first
    expect(first.get_by_label("Evidence of success")).to_have_value(
        "Teachers lead our planning days."
    )
    expect(first.get_by_label("Meets")).to_be_checked()
    response = Response.objects.get(member=seat(world.assessment, world.alice))
    assert (response.rating, response.evidence) == (
        Rating.MEETS,
        "Teachers lead our planning days.",
    )


def test_submitting_with_unanswered_criteria_needs_the_confirmation(
    world, new_context, live_server
) -> None:
    page = signed_in_page(new_context, world.alice, live_server)
    page.goto(f"/assessments/{world.assessment.pk}/submit/")
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("12 criteria have no rating yet")
    expect(warning.get_by_role("link")).to_have_count(12)
    shoot(page, "submit-warning-desktop")

    page.get_by_role("button", name="Submit my answers").click()
    confirmation = page.get_by_label("I understand; submit with these criteria unanswered.")
    assert confirmation.evaluate("box => box.validity.valueMissing")
    expect(page).to_have_url(re.compile(r"/submit/$"))
    assert seat(world.assessment, world.alice).submitted_at is None

    confirmation.check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page).to_have_url(re.compile(r"/report/$"))
    expect(page.get_by_role("status")).to_contain_text("Your answers are submitted")
    assert seat(world.assessment, world.alice).submitted_at is not None


def test_the_team_report_draws_the_chart_beside_an_accessible_table(
    world, new_context, live_server
) -> None:
    page = signed_in_page(new_context, world.paula, live_server)
    page.goto(f"/assessments/{world.assessment.pk}/report/")
    page.wait_for_function("() => Chart.getChart(document.getElementById('spread-chart'))")
    box = page.locator("#spread-chart").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    assert page.evaluate(PAINTED_PIXELS) > 1000

    table = page.get_by_role("table", name="Ratings per focus area")
    expect(table.locator("tbody tr")).to_have_count(12)
    expect(table.locator("tbody tr").first).to_contain_text("1. ")
    expect(table.locator("tbody tr").first).to_contain_text("perceptions differ")
    differ = page.locator(
        "section", has=page.get_by_role("heading", name="Where perceptions differ")
    )
    expect(differ.locator("article").first).to_contain_text("Bob Brooks")
    shoot(page, "report-desktop")


def test_a_principal_records_the_agreed_position_and_a_next_step(
    world, new_context, live_server
) -> None:
    page = signed_in_page(new_context, world.paula, live_server)
    page.goto(f"/assessments/{world.assessment.pk}/report/")
    area = page.locator("article[id^='area-']").first
    area.get_by_text("Record what the team agreed").click()
    area.get_by_role("group", name="Agreed rating").get_by_label("Meets").check()
    area.get_by_label("What the team agreed").fill("Planning time exists but is not protected.")
    area.get_by_role("button", name="Save the position").click()
    expect(page.get_by_role("status")).to_contain_text("Saved the team’s position")

    area = page.locator("article[id^='area-']").first
    expect(area).to_contain_text("Team agreed: Meets — Planning time exists but is not protected.")
    area.get_by_text("Record what the team agreed").click()
    area.get_by_label("Next step (who does what by when)").fill("Draft a protected-time proposal")
    area.get_by_label("Who", exact=True).select_option(label="Alice Avery")
    area.get_by_label("By when", exact=True).fill("2026-05-01")
    area.get_by_role("button", name="Add the step").click()
    expect(page.get_by_role("status")).to_contain_text("Added the next step.")
    expect(page.locator("article[id^='area-']").first).to_contain_text(
        "Draft a protected-time proposal — Alice Avery"
    )

    agreement = AreaAgreement.objects.get(assessment=world.assessment)
    assert (agreement.rating, agreement.updated_by) == (Rating.MEETS, world.paula)
    step = NextStep.objects.get(assessment=world.assessment)
    assert (step.owner, str(step.due_on)) == (world.alice, "2026-05-01")


def test_a_district_policymaker_opens_the_district_overview(
    world, new_context, live_server
) -> None:
    page = signed_in_page(new_context, world.dana, live_server)
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="District overview"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Conditions across Clarendon County School District 3"
    )
    schools = page.locator("section", has=page.get_by_role("heading", name="Schools"))
    expect(schools.get_by_role("row", name=re.compile("Walker-Gamble"))).to_contain_text(
        "Collecting answers"
    )
    expect(schools.get_by_role("row", name=re.compile("St. Paul Middle"))).to_contain_text(
        "not started"
    )
    weakest = page.locator("section", has=page.get_by_role("heading", name="Weakest areas"))
    expect(weakest.locator("tbody tr").first).to_contain_text("1. ")
    shoot(page, "overview-desktop")


def test_the_staff_import_preview_names_each_bad_row(world, new_context, live_server) -> None:
    page = signed_in_page(new_context, world.dana, live_server)
    page.goto(f"/organisations/{world.clarendon.pk}/")
    page.get_by_role("button", name="Import staff from CSV").click()
    page.get_by_label("Staff file").set_input_files(
        {
            "name": "staff.csv",
            "mimeType": "text/csv",
            "buffer": (
                "email,given_name,family_name,role,school\n"
                "maria@clarendon.example,María,López,teacher,Walker-Gamble Elementary\n"
                "not-an-email,Bad,Row,teacher,\n"
            ).encode(),
        }
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("1 row is ready to import.")).to_be_visible()
    expect(
        page.get_by_text("Line 3, email: “not-an-email” is not an email address.")
    ).to_be_visible()
    shoot(page, "import-preview-desktop")
    assert not Membership.objects.filter(person__email="maria@clarendon.example").exists()

    page.get_by_role("button", name="Import 1 good row").click()
    expect(page.get_by_role("status").first).to_contain_text("New people invited: 1.")
    assert Membership.objects.get(person__email="maria@clarendon.example").organisation_id == (
        world.walker_gamble.pk
    )
