"""Time bank ledger: exchanges through the service layer against raw inserts
of the same postings into the same tables, and check_ledger over a million
postings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coproduce_bench .venv/bin/python -m bench ledger
    (environment: BENCH_LEDGER_N=2000, BENCH_LEDGER_POSTINGS=1000000)

The service path is exchange_record(), what a broker's "record time given"
does: safeguarding clearance, the accounts' row locks and limits, the
balanced transfer, the exchange, who gave and the audit log. The raw path
inserts two postings and a transfer header per exchange in its own
transaction (the smallest write the database's ledger triggers accept),
through Django's ordinary cursor; for comparison it is also timed through
the prepared cursor the service path uses on PostgreSQL. They alternate in
ten rounds, after a few of each to warm up, so a busy moment on the machine
falls on both alike; the rounds' own ratios are printed too.
"""

import os
import statistics
import uuid

from bench.harness import Timer, setup_django, throwaway_database

N = int(os.environ.get("BENCH_LEDGER_N", "2000"))
ROUNDS = 10
WARM_UP = 20
POSTINGS = int(os.environ.get("BENCH_LEDGER_POSTINGS", "1000000"))
MEMBERS = 40


def _world():
    from people.models import Organisation, Partnership, Person
    from timebank.services import account_open, bank_create
    from timebank.testing import relaxed_policy

    partnership = Partnership.objects.create(name="Bench", slug="bench")
    org = Organisation.objects.create(
        partnership=partnership, slug="tb", name="TB", kind="third_sector"
    )
    bank = bank_create(
        organisation=org, name="Bench bank", slug="bench", overdraft_limit_minutes=-(10**8)
    )
    relaxed_policy(org)
    accounts = [
        account_open(
            bank=bank, person=Person.objects.create(partnership=partnership, given_name=f"M{i}")
        )
        for i in range(MEMBERS)
    ]
    return bank, accounts


def _service(bank, accounts, first: int, count: int) -> float:
    from timebank.services import exchange_record

    with Timer() as t:
        for i in range(first, first + count):
            exchange_record(
                bank=bank,
                receiver=accounts[i % MEMBERS],
                givers=[accounts[(i * 7 + 1) % MEMBERS]],
                minutes=30 + i % 90,
                description="Bench",
                by=None,
                idempotency_key=uuid.uuid4(),
            )
    return t.seconds


def _uid(value: uuid.UUID, vendor: str) -> str:
    return value.hex if vendor == "sqlite" else str(value)


def _raw(bank, accounts, first: int, count: int, prepared: bool = False) -> float:
    from django.db import connection, transaction

    from core.rawsql import prepared_cursor

    vendor = connection.vendor
    cursor_for = prepared_cursor if prepared else connection.cursor
    posting = "INSERT INTO timebank_posting (transfer_id, account_id, minutes) VALUES (%s, %s, %s)"
    header = (
        "INSERT INTO timebank_transfer (id, bank_id, kind, reason, recorded_at) "
        "VALUES (%s, %s, 'exchange', '', CURRENT_TIMESTAMP)"
    )
    with Timer() as t:
        for i in range(first, first + count):
            tid = _uid(uuid.uuid4(), vendor)
            a, b = accounts[i % MEMBERS].pk, accounts[(i * 7 + 1) % MEMBERS].pk
            with transaction.atomic(), cursor_for() as cursor:
                cursor.execute(posting, [tid, a, -(30 + i % 90)])
                cursor.execute(posting, [tid, b, 30 + i % 90])
                cursor.execute(header, [tid, bank.pk])
    return t.seconds


