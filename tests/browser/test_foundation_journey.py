"""A broker registers Anne, 81, who has no email address, with consent given on
her behalf; adds what she brings and what matters to her; her record shows it
all, and the audit log shows what the broker did. Every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from core.testing_browser import check_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_broker_registers_an_older_member_without_email(page, world):
    sign_in(page, "morag@example.org")
    check_page(page, "broker-home")

    page.get_by_role("link", name="Register someone").first.click()
    check_page(page, "register-empty")

    # A first try with a mistake keeps what was typed.
    page.get_by_role("textbox", name="First name").fill("Agnes")
    page.get_by_role("textbox", name="Last name").fill("Laing")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("1945")
    page.get_by_label("Phone", exact=False).first.check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_role("textbox", name="First name")).to_have_value("Agnes")
    check_page(page, "register-errors")

    page.get_by_label("Day").fill("14")
    page.locator("#id_phone").fill("01592 610999")
    page.get_by_label("Health and access needs", exact=False).check()
    page.get_by_label("Someone on their behalf").check()
    page.get_by_label("Name of the person who gave it on their behalf").fill("Jean Laing")
    page.get_by_label("Their relationship or authority").fill("daughter, power of attorney")
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", name="Agnes Laing")).to_be_visible()
    expect(page.get_by_text("is registered")).to_be_visible()
    expect(page.get_by_text("by Jean Laing on their behalf").first).to_be_visible()
    check_page(page, "person-record")

    page.get_by_role("link", name="Add or remove skills, knowledge, interests and networks").click()
    page.get_by_label("What is it?").select_option(label="Knitting")
    page.get_by_label("Tell us a little more").fill("Sixty years of knitting, happy to teach")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Sixty years of knitting")).to_be_visible()
    check_page(page, "person-assets")
    page.get_by_role("link", name="Done").click()

    page.get_by_role("link", name="Write what matters").click()
    page.get_by_label("What matters to you").fill("Staying in my own home and getting to church.")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Change access needs").click()
    page.get_by_label("Large print").check()
    page.get_by_role("button", name="Save").click()

    record = page.locator("main")
    expect(record.get_by_text("Staying in my own home and getting to church.")).to_be_visible()
    expect(record.get_by_text("Sixty years of knitting, happy to teach")).to_be_visible()
    expect(record.get_by_text("large print")).to_be_visible()
    expect(record.get_by_text("01592 610999")).to_be_visible()
    expect(record.get_by_text(re.compile("Registered a person"))).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "alasdair@example.org")
    page.get_by_role("link", name="Audit log").first.click()
    log = page.locator("table")
    expect(log.get_by_text("Registered a person")).to_be_visible()
    expect(log.get_by_text("Added an asset")).to_be_visible()
    expect(log.get_by_text("Morag Kerr").first).to_be_visible()
    check_page(page, "audit-log")


def test_acting_for_anne_shows_a_banner_and_her_pages(page, world):
    sign_in(page, "morag@example.org")
    page.goto(f"/people/{world.anne.pk}/")
    page.get_by_role("button", name="Act for Anne Baxter").click()
    banner = page.get_by_role("region", name="Acting for someone")
    expect(banner).to_contain_text("You are acting for Anne Baxter")
    check_page(page, "acting-for-anne")
    page.get_by_role("button", name="Stop acting for them").click()
    expect(banner).to_have_count(0)


def test_public_pages_pass_accessibility_checks(page, world):
    for path, name in [
        ("/", "home-public"),
        ("/glossary/", "glossary"),
        ("/accessibility/", "accessibility"),
        ("/privacy/", "privacy"),
        ("/accounts/login/", "sign-in"),
        ("/accounts/signup/", "sign-up"),
        ("/accounts/password/reset/", "password-reset"),
    ]:
        page.goto(path)
        check_page(page, name)
