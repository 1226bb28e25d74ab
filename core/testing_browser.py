"""Helpers for browser journeys: sign in through the real form, check each page
with axe-core (WCAG 2.2 A and AA rules), and keep a screenshot of it."""

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from .testing import PASSWORD

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}
_axe = Axe()


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def check_page(page, name: str, *, widths=(1024, 320)) -> None:
    """Fail on any axe violation; save a screenshot at each width for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    original = page.viewport_size
    problems = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": original["height"]})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        results = _axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            problems.append(f"at {width}px:\n{results.generate_report()}")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width + 1:
            problems.append(f"at {width}px the page scrolls sideways ({scroll}px wide)")
    page.set_viewport_size(original)
    assert not problems, f"{name} ({page.url}) has accessibility problems:\n" + "\n".join(problems)
