"""Writing a recorded exchange: its transfer (postings and header), the
exchange, who gave the time, and the audit entry.

On PostgreSQL all of it is one call of the database function
timebank_record_exchange() (ledger_sql.py): timebank_post() applies the
ledger's locks and rules and writes the transfer, and the other rows follow
only if it did. One round trip instead of six, and statements whose plans the
database keeps, keep recording close to the speed of bare ledger inserts
(bench/ledger.py). On SQLite, where
a statement costs no round trip, the same rows are written one by one;
timebank/tests/test_recording.py checks that both ways write the same rows.
"""

from django.db import connection

from audit.models import AuditEvent
from core.rawsql import prepared_cursor, row_json, saved

from .ledger import POST_ARGUMENTS, post_arguments, refusal, write_prepared
from .models import Account, Exchange, Participant, Transfer


def in_one_statement() -> bool:
    """Whether record() writes everything in a single statement (PostgreSQL), which
    outside atomic() is a transaction of its own."""
    return connection.vendor == "postgresql"


def record(
    *,
    exchange: Exchange,
    transfer: Transfer,
    ordered: list[tuple[int, int]],
    givers: list[Account],
    event: AuditEvent,
) -> None:
    """Write them all, or raise the ledger's refusal having written nothing."""
    write = record_in_one_statement if in_one_statement() else record_row_by_row
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
    """PostgreSQL: one call of timebank_record_exchange() (a transaction of its own
    outside atomic())."""
    exchange.transfer = transfer
    with prepared_cursor() as cursor:
        cursor.execute(
            "SELECT problem, account, exchange FROM timebank_record_exchange("
            f"{POST_ARGUMENTS}, %s::jsonb, %s::bigint[], %s::jsonb)",
            [
                *post_arguments(transfer, ordered),
                row_json(exchange),
                [g.pk for g in givers],
                row_json(event),
            ],
        )
        problem, account_id, exchange_id = cursor.fetchone()
    if problem:
        raise refusal(problem, account_id)
    saved(transfer)
    exchange.pk = exchange_id
    saved(exchange)
    event.target_id = str(exchange_id)
