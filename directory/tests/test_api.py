"""The HSDS 3.0 JSON API: envelopes, nested records valid against the schemas, 4xx."""

import uuid

from django.urls import reverse

from directory import hsds_io
from directory.models import ServiceProfile

from .factories import category, entry


def test_services_come_in_the_hsds_page_envelope(world, client):
    lunch = category()
    for i in range(3):
        entry(world.partnership, f"Lunch Club {i}", category=str(lunch.pk))
    entry(world.partnership, "Walking Group")
    url = reverse("directory:api-services")
    data = client.get(url, {"per_page": 2}).json()
    assert data["total_items"] == 4 and data["total_pages"] == 2
    assert data["first_page"] and not data["last_page"] and data["size"] == 2
    data = client.get(url, {"search": "lunch", "taxonomy_term_id": str(lunch.pk)}).json()
    assert data["total_items"] == 3
    for record in data["contents"]:
        assert not hsds_io.validate_record(record, "service")


def test_service_detail_nests_objects_and_is_valid_hsds(world, client):
    service = entry(
        world.partnership,
        "Kirkton Lunch Club",
        category=str(category().pk),
        address_1="Church Hall",
        city="Kirkton",
        postal_code="GB2 1AA",
        phone="01592 600001",
        days="TU",
        opens_at="12:00",
        closes_at="14:00",
    )
    data = client.get(reverse("directory:api-service", kwargs={"id": str(service.pk)})).json()
    assert data["organization"]["name"] == "Kirkton Community Trust"
    assert data["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "GB2 1AA"
    assert data["schedules"][0]["byday"] == "TU"
    assert data["attributes"][0]["taxonomy_term"]["name"] == "Lunch clubs"
    assert hsds_io.validate_record(data, "service") == []


def test_a_confidential_address_is_never_in_the_api(world, client):
    service = entry(
        world.partnership, "Safe Space", address_1="1 Secret Street", postal_code="GB2 1AA"
    )
    ServiceProfile.objects.filter(service=service).update(confidential_address=True)
    body = client.get(reverse("directory:api-service", kwargs={"id": str(service.pk)})).content
    assert b"Secret Street" not in body and b"GB2 1AA" not in body
    page = client.get(reverse("directory:service", kwargs={"pk": service.pk})).content
    assert b"Secret Street" not in page


def test_bad_parameters_get_400_with_a_reason_and_unknown_ids_404(world, client):
    url = reverse("directory:api-services")
    for params in (
        {"page": "x"},
        {"page": "0"},
        {"per_page": "1000"},
        {"taxonomy_term_id": "nope"},
    ):
        response = client.get(url, params)
        assert response.status_code == 400, params
        assert response.json()
    response = client.get(reverse("directory:api-service", kwargs={"id": str(uuid.uuid4())}))
    assert response.status_code == 404 and "detail" in response.json()
    response = client.get(reverse("directory:api-service", kwargs={"id": "not-a-uuid"}))
    assert response.status_code == 400


def test_the_openapi_document_describes_the_api(world, client):
    response = client.get(reverse("directory:api-openapi"), {"format": "json"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "/directory/api/services/" in text and "taxonomy_term_id" in text


def test_taxonomies_and_terms_and_organizations_list(world, client):
    term = category()
    entry(world.partnership)
    for name in ("api-taxonomies", "api-taxonomy-terms", "api-organizations"):
        data = client.get(reverse(f"directory:{name}")).json()
        assert data["total_items"] >= 1, name
    data = client.get(reverse("directory:api-taxonomy-term", kwargs={"id": str(term.pk)})).json()
    assert not hsds_io.validate_record(data, "taxonomy_term")


def test_a_correction_form_never_shows_a_confidential_address(world, client):
    service = entry(
        world.partnership, "Safe Space", address_1="1 Secret Street", postal_code="GB2 1AA"
    )
    ServiceProfile.objects.filter(service=service).update(confidential_address=True)
    page = client.get(reverse("directory:suggest-change", kwargs={"pk": service.pk})).content
    assert b"Secret Street" not in page and b"GB2 1AA" not in page
