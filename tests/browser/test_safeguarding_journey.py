"""A broker records a PVG check for a helper; the helper checks in and out of a
visit; a member raises a concern; the broker sees it on her home page and
closes it with an outcome. Every page passes axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.testing_browser import check_page, sign_in
from safeguarding import services
from safeguarding.models import Check, Concern, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_checks_visits_and_a_concern_from_raising_to_closing(page, world):
    start = timezone.now() - datetime.timedelta(minutes=10)
    services.visit_schedule(
        subject="timebank.exchange:1",
        helper=world.claire,
        member=world.anne,
        organisation=world.timebank_org,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        by=world.morag.user,
    )

    # The broker records a PVG check she has seen.
    sign_in(page, "morag@example.org")
    page.get_by_role("link", name="Safeguarding").first.click()
    expect(page.get_by_role("heading", name="Checks on helpers")).to_be_visible()
    check_page(page, "safeguarding-checks")
    page.get_by_role("link", name="Record a check").first.click()
    page.get_by_label("Helper").select_option(label="Claire Donnelly")
    page.get_by_label("Disclosure check").check()
    page.get_by_label("PVG scheme (Scotland)").check()
    page.get_by_label("Certificate or membership number").fill("1234")
    issued = page.get_by_role("group", name="Date issued or done")
    issued.get_by_label("Day").fill("3")
    issued.get_by_label("Month").fill("2")
    issued.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_label("Certificate or membership number")).to_have_value("1234")
    check_page(page, "safeguarding-check-errors")
    page.get_by_label("Certificate or membership number").fill("1234 5678 9012 3456")
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_role("heading", name="Checks on Claire Donnelly")).to_be_visible()
    expect(page.get_by_text("1234567890123456")).to_be_visible()
    check_page(page, "safeguarding-helper")
    assert Check.objects.get().verified_by == world.morag.user

    page.get_by_role("link", name="All checks").click()
    for link in ("Extra care", "Visits", "Policy"):
        page.get_by_role("link", name=link, exact=True).click()
        check_page(page, f"safeguarding-{link.lower().replace(' ', '-')}")
    page.get_by_role("button", name="Sign out").click()

    # The helper checks in and out with the big buttons on her home page.
    sign_in(page, "claire@example.org")
    expect(page.get_by_role("heading", name="Your visits today")).to_be_visible()
    check_page(page, "safeguarding-helper-home")
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_text("You are checked in")).to_be_visible()
    check_page(page, "safeguarding-visit")
    page.get_by_role("button", name="Check out").click()
    expect(page.get_by_text("Checked out. Thank you.")).to_be_visible()
    visit = Visit.objects.get()
    assert visit.checked_in_at and visit.checked_out_at

    # She raises a concern about the visit.
    page.get_by_role("link", name="Worried about something? Raise a concern").click()
    expect(page.get_by_text("This concern is about Anne Baxter.")).to_be_visible()
    page.get_by_role("button", name="Send the concern").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    check_page(page, "safeguarding-concern-errors")
    page.get_by_label("Someone is not being looked after").check()
    page.get_by_label("It needs looking at in the next day or two").check()
    page.get_by_label("What happened?").fill("Anne had no heating on and said the boiler broke.")
    page.get_by_role("button", name="Send the concern").click()
    expect(page.get_by_role("heading", name="Concern sent")).to_be_visible()
    check_page(page, "safeguarding-concern-sent")
    page.goto("/safeguarding/me/")
    check_page(page, "safeguarding-me")
    page.get_by_role("button", name="Sign out").click()

    # The broker sees it on her home page, deals with it and closes it.
    sign_in(page, "morag@example.org")
    panel = page.locator("section", has=page.get_by_role("heading", name="Safeguarding"))
    expect(panel.get_by_text("Someone is not being looked after")).to_be_visible()
    check_page(page, "safeguarding-broker-home")
    panel.get_by_role("link", name="Someone is not being looked after").click()
    expect(page.get_by_text("Anne had no heating on")).to_be_visible()
    page.get_by_label("What was done").fill("Phoned the council's repairs line; engineer today.")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("Added to the timeline.")).to_be_visible()
    check_page(page, "safeguarding-concern")
    page.get_by_role("link", name="Close with an outcome").click()
    page.get_by_label("Outcome").fill("Boiler fixed the same day. Anne is warm and well.")
    check_page(page, "safeguarding-concern-close")
    page.get_by_role("button", name="Close the concern").click()
    expect(page.get_by_text("Concern closed.")).to_be_visible()
    check_page(page, "safeguarding-concerns")
    concern = Concern.objects.get()
    assert concern.status == "closed" and concern.actions.count() == 2
