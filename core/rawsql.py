"""Hand-written SQL for the few hot paths measured in bench/, kept honest.

Django's ORM spends more time building a query than the database spends
running it for the small reads and writes of recording an exchange. Where a
benchmark shows it matters, a service may write its SQL by hand with these
helpers, which take the column lists from the models and pass every value
through the fields' own adaptation and converters, exactly as the ORM does;
a new field or the other database needs no change here.
"""

from functools import cache

from django.db import connection
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
    values = list(values)
    for position, convs, column in _converters(connection.vendor, model):
        for converter in convs:
            values[position] = converter(values[position], column, connection)
    attnames = [f.attname for f in model._meta.concrete_fields]
    pk_at = attnames.index(model._meta.pk.attname)
    if values[pk_at] is None:
        return None
    return model.from_db(connection.alias, attnames, values)


def insert_values(
    obj: Model, *, typed: bool = False, computed: dict[str, str] | None = None
) -> tuple[str, str, list]:
    """(`"col", …`, `%s, …`, params) to insert this unsaved object, the primary key
    included only when it is set, values prepared as Model.save() would prepare them.

    typed=True casts each placeholder to its column's type (`%s::bigint`), for
    PostgreSQL's INSERT … SELECT, where an untyped literal would be read as text.
    `computed` gives SQL for some fields instead of their values
    ({"target_id": "e.id::text"}).
    """
    computed = computed or {}
    with_pk = getattr(obj, obj._meta.pk.attname) is not None
    fields, columns, marks = _insert_shape(
        connection.vendor, type(obj), with_pk, typed, tuple(sorted(computed.items()))
    )
    params = [
        f.get_db_prep_save(f.pre_save(obj, True), connection)
        for f in fields
        if f.attname not in computed
    ]
    return columns, marks, params


@cache
def _insert_shape(vendor, model, with_pk, typed, computed):
    """The fields, column list and placeholders, worked out once per shape."""
    computed = dict(computed)
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    columns = ", ".join(quoted(f.column) for f in fields)
    marks = ", ".join(
        computed[f.attname]
        if f.attname in computed
        else f"%s::{f.cast_db_type(connection)}"
        if typed
        else "%s"
        for f in fields
    )
    return fields, columns, marks


def saved(obj: Model) -> Model:
    """Mark an object written by hand-written SQL as saved, as Model.save() would."""
    obj._state.adding = False
    obj._state.db = connection.alias
    return obj

