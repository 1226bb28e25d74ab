"""A visitor finds a lunch club within 5 miles of a postcode and suggests a new
walking group; an editor approves it and it appears in search; a practitioner
prints a shortlist for a member. Every page passes axe-core."""

import pytest
from playwright.sync_api import expect

from core.testing_browser import check_page, sign_in
from directory.models import Referral
from directory.postcodes import SAMPLE, import_postcodes
from directory.tests.factories import category, entry
from people.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_find_suggest_approve_and_signpost(page, world):
    import_postcodes(SAMPLE)
    lunch = category("Lunch clubs")
    category("Walking groups")
    p = world.partnership
    entry(
        p,
        "Kirkton Lunch Club",
        category=str(lunch.pk),
        address_1="Church Hall",
        city="Kirkton",
        postal_code="GB2 2AB",
        days="TU",
        opens_at="12:00",
        closes_at="14:00",
        phone="01592 600123",
    )
    entry(
        p,
        "Strathmuir Friendship Lunch",
        category=str(lunch.pk),
        address_1="Village Hall",
        city="Strathmuir",
        postal_code="GB4 3AA",
    )
    entry(p, "Far Away Lunch Club", category=str(lunch.pk))

    # A visitor, not signed in, looks for a lunch club near a postcode.
    page.goto("/directory/")
    check_page(page, "directory-search")
    page.get_by_label("What are you looking for?").fill("lunch club")
    page.get_by_label("Near (postcode or town)").fill("GB2 1AA")
    page.get_by_label("Within").select_option(label="5 miles")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Kirkton Lunch Club")).to_be_visible()
    expect(page.get_by_text("miles away").first).to_be_visible()
    expect(page.get_by_role("link", name="Far Away Lunch Club")).to_have_count(0)
    check_page(page, "directory-results")
    page.get_by_role("link", name="Kirkton Lunch Club").click()
    expect(page.get_by_text("Every Tuesday, from 12pm to 2pm")).to_be_visible()
    expect(page.get_by_text("Last checked on")).to_be_visible()
    check_page(page, "directory-service")

    # They suggest a walking group they go to.
    page.goto("/directory/suggest/")
    page.get_by_label("Name of the group or service").fill("Kirkton Riverside Walkers")
    page.get_by_label("What it offers").fill("A friendly walk along the river, every Thursday.")
    page.get_by_label("Category").select_option(label="Walking groups")
    page.get_by_label("Postcode").fill("GB2 1AB")
    page.get_by_label("Thursday").check()
    page.get_by_label("Your email address").fill("walker@example.org")
    check_page(page, "directory-suggest")
    page.wait_for_timeout(3200)  # people take a few seconds; the form turns away instant robots
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.get_by_text("A directory editor will look at your suggestion")).to_be_visible()

    # The editor approves it from the queue.
    sign_in(page, "priya@example.org")
    page.goto("/directory/queue/")
    check_page(page, "directory-queue")
    page.get_by_role("link", name="Kirkton Riverside Walkers").click()
    expect(page.get_by_role("heading", name="Kirkton Riverside Walkers")).to_be_visible()
    check_page(page, "directory-review")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Approved. The entry is in the directory.")).to_be_visible()

    # It appears in search.
    page.goto("/directory/?q=walking&near=GB2+1AA&within=5")
    expect(page.get_by_role("link", name="Kirkton Riverside Walkers")).to_be_visible()
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out", exact=True).first.click()

    # A practitioner makes a shortlist for a member they support, and prints it.
    Membership.objects.create(person=world.claire, organisation=world.council, role="member")
    sign_in(page, "iain@example.org")
    page.goto(f"/directory/people/{world.claire.pk}/shortlist/?q=lunch")
    page.get_by_label("Kirkton Lunch Club").check()
    page.get_by_label("A note for them").fill("Tuesday lunches: tell them Iain sent you.")
    check_page(page, "directory-shortlist-new")
    page.get_by_role("button", name="Make the shortlist").click()
    expect(page.get_by_role("heading", name="Suggestions for Claire")).to_be_visible()
    check_page(page, "directory-shortlist")
    page.get_by_role("button", name="Print it for them").click()
    expect(page.get_by_text("Recorded as given on paper")).to_be_visible()
    check_page(page, "directory-shortlist-printed")
    assert Referral.objects.filter(person=world.claire, route="printed").count() == 1
