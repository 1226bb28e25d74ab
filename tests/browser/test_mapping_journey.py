"""A commissioner registers an initiative, answers the plain questions and sees it
classified with reasons; invites two respondents, one who answers by link and
one on paper entered by staff; and sees the partnership star and gap list
change. Every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from core.testing_browser import check_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer(page, question: str, choice: str) -> None:
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def rate(page, ratings: dict, words: str) -> None:
    for ingredient, choice in ratings.items():
        group = page.get_by_role("group", name=re.compile(f"^{ingredient}: you know"))
        group.get_by_label(choice, exact=True).check()
    page.get_by_label("Assets: what makes you say so?").fill(words)


def star_row(page, co: str):
    return page.locator("#star-table tr", has_text=co).locator("td").first


def test_a_commissioner_maps_an_initiative_and_the_picture_changes(page, world, browser):
    sign_in(page, "fiona@example.org")
    page.get_by_role("link", name="Mapping").first.click()
    expect(page.get_by_role("heading", name="Where co-production happens")).to_be_visible()
    check_page(page, "mapping-register-empty")

    # Register it; a first try without a name keeps what was typed.
    page.get_by_role("link", name="Register an initiative").click()
    page.get_by_label("What it is for").fill("Planning the future of day services with members.")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_label("What it is for")).to_have_value(
        "Planning the future of day services with members."
    )
    check_page(page, "mapping-register-errors")
    page.get_by_label("Name", exact=True).fill("Day services redesign")
    page.get_by_label("Lead organisation").select_option(label="Hscp")
    page.get_by_label("Council", exact=True).check()
    page.get_by_label("Who it is mainly for").select_option(label="Disabled people")
    page.get_by_label("Plan: deciding priorities and services").check()
    page.get_by_role("button", name="Register").click()

    # Who takes part.
    expect(page.get_by_role("heading", name="Who takes part")).to_be_visible()
    page.get_by_label("People who use services: how many").fill("40")
    page.get_by_label("People who use services: their main part").select_option(
        label="Giving views"
    )
    page.get_by_label("Managers: how many").fill("3")
    check_page(page, "mapping-participation")
    page.get_by_role("button", name="Save and continue").click()

    # The plain questions: people were asked for views, professionals decided.
    expect(page.get_by_role("heading", name="What kind of involvement is it?")).to_be_visible()
    for question in ("Who defined the problem?", "Who decided what to do?", "Who designed it?"):
        answer(page, question, "Professionals, on their own")
    answer(page, "Who delivers it?", "Professionals, on their own")
    answer(page, "Who judges how well it works?", "Nobody, or we do not know")
    answer(page, "Were people who use services only asked for their views?", "Yes")
    for question in (
        "Did the power to decide move to people who use services?",
        "Do people who use services control a budget?",
        "Do citizens put money in, for example by fundraising?",
    ):
        answer(page, question, "No")
    answer(
        page,
        "Is it about each person's own support, or the service for everyone?",
        "The service, or services, for everyone",
    )
    answer(page, "Where people had no say, how were they reached?", "None of these")
    check_page(page, "mapping-questions")
    page.get_by_role("button", name="See the classification").click()

    headline = page.locator("#headline")
    expect(headline).to_contain_text("People were asked for their views, but professionals decided")
    expect(headline).to_contain_text("this is consultation, not co-design")
    expect(page.locator("#why")).to_contain_text("Needham and Carr would call this descriptive")
    expect(headline.get_by_role("link", name="consultation")).to_have_attribute(
        "href", re.compile("glossary")
    )
    check_page(page, "mapping-classification")

    # The picture before anyone has rated the ingredients.
    page.goto("/mapping/picture/")
    gaps = page.locator("#gaps")
    expect(gaps).to_contain_text("No one who uses services has rated the six ingredients yet.")
    expect(star_row(page, "Co-design")).to_have_text("0")
    check_page(page, "mapping-picture-before")

    # Invite two respondents.
    page.goto("/mapping/")
    page.get_by_role("link", name="Day services redesign").click()
    page.get_by_role("link", name="See the self-assessment").click()
    page.get_by_role("link", name="Invite a respondent").click()
    page.get_by_label("People who use services", exact=True).check()
    page.get_by_label("Who it is for").fill("Jean, a day centre member")
    check_page(page, "mapping-invite")
    page.get_by_role("button", name="Make the link").click()
    link = page.locator("#invitation-link").inner_text().strip()
    check_page(page, "mapping-invitation-made")
    page.get_by_role("link", name="Invite someone else").click()
    page.get_by_label("Staff", exact=True).check()
    page.get_by_label("Who it is for").fill("Day centre officer")
    page.get_by_role("button", name="Make the link").click()
    page.get_by_role("link", name="Back to the self-assessment").click()

    # The staff member answered on paper; Fiona types it in on their behalf.
    page.get_by_role(
        "link", name=re.compile("Enter a paper or interview answer .*Day centre officer")
    ).click()
    answer(page, "How was it answered?", "On paper")
    rate(
        page,
        {
            "Assets": "Fully",
            "Shared roles": "Mostly",
            "Capacity": "Mostly",
            "Mutuality": "Fully",
            "Networks": "Mostly",
            "Catalysts": "Fully",
        },
        "We listened to everyone.",
    )
    check_page(page, "mapping-paper-entry")
    page.get_by_role("button", name="Send the answers").click()
    expect(page.get_by_text("Answers entered on the respondent's behalf.")).to_be_visible()

    # Jean answers by the link, without signing in, and sees only her invitation.
    jean = browser.new_context(base_url=page.url.split("/mapping")[0]).new_page()
    jean.goto(link)
    expect(jean.get_by_role("heading", name="How well does it work together?")).to_be_visible()
    expect(jean.get_by_text("Day centre officer")).to_have_count(0)
    rate(
        jean,
        {
            "Assets": "A little",
            "Shared roles": "Not at all",
            "Capacity": "A little",
            "Mutuality": "Not at all",
            "Networks": "Partly",
            "Catalysts": "Not at all",
        },
        "We filled in a form and then they decided.",
    )
    check_page(jean, "mapping-respondent")
    jean.get_by_role("button", name="Send the answers").click()
    expect(jean.get_by_role("heading", name="Thank you")).to_be_visible()
    check_page(jean, "mapping-respondent-thanks")
    jean.context.close()

    # The self-assessment shows the gap as the finding.
    page.reload()
    expect(page.get_by_text("see assets differently")).to_be_visible()
    check_page(page, "mapping-ingredients")

    # Fiona corrects the answers: members did design it with staff.
    page.goto("/mapping/")
    page.get_by_role("link", name="Day services redesign").click()
    page.get_by_role("link", name="See why").click()
    page.get_by_role("link", name="Change the answers").click()
    answer(
        page,
        "Who designed it?",
        "People who use services, carers or community members with professionals",
    )
    answer(page, "Were people who use services only asked for their views?", "No")
    page.get_by_role("button", name="See the classification").click()
    expect(page.locator("#headline")).to_contain_text("this is co-design")

    # The star and the gap list have changed.
    page.goto("/mapping/picture/")
    expect(star_row(page, "Co-design")).to_have_text("1")
    gaps = page.locator("#gaps")
    expect(gaps).not_to_contain_text("No one who uses services has rated")
    expect(gaps).to_contain_text("see assets differently")
    expect(gaps).to_contain_text("1 of 1 initiative has no co-assessment.")
    check_page(page, "mapping-picture-after")


def test_every_other_mapping_page_passes_axe(page, world):
    """The board's pages, with something on each, checked at both widths."""
    from mapping import services
    from mapping.models import Factor, Stakeholder
    from mapping.tests.fixtures import fiona_initiative, invitation

    initiative = fiona_initiative(world)
    invitation(world, person=world.fiona)
    services.initiative_factors_set(
        initiative=initiative, factors=Factor.objects.filter(name__in=["Trust", "Jargon"]), by=None
    )
    services.classification_disagree(
        classification=initiative.classification,
        reason="The carers chose the final plan.",
        view="Co-design",
        by=None,
        person=world.fiona,
    )
    activity = services.activity_add(
        partnership=world.partnership, name="User ratings of home care", description="", by=None
    )
    services.activity_score(activity=activity, scorer=world.fiona, impact=5, effort=2, by=None)
    services.stakeholder_save(
        stakeholder=Stakeholder(
            partnership=world.partnership, name="Integration Joint Board", power=5, influence=3
        ),
        by=None,
    )
    for period in ("2026 Q3", "2026 Q4"):
        services.snapshot_take(
            partnership=world.partnership,
            period=period,
            data={
                "total": 1,
                "star": {"co_design": 1},
                "gaps": ["No initiative is transformative."],
            },
            by=None,
            person=world.fiona,
        )
    sign_in(page, "fiona@example.org")
    pk = initiative.pk
    for name, url in [
        ("mapping-home", "/"),
        ("mapping-register", "/mapping/"),
        ("mapping-detail", f"/mapping/{pk}/"),
        ("mapping-disagree", f"/mapping/{pk}/disagree/"),
        ("mapping-edit", f"/mapping/{pk}/edit/"),
        ("mapping-factors-form", f"/mapping/{pk}/drivers-and-barriers/"),
        ("mapping-links", f"/mapping/{pk}/links/"),
        ("mapping-factors", "/mapping/drivers-and-barriers/"),
        ("mapping-snapshots", "/mapping/picture/snapshots/"),
        ("mapping-priorities", "/mapping/focus/"),
        ("mapping-activity-add", "/mapping/focus/add/"),
        ("mapping-score", f"/mapping/focus/{activity.pk}/score/"),
        ("mapping-stakeholders", "/mapping/stakeholders/"),
        ("mapping-stakeholder-add", "/mapping/stakeholders/add/"),
        ("mapping-steps", "/mapping/steps/"),
        ("mapping-step-edit", "/mapping/steps/map/"),
        ("mapping-my-invitations", "/mapping/my-invitations/"),
        ("mapping-questionnaire", f"/mapping/{pk}/questionnaire/"),
    ]:
        page.goto(url)
        check_page(page, name)
    page.goto(f"/mapping/{pk}/classification/")
    expect(page.locator("#disagreement")).to_contain_text("The carers chose the final plan.")
    check_page(page, "mapping-classification-disputed")
