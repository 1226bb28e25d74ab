"""The double-entry ledger: the only code that writes postings.

Every transfer is two or more postings in whole minutes that sum to zero.
The postings are inserted first and the transfer header last, in one
transaction, so the database's trigger on the header can check the sum
(see ledger_sql.py). Accounts are locked in primary-key order, so two
transfers over the same accounts queue rather than deadlock.

On PostgreSQL the locking, the rules and both inserts run in the database
function timebank_post() in one round trip; on SQLite (one writer at a time)
_post_here() applies the same rules in Python. The tests run against both.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.rawsql import prepared_cursor, saved

from .models import Account, Posting, TimeBank, Transfer, hours


def _merge(postings: Iterable[tuple[Account, int]]) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for account, minutes in postings:
        if not isinstance(minutes, int) or isinstance(minutes, bool):
            raise DomainError(_("Time is recorded in whole minutes."), code="not_whole_minutes")
        totals[account.pk] += minutes
    return {pk: m for pk, m in totals.items() if m}


def transfer_post(
    *,
    bank: TimeBank,
    kind: str,
    postings: Iterable[tuple[Account, int]],
    by=None,
    on_behalf_of=None,
    idempotency_key: uuid.UUID | None = None,
    reverses: Transfer | None = None,
    reason: str = "",
    at=None,
) -> Transfer:
    """Write one balanced transfer; with an idempotency key already used, return that one."""
    if idempotency_key is not None:
        existing = Transfer.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    transfer, ordered = prepare_transfer(
        bank=bank,
        kind=kind,
        postings=postings,
        by=by,
        on_behalf_of=on_behalf_of,
        idempotency_key=idempotency_key,
        reverses=reverses,
        reason=reason,
        at=at,
    )
    try:
        with transaction.atomic():
            return write_prepared(transfer, ordered)
    except IntegrityError:
        # The same form submitted twice at once: the other request recorded it.
        # (Within a caller's transaction the caller handles this.)
        if idempotency_key is not None:
            existing = Transfer.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing
        raise


def prepare_transfer(
    *,
    bank,
    kind,
    postings,
    by=None,
    on_behalf_of=None,
    idempotency_key=None,
    reverses=None,
    reason="",
    at=None,
) -> tuple[Transfer, list[tuple[int, int]]]:
    """The transfer header (unsaved) and its postings as (account id, minutes) in
    account order, once the postings are whole minutes that balance."""
    totals = _merge(postings)
    if len(totals) < 2:
        raise DomainError(_("A transfer needs two different accounts."), code="one_sided")
    if sum(totals.values()) != 0:
        raise DomainError(_("What is given must equal what is received."), code="unbalanced")
    transfer = Transfer(
        id=uuid.uuid4(),
        bank=bank,
        kind=kind,
        idempotency_key=idempotency_key,
        reverses=reverses,
        reason=reason,
        recorded_at=at or timezone.now(),
        recorded_by=by if by is not None and by.is_authenticated else None,
        on_behalf_of=on_behalf_of,
    )
    return transfer, sorted(totals.items())


def write_prepared(transfer: Transfer, ordered: list[tuple[int, int]]) -> Transfer:
    """Write a transfer from prepare_transfer() in the caller's transaction."""
    if connection.vendor == "postgresql":
        problem, account_id = _post_in_database(transfer, ordered)
    else:
        problem, account_id = _post_here(transfer, ordered)
    if problem:
        raise refusal(problem, account_id)
    saved(transfer)
    return transfer


# The arguments timebank_post() takes, in order (timebank_record_exchange()
# takes the same first).
POST_ARGUMENTS = "%s, %s, %s, %s::bigint[], %s::integer[], %s, %s, %s, %s, %s, %s"


def post_arguments(transfer: Transfer, ordered: list[tuple[int, int]]) -> list:
    return [
        transfer.id,
        transfer.bank_id,
        transfer.kind,
        [pk for pk, _m in ordered],
        [m for _pk, m in ordered],
        transfer.idempotency_key,
        transfer.reverses_id,
        transfer.reason,
        transfer.recorded_at,
        transfer.recorded_by_id,
        transfer.on_behalf_of_id,
    ]


def _post_in_database(transfer, ordered) -> tuple[str | None, int | None]:
    """PostgreSQL: the locks, the rules and both inserts in one round trip."""
    with prepared_cursor() as cursor:
        cursor.execute(
            f"SELECT problem, account FROM timebank_post({POST_ARGUMENTS})",
            post_arguments(transfer, ordered),
        )
        return cursor.fetchone()


def _post_here(transfer, ordered) -> tuple[str | None, int | None]:
    """The same rules in Python (SQLite, whose IMMEDIATE transactions already serialise
    writers): lock the accounts in id order, check them, insert postings then header."""
    accounts = list(
        Account.objects.select_for_update(of=("self",))
        .select_related("bank")
        .filter(pk__in=[pk for pk, _m in ordered])
        .order_by("pk")
    )
    if len(accounts) != len(ordered):
        return "no_account", None
    bank = transfer.bank
    totals = dict(ordered)
    for account in accounts:
        if account.bank_id != bank.pk and not (
            bank.allows_other_banks and account.bank.allows_other_banks
        ):
            return "other_bank", account.pk
        new_balance = account.balance_minutes + totals[account.pk]
        if totals[account.pk] < 0 and new_balance < account.limit_minutes:
            return "over_limit", account.pk
    Posting.objects.bulk_create(
        [Posting(transfer_id=transfer.id, account_id=pk, minutes=m) for pk, m in ordered]
    )
    transfer.save(force_insert=True)
    return None, None


def refusal(problem: str, account_id: int | None) -> DomainError:
    """The plain-English answer for a rule the transfer broke (nothing was written)."""
    if problem == "no_account":
        return DomainError(_("One of the accounts does not exist."), code="no_account")
    account = Account.objects.select_related("bank", "person", "organisation").get(pk=account_id)
    if problem == "other_bank":
        return DomainError(
            _("%(name)s belongs to another time bank.") % {"name": account.owner_name},
            code="other_bank",
        )
    return DomainError(
        _(
            "%(name)s would go below the lowest balance allowed (%(limit)s hours); "
            "a broker can agree an exception."
        )
        % {"name": account.owner_name, "limit": hours(account.limit_minutes)},
        code="over_limit",
    )


def transfer_reverse(
    *, transfer: Transfer, by, reason: str, idempotency_key: uuid.UUID | None = None, at=None
) -> Transfer:
    """Correct a mistake with a new transfer that undoes the original (never an edit)."""
    if not reason.strip():
        raise DomainError(_("Say why it is being undone."), code="no_reason", field="reason")
    if transfer.kind == Transfer.Kind.REVERSAL:
        raise DomainError(
            _("A correction cannot itself be undone; record the exchange again instead."),
            code="reverse_reversal",
        )
    if Transfer.objects.filter(reverses=transfer).exists():
        raise DomainError(_("This has already been undone."), code="already_reversed")
    postings = [(p.account, -p.minutes) for p in transfer.postings.select_related("account")]
    try:
        return transfer_post(
            bank=transfer.bank,
            kind=Transfer.Kind.REVERSAL,
            postings=postings,
            by=by,
            idempotency_key=idempotency_key,
            reverses=transfer,
            reason=reason.strip(),
            at=at,
        )
    except IntegrityError as error:
        raise DomainError(_("This has already been undone."), code="already_reversed") from error
