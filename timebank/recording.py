"""Writing a recorded exchange: its transfer (postings and header), the
exchange, who gave the time, and the audit entry.

On PostgreSQL all of it goes as one statement: timebank_post() applies the
ledger's locks and rules and writes the transfer (ledger_sql.py), and three
INSERTs follow only if it did. One round trip instead of six keeps recording
close to the speed of bare ledger inserts (bench/ledger.py). On SQLite, where
a statement costs no round trip, the same rows are written one by one;
timebank/tests/test_recording.py checks that both ways write the same rows.
"""

from django.db import connection

from audit.models import AuditEvent
from core.rawsql import insert_values, quoted, saved

from .ledger import post_call, refusal, write_prepared
from .models import Account, Exchange, Participant, Transfer


def record(
    *,
    exchange: Exchange,
    transfer: Transfer,
    ordered: list[tuple[int, int]],
    givers: list[Account],
    event: AuditEvent,
) -> None:
    """Write them all, or raise the ledger's refusal having written nothing."""
    write = record_in_one_statement if connection.vendor == "postgresql" else record_row_by_row
    write(exchange=exchange, transfer=transfer, ordered=ordered, givers=givers, event=event)


def record_row_by_row(
    *,
    exchange: Exchange,
    transfer: Transfer,
    ordered: list[tuple[int, int]],
    givers: list[Account],
    event: AuditEvent,
) -> None:
    """Through the ORM, inside the caller's transaction."""
    exchange.transfer = write_prepared(transfer, ordered)
    exchange.save(force_insert=True)
    Participant.objects.bulk_create([Participant(exchange=exchange, account=g) for g in givers])
    event.target_id = str(exchange.pk)
    event.save()


def record_in_one_statement(
    *,
    exchange: Exchange,
    transfer: Transfer,
    ordered: list[tuple[int, int]],
    givers: list[Account],
    event: AuditEvent,
) -> None:
    """PostgreSQL, in one statement (a transaction of its own outside atomic())."""
    call, call_params = post_call(transfer, ordered)
    exchange.transfer = transfer
    e_columns, e_values, e_params = insert_values(exchange, typed=True)
    a_columns, a_values, a_params = insert_values(
        event, typed=True, computed={"target_id": "e.id::text"}
    )
    sql = (
        f"WITH posted AS MATERIALIZED (SELECT problem, account FROM {call}), "
        f"e AS (INSERT INTO {quoted(Exchange._meta.db_table)} ({e_columns}) "
        f"SELECT {e_values} FROM posted WHERE posted.problem IS NULL RETURNING id), "
        f"p AS (INSERT INTO {quoted(Participant._meta.db_table)} (exchange_id, account_id) "
        "SELECT e.id, g.account FROM e, unnest(%s::bigint[]) AS g(account)), "
        f"a AS (INSERT INTO {quoted(AuditEvent._meta.db_table)} ({a_columns}) "
        f"SELECT {a_values} FROM e) "
        "SELECT posted.problem, posted.account, e.id FROM posted LEFT JOIN e ON true"
    )
    params = [*call_params, *e_params, [g.pk for g in givers], *a_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        problem, account_id, exchange_id = cursor.fetchone()
    if problem:
        raise refusal(problem, account_id)
    saved(transfer)
    exchange.pk = exchange_id
    saved(exchange)
    event.target_id = str(exchange_id)
