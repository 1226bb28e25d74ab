import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from audit.models import AuditEvent
from audit.services import audit_record


def test_action_codes_must_be_namespaced(world):
    with pytest.raises(ValueError):
        audit_record("registered", actor=world.morag.user, person=world.anne)


def test_the_database_also_refuses_bare_action_codes(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(action="Registered Someone", partnership=world.partnership)


def test_an_entry_records_who_whose_and_on_whose_behalf(world):
    event = audit_record(
        "people.person.updated",
        actor=world.morag.user,
        person=world.anne,
        on_behalf_of=world.anne,
        target=world.anne,
        data={"fields": ["phone"]},
    )
    assert event.partnership == world.partnership
    assert event.target_id == str(world.anne.pk)
    assert event.label == "Changed a person's details"


def test_deleting_a_login_empties_its_id_in_the_log_though_the_log_holds_no_lock_on_it(world):
    from accounts.models import User

    user = User.objects.create_user(email="temp@glenbrae.example", password="not-used-1234")
    event = audit_record("people.person.updated", actor=user, person=world.anne)
    user.delete()
    event.refresh_from_db()
    assert event.actor_id is None and event.person_id == world.anne.pk


def test_administrators_can_filter_the_log_and_download_it(world, client_for):
    audit_record("people.person.viewed", actor=world.morag.user, person=world.anne, sensitive=True)
    audit_record("people.asset.added", actor=world.morag.user, person=world.anne)
    client = client_for(world.alasdair)
    page = client.get(reverse("audit:log"), {"sensitive_only": "on"}).content.decode()
    assert '<code class="govuk-body-s">people.person.viewed</code>' in page
    assert '<code class="govuk-body-s">people.asset.added</code>' not in page
    page = client.get(reverse("audit:log"), {"action": "people.asset.added"}).content.decode()
    assert '<code class="govuk-body-s">people.asset.added</code>' in page
    assert '<code class="govuk-body-s">people.person.viewed</code>' not in page
    csv = client.get(reverse("audit:log-csv")).content.decode()
    assert "people.person.viewed" in csv and "morag@example.org" in csv


def test_nonsense_filters_are_ignored_not_errors(world, client_for):
    client = client_for(world.alasdair)
    response = client.get(
        reverse("audit:log"),
        {"since_day": "99", "since_month": "x", "action": "<script>", "page": "-1"},
    )
    assert response.status_code == 200
