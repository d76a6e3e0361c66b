"""Helpers the browser tests share: signing in, screenshots and the axe-core check."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import BrowserContext, Page

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path("/tmp/trellis-shots")
BLOCKING_IMPACTS = {"serious", "critical"}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


def sign_in(context: BrowserContext, person, base_url: str) -> None:
    """Give the browser a signed-in session cookie, as if the person had used the form."""
    client = Client()
    client.force_login(person)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )


def shoot(page: Page, name: str) -> Path:
    """Save a full-page screenshot to /tmp/trellis-shots so a person can look at the layout."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    # Tall pages take a while to capture on a busy machine; the picture is not the test.
    page.screenshot(path=str(path), full_page=True, timeout=60_000)
    return path


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page and return its serious and critical violations."""
    if not AXE.exists():
        pytest.fail(
            f"axe-core is not installed ({AXE} is missing): run `make node-deps`, "
            "which runs `npm ci --prefix tests/browser`."
        )
    page.add_script_tag(path=str(AXE))
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    """Format violations so a failing test says what to fix and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']} — {violation['help']}")
        lines += [f"    {target}" for target in violation["nodes"][:10]]
    return "\n".join(lines)
