"""The partnership picture's filters and periods, the stakeholder grid, and home panels."""

import datetime

from django.urls import reverse

from mapping import services
from mapping.models import Initiative
from mapping.selectors import Filters, period_bounds, picture

from .fixtures import fiona_initiative, invitation


def test_periods_are_quarters_or_years_and_nonsense_is_no_period():
    assert period_bounds("2026 Q4") == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    assert period_bounds("2026 Q1") == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert period_bounds("2025") == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    for nonsense in ("", "Q4", "2026 Q5", "last week", "99999"):
        assert period_bounds(nonsense) is None


def _other(world, **fields):
    initiative = Initiative(
        partnership=world.partnership,
        name="Men's shed",
        purpose="Men run their own workshop.",
        owner=world.iain,
        lead_organisation=world.other_org,
        stage="do",
        client_group="mental_health",
        **fields,
    )
    return services.initiative_save(initiative=initiative, partners=[], by=None, created=True)


def test_the_picture_filters_by_organisation_client_group_and_period(world):
    fiona_initiative(world)
    _other(world, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 12, 31))
    p = world.partnership
    assert picture(p).total == 2
    assert picture(p, Filters(organisation=world.council.pk)).total == 1  # a partner counts
    assert picture(p, Filters(client_group="mental_health")).total == 1
    assert picture(p, Filters(period="2020 Q2")).total == 2  # Fiona's has no dates
    assert picture(p, Filters(period="2024")).total == 1
    query = {"organisation": "999999999", "client_group": "dragons", "period": "soon"}
    assert not Filters.from_query(query, p).active


def test_filters_in_the_address_change_the_picture_page(world, client_for):
    fiona_initiative(world)
    _other(world)
    client = client_for(world.bill)
    page = client.get(reverse("mapping:picture"), {"client_group": "carers"}).content.decode()
    assert "1 initiative on the register" in page


def test_the_stakeholder_grid_suggests_a_way_of_working(world, client_for):
    client = client_for(world.fiona)
    client.post(
        reverse("mapping:stakeholder-add"),
        {"name": "Integration Joint Board", "power": "5", "influence": "2", "note": ""},
    )
    page = client_for(world.bill).get(reverse("mapping:stakeholders")).content.decode()
    assert "Integration Joint Board" in page
    assert "keep them informed and supportive" in page


def test_the_five_steps_show_progress(world, client_for):
    client_for(world.fiona).post(
        reverse("mapping:step-edit", kwargs={"step": "map"}), {"status": "done", "note": "All in."}
    )
    page = client_for(world.bill).get(reverse("mapping:steps")).content.decode()
    assert "1 of 5 steps done." in page and "All in." in page


def test_home_shows_the_mapping_panel_to_staff_and_an_invitation_to_the_invited(world, client_for):
    fiona_initiative(world)
    invitation(world, person=world.claire)
    staff_home = client_for(world.fiona).get(reverse("core:home")).content.decode()
    assert "Mapping co-production" in staff_home
    member_home = client_for(world.claire).get(reverse("core:home")).content.decode()
    assert "You have been asked for your view" in member_home
    assert "Mapping co-production" not in member_home
