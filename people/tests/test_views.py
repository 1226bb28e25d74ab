from django.urls import reverse

from audit.models import AuditEvent
from people.models import Person, PersonAsset


def test_registering_anne_records_her_and_her_consent(world, client_for):
    client = client_for(world.morag)
    response = client.post(
        reverse("people:register"),
        {
            "organisation": world.timebank_org.pk,
            "given_name": "Agnes",
            "family_name": "Laing",
            "date_of_birth_day": "27",
            "date_of_birth_month": "3",
            "date_of_birth_year": "1945",
            "contact_route": "phone",
            "phone": "01592 111222",
            "purposes": ["membership", "health"],
            "given_by": "on_behalf",
            "given_by_name": "Jean Laing",
            "given_by_relationship": "daughter",
            "method": "in_person",
        },
    )
    agnes = Person.objects.get(given_name="Agnes")
    assert response.status_code == 302 and response["Location"] == agnes.get_absolute_url()
    assert agnes.date_of_birth.year == 1945
    assert {c.purpose for c in agnes.consents.all()} == {"membership", "health"}
    assert agnes.consents.first().given_by_name == "Jean Laing"


def test_a_form_with_mistakes_keeps_what_was_typed_and_says_what_is_wrong(world, client_for):
    client = client_for(world.morag)
    response = client.post(
        reverse("people:register"),
        {
            "organisation": world.timebank_org.pk,
            "given_name": "Agnes",
            "family_name": "Laing",
            "date_of_birth_day": "31",
            "date_of_birth_month": "2",
            "date_of_birth_year": "1945",
            "contact_route": "letter",
            "postcode": "not a postcode",
            "purposes": ["membership"],
            "given_by": "self",
            "method": "in_person",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Enter a real date" in body
    assert "Enter a real postcode" in body
    assert "Enter an address for letters" in body
    assert 'value="Agnes"' in body and 'value="Laing"' in body and 'value="not a postcode"' in body
    assert not Person.objects.filter(given_name="Agnes").exists()


def test_registering_without_the_record_consent_is_refused(world, client_for):
    response = client_for(world.morag).post(
        reverse("people:register"),
        {
            "organisation": world.timebank_org.pk,
            "given_name": "Agnes",
            "contact_route": "phone",
            "phone": "1",
            "given_by": "self",
            "method": "in_person",
        },
    )
    assert "must agree to" in response.content.decode()


def test_a_broker_cannot_register_into_someone_elses_organisation(world, client_for):
    response = client_for(world.morag).post(
        reverse("people:register"),
        {
            "organisation": world.other_org.pk,
            "given_name": "Agnes",
            "contact_route": "phone",
            "phone": "1",
            "purposes": ["membership"],
            "given_by": "self",
            "method": "in_person",
        },
    )
    assert response.status_code == 200
    assert not Person.objects.filter(given_name="Agnes").exists()


def test_access_needs_without_consent_show_a_message_and_keep_the_ticks(world, client_for):
    url = reverse("people:person-access", args=[world.anne.pk])
    response = client_for(world.morag).post(url, {"needs_large_print": "on"})
    body = response.content.decode()
    assert "Record consent for health and access needs" in body
    assert (
        'name="needs_large_print" class="govuk-checkboxes__input" aria-invalid' in body
        or "checked" in body
    )
    world.anne.refresh_from_db()
    assert not world.anne.needs_large_print


def test_staff_looking_at_a_record_is_logged_as_sensitive(world, client_for):
    client_for(world.morag).get(world.anne.get_absolute_url())
    event = AuditEvent.objects.get(action="people.person.viewed")
    assert event.sensitive and event.actor == world.morag.user and event.person == world.anne


def test_acting_for_anne_records_changes_as_done_on_her_behalf(world, client_for):
    client = client_for(world.morag)
    client.post(reverse("people:person-act", args=[world.anne.pk]))
    page = client.get(reverse("people:me")).content.decode()
    assert "You are acting for" in page and "Anne Baxter" in page
    client.post(
        reverse("people:me-assets"),
        {"category": world.category.pk, "in_their_words": "sixty years of knitting"},
    )
    assert PersonAsset.objects.filter(person=world.anne).exists()
    event = AuditEvent.objects.get(action="people.asset.added")
    assert event.actor == world.morag.user and event.on_behalf_of == world.anne
    client.post(reverse("people:acting-stop"))
    assert "You are acting for" not in client.get(reverse("people:me")).content.decode()


def test_acting_for_someone_outside_your_organisations_is_refused(world, client_for):
    client = client_for(world.kirsty)
    assert client.post(reverse("people:person-act", args=[world.anne.pk])).status_code == 403
    client.session["acting_for_person_id"] = world.anne.pk
    assert "Anne Baxter" not in client.get(reverse("people:me")).content.decode()


def test_a_planted_acting_for_session_is_ignored(world, client):
    client.force_login(world.kirsty.user)
    session = client.session
    session["acting_for_person_id"] = world.anne.pk
    session.save()
    page = client.get(reverse("people:me")).content.decode()
    assert "Kirsty" in page and "Anne" not in page


def test_the_people_list_finds_by_name_and_pages(world, client_for):
    from core.testing import make_person

    for n in range(30):
        make_person(world.partnership, f"Person{n:02d}", "Smith", orgs=[world.timebank_org])
    client = client_for(world.morag)
    found = client.get(reverse("people:list"), {"q": "anne baxter"}).content.decode()
    assert "Anne Baxter" in found and "Person01" not in found
    page_two = client.get(reverse("people:list"), {"page": 2}).content.decode()
    assert "Page 2" in page_two
    assert client.get(reverse("people:list"), {"page": "nonsense"}).status_code == 200
    assert client.get(reverse("people:list"), {"organisation": "999999"}).status_code == 200


def test_availability_can_be_cleared_entirely(world, client_for):
    world.anne.availability = 7
    world.anne.save()
    client_for(world.morag).post(reverse("people:person-availability", args=[world.anne.pk]), {})
    world.anne.refresh_from_db()
    assert world.anne.availability == 0


def test_a_missing_person_is_a_404_not_an_error(world, client_for):
    client = client_for(world.morag)
    assert client.get(reverse("people:person-detail", args=[999999])).status_code == 404
    assert client.get("/people/not-a-number/").status_code == 404
    response = client.post(reverse("people:me-consent-withdraw", args=["no-such-purpose"]))
    assert response.status_code == 302


def test_every_staff_look_at_any_page_of_a_record_is_logged(world, client_for):
    client = client_for(world.morag)
    for name in ("people:person-edit", "people:person-data", "people:person-assets"):
        client.get(reverse(name, args=[world.anne.pk]))
    pages = [e.data["page"] for e in AuditEvent.objects.filter(action="people.person.viewed")]
    assert pages == ["person-assets", "person-data", "person-edit"]


def test_people_who_need_large_print_get_it_when_they_sign_in(world, client):
    from core.testing import PASSWORD

    world.claire.needs_large_print = True
    world.claire.save()
    client.post(reverse("account_login"), {"login": "claire@example.org", "password": PASSWORD})
    assert "cp-large-print" in client.get("/").content.decode()


def test_commissioners_see_counts_with_small_numbers_hidden(world, client_for):
    import datetime

    world.anne.date_of_birth = datetime.date(1945, 3, 27)
    world.anne.save()
    page = client_for(world.fiona).get("/").content.decode()
    assert "The partnership in numbers" in page
    assert "fewer than 5" in page
    assert "Anne" not in page
    assert "The partnership in numbers" not in client_for(world.morag).get("/").content.decode()


def test_other_capabilities_add_links_to_a_persons_record(world, client_for):
    from people import record_links

    def only_for_staff(request, person, staff):
        return f"/elsewhere/{person.pk}/" if staff else None

    record_links.register(
        record_links.RecordLink("test-elsewhere", "Somewhere else", only_for_staff)
    )
    try:
        staff_page = client_for(world.morag).get(world.anne.get_absolute_url()).content.decode()
        own_page = client_for(world.claire).get(reverse("people:me")).content.decode()
    finally:
        record_links._links.pop("test-elsewhere")
    assert f'href="/elsewhere/{world.anne.pk}/"' in staff_page
    assert "Somewhere else" not in own_page
