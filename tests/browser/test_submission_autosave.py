"""A micro-credential submission in Chromium: an answer typed just before leaving is kept."""

import time

import pytest
from playwright.sync_api import expect

from credentials import actions
from credentials.models import Answer, Requirement
from credentials.tests.helpers import make_issuer, publish_sample

from .support import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("leave", ["another page", "closed tab"])
def test_an_answer_typed_just_before_leaving_is_saved(
    world, new_context, live_server, leave: str
) -> None:
    micro_credential = publish_sample(make_issuer())
    submission = actions.start_submission(micro_credential, world.alice)
    requirement = micro_credential.requirements.exclude(kind=Requirement.Kind.ARTIFACT).first()
    context = new_context()
    sign_in(context, world.alice, live_server.url)
    page = context.new_page()
    url = f"/submissions/{submission.pk}/"
    page.goto(url)
    box = page.locator(f"#answer-{requirement.pk}")
    # Faster than the autosave's pause, and gone at once: no change event, no timer.
    box.press_sequentially("We met every Tuesday.")
    if leave == "closed tab":
        page.close(run_before_unload=True)
    else:
        page.goto("/")

    deadline, text = time.monotonic() + 10, ""
    while time.monotonic() < deadline and text != "We met every Tuesday.":
        answer = Answer.objects.filter(submission=submission, requirement=requirement).first()
        text = answer.text if answer else ""
        time.sleep(0.1)
    assert text == "We met every Tuesday."
    again = context.new_page()
    again.goto(url)
    expect(again.locator(f"#answer-{requirement.pk}")).to_have_value("We met every Tuesday.")
