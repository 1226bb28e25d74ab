"""core.rawsql reads and writes rows exactly as the ORM would."""

import datetime
import uuid

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from audit.models import AuditEvent
from core.rawsql import insert_values, instance, quoted, saved, select_list
from safeguarding.models import Check

pytestmark = pytest.mark.django_db


def test_instance_builds_the_same_object_the_orm_loads(world):
    check = Check.objects.create(
        organisation=world.timebank_org,
        helper=world.claire,
        kind="disclosure",
        scheme="pvg",
        reference_number="1234",
        issued_on=datetime.date(2026, 1, 2),
        expires_on=datetime.date(2029, 1, 2),
        withdrawn_at=datetime.datetime(2026, 5, 6, 7, 8, tzinfo=datetime.UTC),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {select_list(Check, 'c')} FROM {quoted(Check._meta.db_table)} c "
            "WHERE c.id = %s",
            [check.pk],
        )
        built = instance(Check, cursor.fetchone())
    loaded = Check.objects.get(pk=check.pk)
    assert model_to_dict(built) == model_to_dict(loaded)
    assert isinstance(built.issued_on, datetime.date) and built.withdrawn_at == loaded.withdrawn_at
    assert not built._state.adding


def test_instance_of_a_row_of_nulls_is_none():
    width = len(Check._meta.concrete_fields)
    assert instance(Check, [None] * width) is None


def test_insert_values_writes_what_save_would_write(world):
    by_orm = AuditEvent(
        action="core.test.written",
        person=world.anne,
        partnership=world.partnership,
        target_id=str(uuid.uuid4()),
        data={"minutes": 90, "status": "confirmed"},
        sensitive=True,
    )
    by_hand = AuditEvent(
        **{f.attname: getattr(by_orm, f.attname) for f in AuditEvent._meta.concrete_fields}
    )
    by_orm.save()
    columns, marks, params = insert_values(by_hand)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quoted(AuditEvent._meta.db_table)} ({columns}) VALUES ({marks})", params
        )
    written = AuditEvent.objects.exclude(pk=by_orm.pk).get(action="core.test.written")
    first, second = model_to_dict(AuditEvent.objects.get(pk=by_orm.pk)), model_to_dict(written)
    first.pop("id"), second.pop("id")
    assert first == second
    assert saved(by_hand)._state.adding is False


def test_insert_values_can_compute_a_column_and_type_its_placeholders(world):
    event = AuditEvent(action="core.test.written", target_id="")
    columns, marks, params = insert_values(event, typed=True, computed={"target_id": "'42'"})
    assert "'42'" in marks and '"target_id"' in columns
    assert len(params) == marks.count("%s")
    if connection.vendor == "postgresql":
        assert "%s::jsonb" in marks
