"""Fixtures for the whole suite: the personas' world, signed-in clients, and the browser."""

import os
import shutil

import pytest

from core.testing import build_world

# Playwright's sync API runs an event loop in the test thread; the test's own
# database calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("COPRODUCE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def client_for(client):
    """client_for(person) -> the test client, signed in as that person (None: anonymous)."""

    def sign_in(person):
        client.logout()
        if person is not None:
            client.force_login(person.user)
        return client

    return sign_in


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM) and not shutil.which("chromium"):
        if os.environ.get("COPRODUCE_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is needed for browser tests and is not at {CHROMIUM}")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}: browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
