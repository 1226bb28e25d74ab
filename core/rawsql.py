"""Hand-written SQL for the few hot paths measured in bench/, kept honest.

Django's ORM spends more time building a query than the database spends
running it for the small reads and writes of recording an exchange. Where a
benchmark shows it matters, a service may write its SQL by hand with these
helpers, which take the column lists from the models and pass every value
through the fields' own adaptation and converters, exactly as the ORM does;
a new field or the other database needs no change here.
"""

import datetime
import decimal
import json
import uuid
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Model


def quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def select_list(model: type[Model], alias: str) -> str:
    """`alias."col", …` for every concrete field of the model, in field order."""
    return _select_list(connection.vendor, model, alias)


@cache
def _select_list(vendor: str, model: type[Model], alias: str) -> str:
    return ", ".join(f"{alias}.{quoted(f.column)}" for f in model._meta.concrete_fields)


@cache
def _converters(vendor: str, model: type[Model]) -> list[tuple[int, list, object]]:
    table = model._meta.db_table
    found = []
    for position, field in enumerate(model._meta.concrete_fields):
        column = field.get_col(table)
        convs = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if convs:
            found.append((position, convs, column))
    return found


def instance(model: type[Model], values) -> Model | None:
    """A model instance from a row selected with select_list(); None for a row
    of NULLs from an outer join that found nothing."""
    db = connections[DEFAULT_DB_ALIAS]
    values = list(values)
    for position, convs, column in _converters(db.vendor, model):
        for converter in convs:
            values[position] = converter(values[position], column, db)
    attnames, pk_at = _attnames(model)
    if values[pk_at] is None:
        return None
    return model.from_db(DEFAULT_DB_ALIAS, attnames, values)


@cache
def _attnames(model: type[Model]) -> tuple[tuple[str, ...], int]:
    attnames = tuple(f.attname for f in model._meta.concrete_fields)
    return attnames, attnames.index(model._meta.pk.attname)


def row_json(obj: Model) -> str:
    """This unsaved object's column values as a JSON object, prepared as Model.save()
    would prepare them, for PostgreSQL's jsonb_populate_record() to turn back into
    a row of its table (the primary key left out, for the database to fill)."""
    row = {}
    for column, field in _row_fields(type(obj)):
        value = field.pre_save(obj, True)
        row[column] = None if value is None else field.get_prep_value(value)
    return json.dumps(row, default=_json_value)


@cache
def _row_fields(model: type[Model]) -> tuple[tuple[str, object], ...]:
    return tuple((f.column, f) for f in model._meta.concrete_fields if not f.primary_key)


def _json_value(value):
    """Dates and times in full (DjangoJSONEncoder would cut microseconds), ids as text."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def saved(obj: Model) -> Model:
    """Mark an object written by hand-written SQL as saved, as Model.save() would."""
    obj._state.adding = False
    obj._state.db = DEFAULT_DB_ALIAS
    return obj


def prepared_cursor():
    """A cursor for a statement sent many times, such as recording an exchange.

    On PostgreSQL its parameters are bound on the server and the statement is
    prepared once per connection, so the database skips parsing and planning
    it again (settings: DATABASE_PREPARED_STATEMENTS). Django's own cursors
    quote parameters into the SQL and cannot. Elsewhere, an ordinary cursor.
    Either way it is wrapped, logged and error-translated like any Django cursor.
    """
    db = connections[DEFAULT_DB_ALIAS]  # once: each use of the `connection` proxy looks it up
    if db.vendor != "postgresql":
        return db.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    db.ensure_connection()
    with db.wrap_database_errors:
        cursor = ServerBindingCursor(db.connection)
    return db._prepare_cursor(cursor)
