"""Safeguarding records are in a person's export, and erasure leaves none of their words."""

import datetime
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.test_translatable_templates import untranslated
from people.erasure import person_erase
from people.tests.test_export_and_erasure import database_text
from safeguarding import services


@pytest.fixture
def records(world):
    services.check_record(
        organisation=world.timebank_org,
        helper=world.claire,
        data={
            "kind": "disclosure",
            "scheme": "pvg",
            "reference_number": "9876543210987654",
            "issued_on": datetime.date(2025, 1, 1),
            "notes": "xyzzy certificate note",
        },
        by=world.morag.user,
    )
    services.extra_care_set(
        organisation=world.timebank_org,
        person=world.claire,
        reason="plugh flag reason",
        review_on=None,
        by=world.morag.user,
    )
    concern = services.concern_raise(
        organisation=world.timebank_org,
        raiser=world.claire,
        by=world.claire.user,
        about=world.anne,
        category="other",
        urgency="routine",
        what_happened="frobozz happened",
    )
    services.concern_act(concern=concern, note="quux action", by=world.morag.user)
    start = timezone.now()
    services.visit_schedule(
        subject="timebank.exchange:1",
        helper=world.claire,
        member=world.anne,
        organisation=world.timebank_org,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        by=world.morag.user,
    )
    return concern


def test_the_export_holds_checks_flags_raised_concerns_and_visits(world, client_for, records):
    response = client_for(world.claire).get(reverse("people:me-data-json"))
    document = json.loads(response.content)
    section = next(s for s in document["sections"] if s["key"] == "safeguarding")
    text = json.dumps(section)
    assert "9876543210987654" in text and "frobozz happened" in text
    assert section["data"]["visits"] and section["data"]["marked as needing extra care"]
    # Brokers' notes stay with the brokers.
    assert "xyzzy" not in text and "plugh" not in text and "quux" not in text


def test_the_person_a_concern_is_about_is_not_told_of_it_in_their_export(world, records):
    from people.export import person_export

    text = json.dumps(person_export(world.anne))
    assert "frobozz" not in text and "a concern" not in text.lower()


def test_erasure_clears_numbers_notes_and_words(world, records):
    person_erase(person=world.claire, by=world.alasdair.user)
    text = database_text()
    for marker in ("9876543210987654", "xyzzy", "plugh", "frobozz", "quux"):
        assert marker not in text, marker


def test_every_safeguarding_template_is_translatable():
    folder = Path(__file__).resolve().parent.parent / "templates"
    for path in folder.rglob("*.html"):
        assert not untranslated(path.read_text()), path.name
