"""Public pages: the embeddable search, opening times in words, and bounding boxes."""

from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.search import bounding_box, distance_km

from .factories import entry


def test_only_the_embeddable_search_may_be_framed(world, client):
    entry(world.partnership)
    embed = client.get(reverse("directory:embed"), {"q": "lunch"})
    assert embed.status_code == 200 and "X-Frame-Options" not in embed.headers
    assert "Kirkton Lunch Club" in embed.content.decode()
    assert 'class="govuk-header' not in embed.content.decode()
    assert client.get(reverse("directory:search")).headers["X-Frame-Options"] == "DENY"


def test_the_service_page_says_when_it_is_on_in_words(world, client):
    service = entry(world.partnership, days="MO,TH", opens_at="10:00", closes_at="11:30")
    body = client.get(reverse("directory:service", kwargs={"pk": service.pk})).content.decode()
    assert "Every Monday and Thursday, from 10am to 11:30am" in body
    assert "Last checked on" in body


@settings(max_examples=200, deadline=None)
@given(
    lat=st.floats(min_value=49.8, max_value=60.9),
    lng=st.floats(min_value=-8.7, max_value=1.8),
    km=st.floats(min_value=0.1, max_value=80),
    bearing=st.floats(min_value=0, max_value=6.283),
    fraction=st.floats(min_value=0, max_value=0.999),
)
def test_every_point_within_the_distance_is_inside_the_bounding_box(
    lat, lng, km, bearing, fraction
):
    import math

    # A point at `fraction` of the distance in any direction (small-distance approximation).
    d = km * fraction / 6371.0
    plat = lat + math.degrees(d * math.cos(bearing))
    plng = lng + math.degrees(d * math.sin(bearing) / math.cos(math.radians(lat)))
    if distance_km(lat, lng, plat, plng) > km:
        return
    south, north, west, east = bounding_box(lat, lng, km)
    assert south <= plat <= north and west <= plng <= east


def test_staff_see_the_entries_their_organisation_keeps_on_their_home_page(world, client_for):
    from directory.models import ServiceProfile

    service = entry(world.partnership, "Kirkton Trust Lunch")
    ServiceProfile.objects.filter(service=service).update(owner=world.other_org, freshness=1)
    body = client_for(world.kirsty).get(reverse("core:home")).content.decode()
    assert "Kirkton Trust Lunch" in body and "Please check it" in body
    assert (
        "Kirkton Trust Lunch"
        not in client_for(world.morag).get(reverse("core:home")).content.decode()
    )
