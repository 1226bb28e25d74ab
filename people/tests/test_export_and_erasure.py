"""A person can take everything held about them, and erasure removes every
trace of who they were while every count and total stays right."""

import datetime
import json

from django.apps import apps
from django.db import models
from django.urls import reverse

from people import services
from people.erasure import person_erase
from people.models import AssetCategory, Person
from people.notices import notice_send
from people.services import ConsentGiven

MARKERS = [
    "Zebedee",
    "Quartermaine",
    "Zebby",
    "zebedee.q@example.org",
    "07700 900123",
    "17 Xylophone Street",
    "GB4 1AZ",
    "Yolanda",
    "07700 900456",
    "Esperanto",
    "quiet room xyzzy",
    "plugh matters",
    "frobozz",
    "cousin Wobbly",
    "Dear Zebedee",
]
BIRTHDAY = datetime.date(1931, 2, 3)


def make_zebedee(world, rf):
    z = services.person_register(
        partnership=world.partnership,
        organisation=world.timebank_org,
        by=world.morag.user,
        details={
            "given_name": "Zebedee",
            "family_name": "Quartermaine",
            "preferred_name": "Zebby",
            "email": "",
            "phone": "07700 900123",
            "address": "17 Xylophone Street",
            "postcode": "GB4 1AZ",
            "date_of_birth": BIRTHDAY,
            "contact_route": "named_person",
            "contact_via_name": "Yolanda Quartermaine",
            "contact_via_details": "07700 900456",
        },
        consents_given=[
            ConsentGiven("membership", "in_person", "on_behalf", "Yolanda Quartermaine", "niece"),
            ConsentGiven("health", "in_person", "on_behalf", "Yolanda Quartermaine", "niece"),
        ],
    )
    services.person_update(
        person=z,
        by=world.morag.user,
        data={
            "needs_interpreter": True,
            "interpreter_language": "Esperanto",
            "other_access_needs": "a quiet room xyzzy",
            "what_matters": "plugh matters to me",
        },
    )
    knowledge = AssetCategory.objects.create(
        partnership=world.partnership, kind="knowledge", name="Local history"
    )
    services.asset_add(
        person=z, category=knowledge, in_their_words="frobozz the great", by=world.morag.user
    )
    services.carer_add(
        carer=z,
        cared_for_description="my cousin Wobbly",
        relationship="relative",
        by=world.morag.user,
    )
    services.carer_add(
        carer=world.claire, cared_for=z, relationship="neighbour", by=world.morag.user
    )
    notice_send(
        person=z,
        subject="Your lift",
        body="Dear Zebedee, see you Tuesday",
        by=world.morag.user,
        source="people.test.notice",
    )
    services.person_create_login(
        person=z, email="zebedee.q@example.org", by=world.morag.user, request=rf.post("/")
    )
    return Person.objects.get(pk=z.pk)


def database_text() -> str:
    """Every value in every table, as one string to search."""
    chunks = []
    for model in apps.get_models(include_auto_created=True):
        fields = [f.attname for f in model._meta.concrete_fields]
        for row in model.objects.values_list(*fields):
            chunks.append(" ".join(str(value) for value in row))
    return "\n".join(chunks)


def date_held(day: datetime.date) -> bool:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (
                type(field) is models.DateField
                and model.objects.filter(**{field.attname: day}).exists()
            ):
                return True
    return False


def test_the_export_holds_everything_and_the_page_shows_it(world, rf, client_for):
    z = make_zebedee(world, rf)
    client = client_for(world.morag)
    response = client.get(reverse("people:person-data-json", args=[z.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    document = json.loads(response.content)
    text = json.dumps(document)
    for marker in MARKERS:
        assert marker in text, marker
    keys = {s["key"] for s in document["sections"]}
    assert {"details", "assets", "caring", "consents", "memberships", "notices", "history"} <= keys
    page = client.get(reverse("people:person-data", args=[z.pk])).content.decode()
    for marker in ("Zebedee", "frobozz", "cousin Wobbly", "plugh matters"):
        assert marker in page


def test_a_member_can_download_their_own_data(world, client_for):
    response = client_for(world.claire).get(reverse("people:me-data-json"))
    document = json.loads(response.content)
    assert document["sections"][0]["data"]["first name"] == "Claire"


def test_erasure_leaves_no_personal_data_in_any_table(world, rf):
    z = make_zebedee(world, rf)
    assert "Quartermaine" in database_text()
    people_before = Person.objects.count()
    assets_before = z.assets.count()
    consents_before = z.consents.count()
    memberships_before = z.memberships.count()

    person_erase(person=z, by=world.alasdair.user)

    text = database_text()
    for marker in MARKERS:
        assert marker.lower() not in text.lower(), f"{marker} is still in the database"
    assert not date_held(BIRTHDAY)
    z.refresh_from_db()
    assert z.user is None and z.erased_at is not None
    assert z.age_band == "85_plus"  # kept, so counts by age stay right
    assert Person.objects.count() == people_before
    assert z.assets.count() == assets_before
    assert z.consents.count() == consents_before
    assert z.memberships.count() == memberships_before
    assert not z.memberships.filter(ended_on__isnull=True).exists()
    assert world.claire.caring_for.filter(cared_for=z).exists()


def test_erased_people_cannot_be_changed_or_given_a_login(world, rf):
    from core.errors import DomainError

    person_erase(person=world.anne, by=world.alasdair.user)
    for call in (
        lambda: services.person_update(person=world.anne, by=world.morag.user, data={"phone": "1"}),
        lambda: services.person_create_login(
            person=world.anne, email="a@example.org", by=world.morag.user, request=rf.post("/")
        ),
    ):
        try:
            call()
        except DomainError:
            continue
        raise AssertionError("an erased person was changed")


def test_people_can_remove_their_own_details_and_are_signed_out(world, client_for):
    client = client_for(world.claire)
    response = client.post(reverse("people:me-erase"), {"confirm": "on"})
    assert response.status_code == 302
    world.claire.refresh_from_db()
    assert world.claire.erased_at is not None
    assert client.get(reverse("people:me")).status_code == 302  # signed out now


def test_erasing_without_confirming_changes_nothing(world, client_for):
    response = client_for(world.morag).post(
        reverse("people:person-erase", args=[world.anne.pk]), {}
    )
    assert response.status_code == 200
    assert "Tick the box" in response.content.decode()
    world.anne.refresh_from_db()
    assert world.anne.erased_at is None
