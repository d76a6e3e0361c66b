"""The answer page in Chromium: typing is never lost, and a refused save says why."""

import time

import pytest
from playwright.sync_api import Page, expect

from assessments import actions
from assessments.models import Assessment, Response
from assessments.tests.helpers import seat

from .support import shoot, sign_in

pytestmark = pytest.mark.browser


def signed_in_page(new_context, person, live_server) -> Page:
    context = new_context()
    sign_in(context, person, live_server.url)
    return context.new_page()


def saved_evidence(member, expected: str, within: float = 10.0) -> str:
    """Return the saved evidence once it reads as expected, or whatever it reads at the end."""
    deadline = time.monotonic() + within
    evidence = ""
    while time.monotonic() < deadline:
        response = Response.objects.filter(member=member).first()
        evidence = response.evidence if response else ""
        if evidence == expected:
            break
        time.sleep(0.1)
    return evidence


@pytest.mark.parametrize("leave", ["another page", "reload"])
def test_text_typed_just_before_leaving_the_page_is_saved(
    world, new_context, live_server, leave: str
) -> None:
    page = signed_in_page(new_context, world.alice, live_server)
    answer_url = f"/assessments/{world.assessment.pk}/answer/"
    page.goto(answer_url)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    first = page.locator("article.criterion").first
    # Typed faster than the autosave's pause, and left at once: no change event, no timer.
    first.get_by_label("Evidence of success").press_sequentially("Teachers lead planning.")
    if leave == "reload":
        page.reload()
    else:
        page.goto("/")

    member = seat(world.assessment, world.alice)
    assert saved_evidence(member, "Teachers lead planning.") == "Teachers lead planning."
    page.goto(answer_url)
    first = page.locator("article.criterion").first
    expect(first.get_by_label("Evidence of success")).to_have_value("Teachers lead planning.")
    # Nothing was lost, so nobody had to be asked whether to leave.
    assert dialogs == []


def test_a_refused_save_shows_the_servers_reason_beside_the_criterion(
    world, new_context, live_server
) -> None:
    page = signed_in_page(new_context, world.alice, live_server)
    page.goto(f"/assessments/{world.assessment.pk}/answer/")
    progress = page.locator(".answer-progress").first
    expect(progress).to_contain_text("0 of 12 criteria answered")
    first = page.locator("article.criterion").first
    status = first.locator(".save-status")
    with page.expect_response(lambda r: r.request.method == "POST"):
        first.get_by_label("Meets").check()
    expect(status).to_contain_text("Saved at")
    expect(progress).to_contain_text("1 of 12 criteria answered")
    expect(first.get_by_label("Evidence of success")).to_have_attribute("maxlength", "5000")

    # Paula stops collecting answers in her own browser while Alice still has the page open.
    actions.set_assessment_status(
        Assessment.objects.get(pk=world.assessment.pk), Assessment.Status.DISCUSSING
    )
    second = page.locator("article.criterion").nth(1)
    with page.expect_response(lambda r: r.request.method == "POST") as refused:
        second.get_by_label("Exceeds").check()
    assert refused.value.status == 400
    alert = second.locator(".save-status").get_by_role("alert")
    expect(alert).to_have_text(
        "This assessment is no longer collecting answers, so nothing was changed."
    )
    expect(second.locator(".save-status")).not_to_contain_text("check your connection")
    shoot(page, "answer-refused-desktop")

    # That change can't be saved, so leaving now asks first.
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.goto("/")
    assert dialogs == ["beforeunload"]