def _bulk_postgres(bank, ids, transfers: int) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        # Bulk loading only: skip row triggers, then set balances from the sums.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "INSERT INTO timebank_posting (transfer_id, account_id, minutes) "
            "SELECT md5('bench' || g)::uuid, (%s::int[])[1 + ((g + s) %% %s)], "
            "CASE WHEN s = 0 THEN -30 ELSE 30 END "
            "FROM generate_series(1, %s) g CROSS JOIN (VALUES (0), (1)) v(s)",
            [ids, len(ids), transfers],
        )
        cursor.execute(
            "INSERT INTO timebank_transfer (id, bank_id, kind, reason, recorded_at) "
            "SELECT md5('bench' || g)::uuid, %s, 'exchange', '', now() FROM generate_series(1, %s) g",
            [bank.pk, transfers],
        )
        cursor.execute(
            "UPDATE timebank_account a SET balance_minutes = s.total FROM (SELECT account_id, "
            "SUM(minutes) AS total FROM timebank_posting GROUP BY account_id) s "
            "WHERE s.account_id = a.id"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE timebank_posting")
        cursor.execute("ANALYZE timebank_transfer")


def _bulk_sqlite(bank, ids, transfers: int) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        tids = [uuid.uuid4().hex for _ in range(transfers)]
        cursor.executemany(
            "INSERT INTO timebank_posting (transfer_id, account_id, minutes) VALUES (%s, %s, %s)",
            [
                (tid, ids[(g + s) % len(ids)], -30 if s == 0 else 30)
                for g, tid in enumerate(tids)
                for s in (0, 1)
            ],
        )
        cursor.executemany(
            "INSERT INTO timebank_transfer (id, bank_id, kind, reason, recorded_at) "
            "VALUES (%s, %s, 'exchange', '', CURRENT_TIMESTAMP)",
            [(tid, bank.pk) for tid in tids],
        )


def _million(bank, accounts) -> tuple[int, float, float, int]:
    from django.db import connection

    from timebank.integrity import ledger_problems
    from timebank.models import Posting

    ids = [a.pk for a in accounts]
    transfers = POSTINGS // 2
    with Timer() as load:
        if connection.vendor == "postgresql":
            _bulk_postgres(bank, ids, transfers)
        else:
            _bulk_sqlite(bank, ids, transfers)
    count = Posting.objects.count()
    with Timer() as check:
        problems = ledger_problems()
    return count, load.seconds, check.seconds, len(problems)


def main() -> None:
    setup_django()
    from django.db import connection

    with throwaway_database():
        bank, accounts = _world()
        _service(bank, accounts, 0, WARM_UP)
        _raw(bank, accounts, 0, WARM_UP)
        _raw(bank, accounts, 0, WARM_UP, prepared=True)
        service = raw = raw_prepared = 0.0
        round_ratios = []
        chunk = N // ROUNDS
        for r in range(ROUNDS):
            first = WARM_UP + r * chunk
            service_round = _service(bank, accounts, first, chunk)
            raw_round = _raw(bank, accounts, first, chunk)
            raw_prepared += _raw(bank, accounts, first, chunk, prepared=True)
            service += service_round
            raw += raw_round
            round_ratios.append(raw_round / service_round)
        done = chunk * ROUNDS
        service_rate, raw_rate = done / service, done / raw
        print(f"database: {connection.vendor}")
        print(f"service layer: {done} exchanges in {service:.2f}s = {service_rate:.0f}/s")
        print(f"raw inserts:   {done} transfers in {raw:.2f}s = {raw_rate:.0f}/s")
        print(f"ratio service/raw: {service_rate / raw_rate:.2f} (aim: at least 0.5)")
        # Each round's two halves ran back to back, so a busy moment on a shared
        # machine falls on both: the rounds' ratios show how steady the figure is.
        print(
            f"ratio by round: median {statistics.median(round_ratios):.2f}, "
            f"lowest {min(round_ratios):.2f}, highest {max(round_ratios):.2f}"
        )
        # For comparison only: the service path prepares its statements
        # (core.rawsql.prepared_cursor); here are the raw inserts prepared too.
        print(
            f"raw inserts, prepared: {done / raw_prepared:.0f}/s "
            f"(service/that: {raw_prepared / service:.2f})"
        )
        count, load, check, problems = _million(bank, accounts)
        print(
            f"bulk load: {load:.1f}s; check_ledger over {count} postings: {check:.2f}s (aim: under 5s)"
        )
        print(f"problems found: {problems}")


if __name__ == "__main__":
    main()
