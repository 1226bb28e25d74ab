"""Search: the obvious answer first, filters, distance from a postcode, paging."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Postcode, Service, ServiceArea, ServiceProfile
from directory.models.hsds import GSS_URI
from directory.search import KM_PER_MILE, Query, bounding_box, distance_km, find_place, search

from .factories import category, entry


@pytest.fixture
def places(db):
    # Kirkton centre, a postcode 3 miles east, one 20 miles away.
    Postcode.objects.create(
        postcode="GB2 1AA",
        latitude=56.2350,
        longitude=-3.1500,
        council_code="S12000099",
        health_board_code="S08000099",
        partnership_code="S37000099",
    )
    Postcode.objects.create(postcode="GB6 1AA", latitude=56.2350, longitude=-3.0720)
    Postcode.objects.create(postcode="GB9 9ZZ", latitude=56.5200, longitude=-3.1500)


def test_the_obvious_answer_ranks_first(world):
    lunch = category("Lunch clubs")
    walk = category("Walking groups")
    entry(world.partnership, "Kirkton Lunch Club", category=str(lunch.pk))
    entry(
        world.partnership,
        "Kirkton Health Walk",
        category=str(walk.pk),
        description="A walk, then lunch at a cafe if you like.",
    )
    entry(world.partnership, "Eastfield Knit and Natter", description="Knitting and a blether.")
    results = search(Query(partnership=world.partnership, text="lunch club"))
    assert results.items[0].name == "Kirkton Lunch Club"
    results = search(Query(partnership=world.partnership, text="walking"))
    assert [s.name for s in results.items] == ["Kirkton Health Walk"]


def test_filters_by_category_audience_free_and_day(world):
    lunch = category("Lunch clubs")
    entry(world.partnership, "Monday Lunch", category=str(lunch.pk), days="MO", free="yes")
    entry(world.partnership, "Friday Lunch", category=str(lunch.pk), days="FR")
    entry(world.partnership, "Carers Cafe", audience="carers", days="MO", free="yes")
    p = world.partnership
    names = lambda **kw: sorted(s.name for s in search(Query(partnership=p, **kw)).items)  # noqa: E731
    assert names(term_id=lunch.pk) == ["Friday Lunch", "Monday Lunch"]
    assert names(audience="carers") == ["Carers Cafe"]
    assert names(free=True) == ["Carers Cafe", "Monday Lunch"]
    assert names(day="FR") == ["Friday Lunch"]
    assert names(day="MO", term_id=lunch.pk) == ["Monday Lunch"]


def test_distance_from_a_postcode_finds_what_is_near_or_serves_the_area(world, places):
    p = world.partnership
    entry(p, "Near Lunch", postal_code="GB2 1AA", address_1="Hall")
    entry(p, "Three Miles Lunch", postal_code="GB6 1AA", address_1="Hall")
    entry(p, "Far Lunch", postal_code="GB9 9ZZ", address_1="Hall")
    area_wide = entry(p, "Lunch Deliveries")
    ServiceArea.objects.create(service=area_wide, name="Glenbrae", uri=GSS_URI + "S12000099")
    place = find_place("gb21aa", p)
    assert place.label == "GB2 1AA" and "S12000099" in place.area_codes

    within_5 = search(
        Query(partnership=p, text="lunch", place=place, within_km=5 * KM_PER_MILE, sort="distance")
    )
    assert [s.name for s in within_5.items] == [
        "Near Lunch",
        "Three Miles Lunch",
        "Lunch Deliveries",
    ]
    assert within_5.items[1].search_distance == pytest.approx(3 * KM_PER_MILE, rel=0.05)

    within_1 = search(Query(partnership=p, place=place, within_km=1 * KM_PER_MILE))
    assert {s.name for s in within_1.items} == {"Near Lunch", "Lunch Deliveries"}


def test_a_service_with_a_radius_reaches_postcodes_inside_it(world, places):
    p = world.partnership
    far = entry(p, "Far Transport", postal_code="GB9 9ZZ", address_1="Depot")
    place = find_place("GB2 1AA", p)
    assert not search(Query(partnership=p, place=place, within_km=2)).items
    ServiceProfile.objects.filter(service=far).update(radius_km=40)
    assert [s.name for s in search(Query(partnership=p, place=place, within_km=2)).items] == [
        "Far Transport"
    ]


def test_the_bounding_box_holds_every_point_within_the_distance():
    lat, lng, km = 56.2, -3.2, 8.0
    south, north, west, east = bounding_box(lat, lng, km)
    for bearing_lat, bearing_lng in [(north, lng), (south, lng), (lat, east), (lat, west)]:
        assert distance_km(lat, lng, bearing_lat, bearing_lng) == pytest.approx(km, rel=0.01)


def test_unchecked_entries_sink_but_do_not_vanish(world):
    p = world.partnership
    old = entry(p, "Kirkton Lunch Club")
    entry(p, "Inverbrae Lunch Club")
    ServiceProfile.objects.filter(service=old).update(freshness=2)
    names = [s.name for s in search(Query(partnership=p, text="lunch club")).items]
    assert names == ["Inverbrae Lunch Club", "Kirkton Lunch Club"]


def test_the_search_page_pages_and_keeps_the_query(world, client):
    for i in range(25):
        entry(world.partnership, f"Lunch Club {i:02d}")
    response = client.get(reverse("directory:search"), {"q": "lunch"})
    body = response.content.decode()
    assert "25 results" in body
    assert body.count('class="govuk-!-margin-bottom-6"') == 20
    response = client.get(reverse("directory:search"), {"q": "lunch", "page": 2})
    assert response.content.decode().count('class="govuk-!-margin-bottom-6"') == 5


def test_each_result_says_how_far_whether_free_or_full_and_when_last_checked(world, client, places):
    p = world.partnership
    near = entry(p, "Near Lunch", postal_code="GB2 1AA", address_1="Hall", free="yes")
    entry(p, "Three Miles Lunch", postal_code="GB6 1AA", address_1="Hall", capacity="full")
    area_wide = entry(p, "Lunch Deliveries", capacity="waiting_list")
    ServiceArea.objects.create(service=area_wide, name="Glenbrae", uri=GSS_URI + "S12000099")
    Service.objects.filter(pk=near.pk).update(assured_date=datetime.date(2026, 3, 4))
    Service.objects.filter(pk=area_wide.pk).update(assured_date=None)
    checked = timezone.localdate().strftime("%B %Y")
    response = client.get(
        reverse("directory:search"),
        {"q": "lunch", "near": "GB2 1AA", "within": "5", "sort": "distance"},
    )
    body = response.content.decode()
    facts = [
        " ".join(found.split())
        for found in re.findall(
            r'<p class="govuk-body-s govuk-!-margin-bottom-0">(.*?)</p>', body, re.S
        )
    ]
    assert facts == [
        "0.0 miles away. Free. Last checked March 2026.",
        f"3.0 miles away. Full just now. Last checked {checked}.",
        "Serves your area. Has a waiting list. Not checked yet.",
    ]
    links = re.findall(
        r'<h2 class="govuk-heading-m[^"]*"><a class="govuk-link" href="([^"]+)">', body
    )
    assert links[0] == reverse("directory:service", kwargs={"pk": near.pk})


def test_the_search_form_marks_what_was_chosen_and_lists_a_new_category_at_once(world, client):
    lunch = category("Lunch clubs")
    url = reverse("directory:search")
    body = client.get(url, {"category": str(lunch.pk), "within": "5"}).content.decode()
    assert f'<option value="{lunch.pk}" selected>Lunch clubs</option>' in body
    assert '<option value="5" selected>5 miles</option>' in body
    assert '<option value="" selected>Anyone</option>' in body
    sheds = category("Men's sheds")
    body = client.get(url).content.decode()
    assert f'<option value="{sheds.pk}">Men&#x27;s sheds</option>' in body
    assert '<option value="" selected>Any distance</option>' in body


def test_an_unknown_postcode_is_explained(world, client):
    response = client.get(reverse("directory:search"), {"near": "GB9 9QQ"})
    assert "We do not know that postcode or town" in response.content.decode()


def test_a_town_name_is_a_place(world, places):
    entry(world.partnership, "Near Lunch", postal_code="GB2 1AA", address_1="Hall", city="Kirkton")
    place = find_place("kirkton", world.partnership)
    assert place is not None and place.latitude == pytest.approx(56.235)
