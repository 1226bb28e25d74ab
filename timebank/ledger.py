"""The double-entry ledger: the only code that writes postings.

Every transfer is two or more postings in whole minutes that sum to zero.
The postings are inserted first and the transfer header last, in one
transaction, so the database's trigger on the header can check the sum
(see migrations/0002_ledger_rules.py). Accounts are locked in primary-key
order, so two transfers over the same accounts queue rather than deadlock.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError

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
    check_limits: bool = True,
) -> Transfer:
    """Write one balanced transfer; with an idempotency key already used, return that one."""
    if idempotency_key is not None:
        existing = Transfer.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    totals = _merge(postings)
    if len(totals) < 2:
        raise DomainError(_("A transfer needs two different accounts."), code="one_sided")
    if sum(totals.values()) != 0:
        raise DomainError(_("What is given must equal what is received."), code="unbalanced")
    try:
        with transaction.atomic():
            return _write(
                bank,
                kind,
                totals,
                by,
                on_behalf_of,
                idempotency_key,
                reverses,
                reason,
                at,
                check_limits,
            )
    except IntegrityError:
        # The same form submitted twice at once: the other request recorded it.
        # (Within a caller's transaction the caller handles this.)
        if idempotency_key is not None:
            existing = Transfer.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing
        raise


def write_transfer(
    *, bank, kind, postings, by=None, on_behalf_of=None, idempotency_key=None, at=None
) -> Transfer:
    """Write a transfer inside the caller's transaction, with no look-up first.

    A repeated idempotency key raises IntegrityError, for the caller to answer
    with what was recorded the first time.
    """
    totals = _merge(postings)
    if len(totals) < 2:
        raise DomainError(_("A transfer needs two different accounts."), code="one_sided")
    if sum(totals.values()) != 0:
        raise DomainError(_("What is given must equal what is received."), code="unbalanced")
    return _write(bank, kind, totals, by, on_behalf_of, idempotency_key, None, "", at, True)


def _write(bank, kind, totals, by, on_behalf_of, key, reverses, reason, at, check_limits):
    accounts = list(
        Account.objects.select_for_update(of=("self",)).filter(pk__in=totals).order_by("pk")
    )
    if len(accounts) != len(totals):
        raise DomainError(_("One of the accounts does not exist."), code="no_account")
    for account in accounts:
        if account.bank_id == bank.pk:
            account.bank = bank  # already at hand: no query for its limit
        elif not (bank.allows_other_banks and account.bank.allows_other_banks):
            raise DomainError(
                _("%(name)s belongs to another time bank.") % {"name": account.owner_name},
                code="other_bank",
            )
        new_balance = account.balance_minutes + totals[account.pk]
        if check_limits and totals[account.pk] < 0 and new_balance < account.limit_minutes:
            raise DomainError(
                _(
                    "%(name)s would go below the lowest balance allowed (%(limit)s hours); "
                    "a broker can agree an exception."
                )
                % {"name": account.owner_name, "limit": hours(account.limit_minutes)},
                code="over_limit",
            )
    transfer_id = uuid.uuid4()
    Posting.objects.bulk_create(
        [Posting(transfer_id=transfer_id, account_id=pk, minutes=m) for pk, m in totals.items()]
    )
    transfer = Transfer.objects.create(
        id=transfer_id,
        bank=bank,
        kind=kind,
        idempotency_key=key,
        reverses=reverses,
        reason=reason,
        recorded_at=at or timezone.now(),
        recorded_by=by if by is not None and by.is_authenticated else None,
        on_behalf_of=on_behalf_of,
    )
    return transfer


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
