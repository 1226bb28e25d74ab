"""Checks of every ledger invariant, for `manage.py check_ledger` and the tests.

They run as a few set-based queries, so a million postings take seconds.
"""

from dataclasses import dataclass

from django.db import connection, transaction

from .models import Account


@dataclass(frozen=True)
class Problem:
    rule: str
    account_id: int | None
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.detail}"


def _rows(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _describe(account_id: int) -> str:
    account = (
        Account.objects.select_related("bank", "person", "organisation")
        .filter(pk=account_id)
        .first()
    )
    if account is None:
        return f"account {account_id}"
    return f"account {account_id} ({account.owner_name}, {account.bank.name})"


def ledger_problems() -> list[Problem]:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The checks are hash joins over every posting: give them memory for this
            # transaction only, so a million postings are checked in a few seconds.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '128MB'")
        return _problems()


def _problems() -> list[Problem]:
    problems: list[Problem] = []
    if connection.vendor == "postgresql":
        problems += _transfer_problems_one_pass()
    else:
        problems += _transfer_problems_by_index()
    for account_id, cached, total in _rows(
        "SELECT a.id, a.balance_minutes, COALESCE(s.total, 0) FROM timebank_account a "
        "LEFT JOIN (SELECT account_id, SUM(minutes) AS total FROM timebank_posting "
        "GROUP BY account_id) s ON s.account_id = a.id "
        "WHERE a.balance_minutes <> COALESCE(s.total, 0)"
    ):
        problems.append(
            Problem(
                "balance",
                account_id,
                f"{_describe(account_id)} shows {cached} minutes but its postings sum to {total}",
            )
        )
    for account_id, balance, limit in _rows(
        "SELECT a.id, a.balance_minutes, COALESCE(a.overdraft_limit_minutes, "
        "CASE WHEN a.kind = 'pot' THEN 0 ELSE b.overdraft_limit_minutes END) "
        "FROM timebank_account a JOIN timebank_timebank b ON b.id = a.bank_id "
        "WHERE a.balance_minutes < COALESCE(a.overdraft_limit_minutes, "
        "CASE WHEN a.kind = 'pot' THEN 0 ELSE b.overdraft_limit_minutes END)"
    ):
        problems.append(
            Problem(
                "limit",
                account_id,
                f"{_describe(account_id)} is at {balance} minutes, below its limit of {limit}",
            )
        )
    for (transfer_id,) in _rows(
        "SELECT DISTINCT r.id FROM timebank_transfer r "
        "JOIN timebank_posting pr ON pr.transfer_id = r.id "
        "LEFT JOIN timebank_posting po ON po.transfer_id = r.reverses_id "
        "AND po.account_id = pr.account_id "
        "WHERE r.kind = 'reversal' AND (po.id IS NULL OR po.minutes <> -pr.minutes)"
    ):
        problems.append(
            Problem("reversal", None, f"correction {transfer_id} does not mirror what it undoes")
        )
    for (exchange_id,) in _rows(
        "SELECT e.id FROM timebank_exchange e WHERE e.status IN ('confirmed', 'reversed') "
        "AND e.minutes IS NULL"
    ):
        problems.append(Problem("exchange", None, f"exchange {exchange_id} has no minutes"))
    return problems


def _transfer_problems_one_pass() -> list[Problem]:
    """One pass over the postings, grouped by transfer, joined both ways with the
    headers: a transfer whose postings do not sum to zero or number fewer than
    two, a header with no postings, postings with no header, a zero posting."""
    problems: list[Problem] = []
    for transfer_id, header, total, count, smallest in _rows(
        "SELECT g.transfer_id, t.id, g.total, g.n, g.smallest FROM timebank_transfer t "
        "FULL OUTER JOIN (SELECT transfer_id, SUM(minutes) AS total, COUNT(*) AS n, "
        "MIN(ABS(minutes)) AS smallest FROM timebank_posting GROUP BY transfer_id) g "
        "ON g.transfer_id = t.id "
        "WHERE t.id IS NULL OR g.transfer_id IS NULL OR g.total <> 0 OR g.n < 2 "
        "OR g.smallest = 0"
    ):
        if transfer_id is None:
            problems.append(Problem("empty", None, f"transfer {header} has no postings"))
        elif header is None:
            problems.append(
                Problem("posting", None, f"postings of transfer {transfer_id} have no transfer")
            )
        elif smallest == 0:
            problems.append(Problem("posting", None, f"transfer {transfer_id} has a zero posting"))
        else:
            problems.append(
                Problem(
                    "unbalanced",
                    None,
                    f"transfer {transfer_id} has {count} postings summing to {total} minutes",
                )
            )
    return problems


def _transfer_problems_by_index() -> list[Problem]:
    """The same checks as separate queries, each using an index (SQLite plans a full
    outer join against a grouped subquery as a nested loop)."""
    problems: list[Problem] = []
    for transfer_id, total, count in _rows(
        "SELECT transfer_id, SUM(minutes), COUNT(*) FROM timebank_posting "
        "GROUP BY transfer_id HAVING SUM(minutes) <> 0 OR COUNT(*) < 2"
    ):
        problems.append(
            Problem(
                "unbalanced",
                None,
                f"transfer {transfer_id} has {count} postings summing to {total} minutes",
            )
        )
    for (transfer_id,) in _rows(
        "SELECT t.id FROM timebank_transfer t WHERE NOT EXISTS "
        "(SELECT 1 FROM timebank_posting p WHERE p.transfer_id = t.id)"
    ):
        problems.append(Problem("empty", None, f"transfer {transfer_id} has no postings"))
    for (posting_id,) in _rows(
        "SELECT p.id FROM timebank_posting p WHERE p.minutes = 0 OR NOT EXISTS "
        "(SELECT 1 FROM timebank_transfer t WHERE t.id = p.transfer_id)"
    ):
        problems.append(
            Problem("posting", None, f"posting {posting_id} is zero or has no transfer")
        )
    return problems
