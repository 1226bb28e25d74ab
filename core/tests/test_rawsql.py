"""core.rawsql reads and writes rows exactly as the ORM would."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from audit.models import AuditEvent
from core.rawsql import instance, quoted, row_json, saved, select_list
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


def test_row_json_holds_every_column_but_the_key_as_save_would_write_it(world):
    at = datetime.datetime(2026, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.UTC)
    event = AuditEvent(
        at=at,
        action="core.test.written",
        person=world.anne,
        target_id=str(uuid.uuid4()),
        data={"minutes": 90, "status": "confirmed"},
        sensitive=True,
    )
    row = json.loads(row_json(event))
    assert "id" not in row
    assert set(row) == {f.column for f in AuditEvent._meta.concrete_fields} - {"id"}
    assert row["at"] == "2026-05-06T07:08:09.123456+00:00"  # microseconds kept
    assert row["person_id"] == world.anne.pk and row["actor_id"] is None
    assert row["data"] == {"minutes": 90, "status": "confirmed"}
    assert row["target_id"] == event.target_id and row["sensitive"] is True


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="jsonb_populate_record is PostgreSQL's"
)
def test_postgresql_turns_row_json_back_into_the_row_save_would_write(world):
    by_orm = AuditEvent(
        action="core.test.written",
        person=world.anne,
        partnership=world.partnership,
        target_id="7",
        data={"minutes": 90},
        sensitive=True,
    )
    by_hand = AuditEvent(
        **{f.attname: getattr(by_orm, f.attname) for f in AuditEvent._meta.concrete_fields}
    )
    by_orm.save()
    table = quoted(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table}, "
            "%s::jsonb || jsonb_build_object('id', nextval(pg_get_serial_sequence(%s, 'id'))))).*",
            [row_json(by_hand), AuditEvent._meta.db_table],
        )
    first, second = AuditEvent.objects.filter(action="core.test.written").order_by("pk")
    assert first.pk == by_orm.pk
    first, second = model_to_dict(first), model_to_dict(second)
    first.pop("id"), second.pop("id")
    assert first == second
    assert saved(by_hand)._state.adding is False


def test_a_prepared_cursor_runs_statements_and_on_postgresql_prepares_them():
    from core.rawsql import prepared_cursor

    for _ in range(2):
        with prepared_cursor() as cursor:
            cursor.execute("SELECT CAST(%s AS integer) + 1 AS rawsql_test", [41])
            assert cursor.fetchone()[0] == 42
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ["%rawsql_test%"],
            )
            assert cursor.fetchone()[0] == 1
