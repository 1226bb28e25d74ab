"""A broker finds a helper for Anne's request for a lift, introduces Claire,
records the 1.5-hour exchange on Anne's behalf, and both statements show it.
Every page passes axe-core."""

import datetime

import pytest
from playwright.sync_api import expect

from core.testing_browser import check_page, sign_in
from timebank.models import Account
from timebank.services import listing_create
from timebank.testing import bank_for_world, give_checks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_broker_finds_a_helper_and_records_an_exchange_for_an_older_member(page, world):
    bank = bank_for_world(world)
    world.anne.date_of_birth = datetime.date(1944, 5, 1)
    world.anne.save()
    give_checks(world.claire, world.timebank_org)
    claire = Account.objects.get(bank=bank, person=world.claire)
    anne = Account.objects.get(bank=bank, person=world.anne)
    listing_create(
        account=claire,
        kind="offer",
        by=None,
        category=world.category,
        title="Lifts in my car",
        where="community",
    )
    listing_create(
        account=anne,
        kind="request",
        by=None,
        category=world.category,
        title="A lift to the eye clinic",
        where="community",
        helper_notes="Walks slowly; needs a hand into the car.",
    )

    sign_in(page, "morag@example.org")
    page.goto("/timebank/")
    check_page(page, "timebank-banks")
    page.get_by_role("link", name="Glenbrae Time Bank").click()
    check_page(page, "timebank-broker-home")

    page.get_by_role("link", name="Find a helper: A lift to the eye clinic").click()
    expect(page.get_by_text("May take this on").first).to_be_visible()
    check_page(page, "timebank-match")
    page.get_by_role("button", name="Introduce Claire Donnelly").click()
    expect(page.get_by_text("has been introduced")).to_be_visible()
    check_page(page, "timebank-exchange-proposed")

    page.get_by_role("link", name="Agree").click()
    check_page(page, "timebank-agree")
    page.get_by_role("button", name="Agree").click()

    page.get_by_role("link", name="Record the time given").click()
    page.get_by_label("How many hours?").fill("one and a half")
    page.get_by_role("button", name="Save the time").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    check_page(page, "timebank-done-error")
    page.get_by_label("How many hours?").fill("1.5")
    page.get_by_role("button", name="Save the time").click()

    page.get_by_role("link", name="Confirm").click()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Confirmed").first).to_be_visible()
    expect(page.get_by_text("1.5 hours")).to_be_visible()
    check_page(page, "timebank-exchange-confirmed")

    page.goto(anne.get_absolute_url())
    expect(page.get_by_role("cell", name="A lift to the eye clinic")).to_be_visible()
    expect(page.get_by_text("-1.5 hours")).to_be_visible()
    check_page(page, "timebank-statement-anne")

    page.goto(claire.get_absolute_url())
    expect(page.get_by_role("cell", name="A lift to the eye clinic")).to_be_visible()
    expect(page.get_by_text("1.5 hours")).to_be_visible()
    check_page(page, "timebank-statement-claire")

    page.goto(f"/timebank/{bank.slug}/insight/")
    check_page(page, "timebank-insight")
