"""Writes for the time bank, in the field's words.

Exchanges move proposed → agreed → done → confirmed (or cancelled with a
reason); only confirming touches the ledger, through ledger.transfer_post.
"""

import datetime
import uuid

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event, audit_record
from core.errors import DomainError
from people.models import Organisation, Person

from .ledger import prepare_transfer, transfer_post, transfer_reverse
from .models import (
    Account,
    Exchange,
    Expense,
    Listing,
    Participant,
    Referral,
    TimeBank,
    Transfer,
    Where,
)
from .recording import in_one_statement, record

# Where help can happen, as stored (a set, read on every exchange recorded).
WHERE_CODES = frozenset(Where.values)


def _actor(by):
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def bank_create(
    *, organisation: Organisation, name: str, slug: str, by=None, **settings
) -> TimeBank:
    """A bank run by an organisation, with the organisation's account and a community pot."""
    with transaction.atomic():
        bank = TimeBank.objects.create(
            partnership=organisation.partnership,
            organisation=organisation,
            name=name,
            slug=slug,
            **settings,
        )
        Account.objects.create(bank=bank, kind=Account.Kind.ORGANISATION, organisation=organisation)
        Account.objects.create(bank=bank, kind=Account.Kind.POT)
        audit_record(
            "timebank.bank.created", actor=_actor(by), organisation=organisation, target=bank
        )
    return bank


def bank_update(*, bank: TimeBank, by, **changes) -> TimeBank:
    for name, value in changes.items():
        setattr(bank, name, value)
    bank.save()
    audit_record(
        "timebank.bank.updated",
        actor=_actor(by),
        organisation=bank.organisation,
        target=bank,
        data={"fields": sorted(changes)},
    )
    return bank


def pot_for(bank: TimeBank) -> Account:
    return Account.objects.get(bank=bank, kind=Account.Kind.POT)


def organisation_account(bank: TimeBank, organisation: Organisation | None = None) -> Account:
    organisation = organisation or bank.organisation
    account, _created = Account.objects.get_or_create(
        bank=bank, organisation=organisation, defaults={"kind": Account.Kind.ORGANISATION}
    )
    return account


def account_open(*, bank: TimeBank, person: Person, by=None, on_behalf_of=None) -> Account:
    """Join a member to the bank (or return their open account)."""
    if person.partnership_id != bank.partnership_id or person.erased_at:
        raise DomainError(_("This person cannot join this time bank."), code="wrong_partnership")
    account, created = Account.objects.get_or_create(
        bank=bank, person=person, defaults={"kind": Account.Kind.PERSON}
    )
    if created:
        audit_record(
            "timebank.account.opened",
            actor=_actor(by),
            person=person,
            on_behalf_of=on_behalf_of,
            organisation=bank.organisation,
            target=account,
        )
    return account


def overdraft_grant(*, account: Account, limit_minutes: int | None, reason: str, by) -> Account:
    """A broker lets one account go lower than the bank's limit (or takes that back)."""
    if limit_minutes is not None and limit_minutes > 0:
        raise DomainError(_("The lowest balance cannot be above zero."), field="limit_minutes")
    if limit_minutes is not None and not reason.strip():
        raise DomainError(_("Say why this account may go lower."), field="reason")
    account.overdraft_limit_minutes = limit_minutes
    account.overdraft_reason = reason.strip() if limit_minutes is not None else ""
    account.overdraft_granted_by = _actor(by)
    account.save(
        update_fields=["overdraft_limit_minutes", "overdraft_reason", "overdraft_granted_by"]
    )
    audit_record(
        "timebank.account.limit_changed",
        actor=_actor(by),
        person=account.person,
        organisation=account.bank.organisation,
        target=account,
        data={"limit_minutes": limit_minutes},
    )
    return account


# Offers and requests -------------------------------------------------------


def listing_create(*, account: Account, kind: str, by, on_behalf_of=None, **fields) -> Listing:
    if kind not in Listing.Kind.values:
        raise DomainError(_("Choose an offer or a request."), field="kind")
    if account.closed_at:
        raise DomainError(_("This account is closed."))
    listing = Listing.objects.create(
        bank=account.bank,
        account=account,
        kind=kind,
        created_by=_actor(by),
        on_behalf_of=on_behalf_of,
        **fields,
    )
    audit_record(
        f"timebank.{kind}.posted",
        actor=_actor(by),
        person=account.person,
        on_behalf_of=on_behalf_of,
        organisation=account.bank.organisation,
        target=listing,
        data={"category": listing.category_id},
    )
    return listing


def listing_close(*, listing: Listing, by, on_behalf_of=None) -> Listing:
    if listing.status != Listing.Status.CLOSED:
        listing.status = Listing.Status.CLOSED
        listing.save(update_fields=["status"])
        audit_record(
            f"timebank.{listing.kind}.closed",
            actor=_actor(by),
            person=listing.account.person,
            on_behalf_of=on_behalf_of,
            organisation=listing.bank.organisation,
            target=listing,
        )
    return listing


# Exchanges -----------------------------------------------------------------


def _check_accounts(bank: TimeBank, receiver: Account, givers: list[Account]) -> None:
    if not givers:
        raise DomainError(_("Choose who gives the time."), field="givers")
    if receiver in givers:
        raise DomainError(_("Nobody can exchange time with themselves."), field="givers")
    if len(set(givers)) != len(givers):
        raise DomainError(_("Each helper can be named once."), field="givers")
    if receiver.kind == Account.Kind.POT or any(g.kind == Account.Kind.POT for g in givers):
        raise DomainError(_("The community pot gives and receives through gifts and grants."))
    for account in [receiver, *givers]:
        if account.closed_at:
            raise DomainError(_("%(name)s has left the bank.") % {"name": account.owner_name})
        if account.bank_id != bank.pk and not (
            bank.allows_other_banks and account.bank.allows_other_banks
        ):
            raise DomainError(
                _("%(name)s belongs to a time bank that does not exchange with this one.")
                % {"name": account.owner_name},
                code="other_bank",
            )


def exchange_propose(
    *,
    bank: TimeBank,
    receiver: Account,
    givers: list[Account],
    description: str,
    where: str,
    by,
    on_behalf_of=None,
    category=None,
    request: Listing | None = None,
    starts_at: datetime.datetime | None = None,
    is_group: bool = False,
) -> Exchange:
    _check_accounts(bank, receiver, givers)
    if where not in WHERE_CODES:
        raise DomainError(_("Say where it happens."), field="where")
    if not description.strip():
        raise DomainError(_("Say what the help is."), field="description")
    with transaction.atomic():
        exchange = Exchange.objects.create(
            bank=bank,
            receiver=receiver,
            description=description.strip(),
            where=where,
            category=category or (request.category if request else None),
            request=request,
            starts_at=starts_at,
            is_group=is_group or len(givers) > 1,
            created_by=_actor(by),
            on_behalf_of=on_behalf_of,
        )
        Participant.objects.bulk_create([Participant(exchange=exchange, account=g) for g in givers])
        if request is not None and request.status == Listing.Status.OPEN:
            request.status = Listing.Status.MATCHED
            request.save(update_fields=["status"])
        _audit(exchange, "proposed", by, on_behalf_of)
    return exchange


def _audit(exchange: Exchange, what: str, by, on_behalf_of=None, **data) -> None:
    _audit_event(exchange, what, by, on_behalf_of, **data).save()


def _audit_event(exchange: Exchange, what: str, by, on_behalf_of=None, **data):
    return audit_event(
        f"timebank.exchange.{what}",
        actor=_actor(by),
        person=exchange.receiver.person,
        on_behalf_of=on_behalf_of,
        organisation=exchange.bank.organisation,
        target=exchange,
        data={"status": exchange.status, **data},
    )


def clearances_for(exchange: Exchange, helpers: list[Person], on: datetime.date | None = None):
    """The safeguarding answer for each helper in this exchange, by person id, in one query."""
    from safeguarding.policy import clearances

    return clearances(
        helpers=helpers,
        member=exchange.receiver.person,
        organisation=exchange.bank.organisation,
        at_home=exchange.where == Where.HOME,
        on=on,
    )


def _require_clearance(exchange: Exchange, helpers: list[Person], second_helper) -> None:
    """Safeguarding applies when people help an individual member."""
    if exchange.receiver.person_id is None:
        return
    helpers = [h for h in helpers if h is not None]
    answers = clearances_for(exchange, helpers) if helpers else {}
    for helper in helpers:
        answer = answers[helper.pk]
        if answer.allowed:
            continue
        if not answer.needs_second_person:
            raise DomainError(
                _("%(name)s cannot take this on: %(reasons)s")
                % {"name": helper.display_name, "reasons": " ".join(answer.reasons)},
                code="not_cleared",
            )
        if second_helper is None:
            raise DomainError(
                _("%(name)s needs a second, checked helper to go with them: %(reasons)s")
                % {"name": helper.display_name, "reasons": " ".join(answer.reasons)},
                code="needs_second_person",
                field="second_helper",
            )
    if second_helper is not None:
        if second_helper in helpers or second_helper.pk == exchange.receiver.person_id:
            raise DomainError(_("The second helper must be someone else."), field="second_helper")
        # The second person goes as the checked half of a pair, so the question is
        # whether they may accompany, not whether they could go alone.
        from safeguarding.policy import may_accompany

        answer = may_accompany(helper=second_helper, organisation=exchange.bank.organisation)
        if not answer.allowed:
            raise DomainError(
                _("%(name)s cannot be the second helper: %(reasons)s")
                % {"name": second_helper.display_name, "reasons": " ".join(answer.reasons)},
                code="second_not_cleared",
                field="second_helper",
            )


def _schedule_visit(exchange: Exchange, by, duration_minutes: int = 120) -> None:
    from safeguarding.policy import visit_required
    from safeguarding.services import visit_schedule

    if exchange.where != Where.HOME or exchange.receiver.person_id is None:
        return
    if not visit_required(organisation=exchange.bank.organisation, at_home=True):
        return
    helper = exchange.participants.select_related("account__person").first().account.person
    if helper is None:
        return
    starts_at = exchange.starts_at or timezone.now()
    visit = visit_schedule(
        subject=exchange.subject,
        helper=helper,
        member=exchange.receiver.person,
        organisation=exchange.bank.organisation,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=duration_minutes),
        by=_actor(by),
    )
    exchange.visit_id = visit.pk


def _lock(exchange: Exchange) -> Exchange:
    return (
        Exchange.objects.select_for_update(of=("self",))
        .select_related("bank__organisation", "receiver")
        .get(pk=exchange.pk)
    )


def _expect(exchange: Exchange, *statuses: str) -> None:
    if exchange.status not in statuses:
        raise DomainError(
            _("This exchange is %(status)s, so that cannot be done now.")
            % {"status": exchange.get_status_display().lower()},
            code="wrong_status",
        )


def exchange_agree(
    *, exchange: Exchange, by, on_behalf_of=None, second_helper: Person | None = None
) -> Exchange:
    """Both sides agree; safeguarding must allow it, and a home visit is planned if required."""
    with transaction.atomic():
        exchange = _lock(exchange)
        _expect(exchange, Exchange.Status.PROPOSED)
        helpers = [
            p.account.person
            for p in exchange.participants.select_related("account__person")
            if p.account.person_id
        ]
        _require_clearance(exchange, helpers, second_helper)
        exchange.second_helper = second_helper
        exchange.status = Exchange.Status.AGREED
        exchange.agreed_at = timezone.now()
        _schedule_visit(exchange, by)
        exchange.save()
        _audit(
            exchange, "agreed", by, on_behalf_of, second_helper=getattr(second_helper, "pk", None)
        )
    return exchange


def _valid_minutes(minutes) -> int:
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise DomainError(_("Enter the time given, in minutes, above zero."), field="minutes")
    if minutes > 24 * 60:
        raise DomainError(_("One exchange cannot be longer than a day."), field="minutes")
    return minutes


def exchange_done(*, exchange: Exchange, minutes: int, by, on_behalf_of=None) -> Exchange:
    minutes = _valid_minutes(minutes)
    with transaction.atomic():
        exchange = _lock(exchange)
        _expect(exchange, Exchange.Status.AGREED, Exchange.Status.DONE)
        exchange.minutes = minutes
        exchange.status = Exchange.Status.DONE
        exchange.done_at = timezone.now()
        exchange.save(update_fields=["minutes", "status", "done_at"])
        _audit(exchange, "done", by, on_behalf_of, minutes=minutes)
    return exchange


def exchange_confirm(
    *, exchange: Exchange, by, on_behalf_of=None, idempotency_key: uuid.UUID | None = None, at=None
) -> Exchange:
    """The receiver (or a broker) confirms the time: now, and only now, credits move."""
    with transaction.atomic():
        exchange = _lock(exchange)
        if (
            exchange.status == Exchange.Status.CONFIRMED
            and idempotency_key is not None
            and exchange.transfer.idempotency_key == idempotency_key
        ):
            return exchange
        _expect(exchange, Exchange.Status.DONE)
        givers = [p.account for p in exchange.participants.select_related("account__bank")]
        minutes = exchange.minutes
        transfer = transfer_post(
            bank=exchange.bank,
            kind=Transfer.Kind.GROUP if exchange.is_group else Transfer.Kind.EXCHANGE,
            postings=[(exchange.receiver, -minutes * len(givers)), *[(g, minutes) for g in givers]],
            by=by,
            on_behalf_of=on_behalf_of,
            idempotency_key=idempotency_key,
            at=at,
        )
        exchange.transfer = transfer
        exchange.status = Exchange.Status.CONFIRMED
        exchange.confirmed_at = at or timezone.now()
        exchange.confirmed_by = _actor(by)
        exchange.save(update_fields=["transfer", "status", "confirmed_at", "confirmed_by"])
        if exchange.request_id:
            Listing.objects.filter(pk=exchange.request_id, timing=Listing.Timing.ONE_OFF).update(
                status=Listing.Status.CLOSED
            )
        _audit(exchange, "confirmed", by, on_behalf_of, minutes=minutes)
    return exchange


def exchange_cancel(*, exchange: Exchange, reason: str, by, on_behalf_of=None) -> Exchange:
    if not reason.strip():
        raise DomainError(_("Say why it is cancelled."), field="reason")
    with transaction.atomic():
        exchange = _lock(exchange)
        _expect(exchange, Exchange.Status.PROPOSED, Exchange.Status.AGREED, Exchange.Status.DONE)
        exchange.status = Exchange.Status.CANCELLED
        exchange.cancel_reason = reason.strip()[:300]
        exchange.cancelled_at = timezone.now()
        exchange.save(update_fields=["status", "cancel_reason", "cancelled_at"])
        if exchange.request_id:
            Listing.objects.filter(pk=exchange.request_id, status=Listing.Status.MATCHED).update(
                status=Listing.Status.OPEN
            )
        _audit(exchange, "cancelled", by, on_behalf_of)
    return exchange


def exchange_reverse(*, exchange: Exchange, reason: str, by, at=None) -> Exchange:
    """A broker undoes a confirmed exchange: a linked correction, never an edit."""
    with transaction.atomic():
        exchange = _lock(exchange)
        _expect(exchange, Exchange.Status.CONFIRMED)
        transfer_reverse(transfer=exchange.transfer, by=by, reason=reason, at=at)
        exchange.status = Exchange.Status.REVERSED
        exchange.save(update_fields=["status"])
        _audit(exchange, "reversed", by)
    return exchange


def exchange_record(
    *,
    bank: TimeBank,
    receiver: Account,
    givers: list[Account],
    minutes: int,
    description: str,
    where: str = Where.COMMUNITY,
    by,
    on_behalf_of=None,
    category=None,
    request: Listing | None = None,
    idempotency_key: uuid.UUID | None = None,
    second_helper: Person | None = None,
    at=None,
) -> Exchange:
    """Record time already given, in one step (agreed, done and confirmed at once).

    The same rules as the step-by-step path apply: the accounts, safeguarding
    clearance, the limits and the balanced transfer; a second submission with
    the same idempotency key returns the exchange already recorded.
    """
    minutes = _valid_minutes(minutes)
    _check_accounts(bank, receiver, givers)
    if where not in WHERE_CODES:
        raise DomainError(_("Say where it happens."), field="where")
    if not description.strip():
        raise DomainError(_("Say what the help is."), field="description")
    now = timezone.now()
    exchange = Exchange(
        bank=bank,
        receiver=receiver,
        description=description.strip(),
        where=where,
        category=category or (request.category if request else None),
        request=request,
        starts_at=at,
        is_group=len(givers) > 1,
        minutes=minutes,
        status=Exchange.Status.CONFIRMED,
        second_helper=second_helper,
        created_by=_actor(by),
        on_behalf_of=on_behalf_of,
        created_at=at or now,
        agreed_at=at or now,
        done_at=at or now,
        confirmed_at=at or now,
        confirmed_by=_actor(by),
    )
    _require_clearance(exchange, [g.person for g in givers if g.person_id], second_helper)
    transfer, ordered = prepare_transfer(
        bank=bank,
        kind=Transfer.Kind.GROUP if exchange.is_group else Transfer.Kind.EXCHANGE,
        postings=[(receiver, -minutes * len(givers)), *[(g, minutes) for g in givers]],
        by=by,
        on_behalf_of=on_behalf_of,
        idempotency_key=idempotency_key,
        at=at,
    )
    event = _audit_event(exchange, "recorded", by, on_behalf_of, minutes=minutes)

    def write() -> None:
        record(exchange=exchange, transfer=transfer, ordered=ordered, givers=givers, event=event)
        if request is not None:
            Listing.objects.filter(pk=request.pk, timing=Listing.Timing.ONE_OFF).update(
                status=Listing.Status.CLOSED
            )

    try:
        if in_one_statement() and request is None and not connection.in_atomic_block:
            write()  # a single statement, and so a transaction of its own
        else:
            with transaction.atomic():
                write()
    except IntegrityError:
        existing = (
            Exchange.objects.filter(transfer__idempotency_key=idempotency_key).first()
            if idempotency_key is not None
            else None
        )
        if existing is None:
            raise
        return existing
    return exchange


# The community pot ---------------------------------------------------------


def donate(
    *, account: Account, minutes: int, by, on_behalf_of=None, idempotency_key=None, at=None
) -> Transfer:
    """A member gives credits to the pot, for people who cannot give time."""
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise DomainError(_("Enter the time to give, in minutes, above zero."), field="minutes")
    if account.kind == Account.Kind.POT:
        raise DomainError(_("The pot cannot give to itself."))
    transfer = transfer_post(
        bank=account.bank,
        kind=Transfer.Kind.DONATION,
        postings=[(account, -minutes), (pot_for(account.bank), minutes)],
        by=by,
        on_behalf_of=on_behalf_of,
        idempotency_key=idempotency_key,
        at=at,
    )
    audit_record(
        "timebank.pot.donated",
        actor=_actor(by),
        person=account.person,
        on_behalf_of=on_behalf_of,
        organisation=account.bank.organisation,
        target=transfer,
        data={"minutes": minutes},
    )
    return transfer


def grant(
    *, account: Account, minutes: int, reason: str, by, idempotency_key=None, at=None
) -> Transfer:
    """A broker gives credits from the pot to someone who needs help but cannot give time."""
    if not isinstance(minutes, int) or minutes <= 0:
        raise DomainError(_("Enter the time to give, in minutes, above zero."), field="minutes")
    if not reason.strip():
        raise DomainError(_("Say why."), field="reason")
    transfer = transfer_post(
        bank=account.bank,
        kind=Transfer.Kind.GRANT,
        postings=[(pot_for(account.bank), -minutes), (account, minutes)],
        by=by,
        reason=reason.strip()[:300],
        idempotency_key=idempotency_key,
        at=at,
    )
    audit_record(
        "timebank.pot.granted",
        actor=_actor(by),
        person=account.person,
        organisation=account.bank.organisation,
        target=transfer,
        data={"minutes": minutes},
    )
    return transfer


# Referrals -----------------------------------------------------------------


def referral_make(
    *, bank: TimeBank, person: Person, referred_by: Person, reason: str, by
) -> Referral:
    """A practitioner refers someone; the bank's brokers are told, and the person can join."""
    if person.partnership_id != bank.partnership_id:
        raise DomainError(_("This person is not part of this partnership."))
    referral = Referral.objects.create(
        bank=bank, person=person, referred_by=referred_by, reason=reason.strip()
    )
    audit_record(
        "timebank.referral.made",
        actor=_actor(by),
        person=person,
        organisation=bank.organisation,
        target=referral,
    )
    return referral


# Introductions -------------------------------------------------------------


def introduction_make(
    *, request: Listing, helper: Account, by, starts_at: datetime.datetime | None = None
) -> Exchange:
    """The broker introduces a helper to someone who asked: a proposed exchange, and both told."""
    from people.notices import notice_send

    if request.kind != Listing.Kind.REQUEST or request.status == Listing.Status.CLOSED:
        raise DomainError(_("This request is no longer open."), code="closed")
    with transaction.atomic():
        exchange = exchange_propose(
            bank=request.bank,
            receiver=request.account,
            givers=[helper],
            description=request.title,
            where=request.where,
            by=by,
            request=request,
            starts_at=starts_at,
        )
        asker, giver = request.account, helper
        bank = request.bank.name
        for person, subject, body in (
            (
                asker.person,
                _("Someone can help: %(title)s") % {"title": request.title},
                _(
                    "Hello %(name)s,\n\n%(helper)s from %(bank)s would like to help with "
                    "“%(title)s”. We will be in touch to agree a time.\n\nTime credits are not "
                    "money and are not income."
                )
                % {
                    "name": getattr(asker.person, "display_name", ""),
                    "helper": giver.person.given_name if giver.person else giver.owner_name,
                    "bank": bank,
                    "title": request.title,
                },
            ),
            (
                giver.person,
                _("Could you help? %(title)s") % {"title": request.title},
                _(
                    "Hello %(name)s,\n\n%(asker)s has asked %(bank)s for help with "
                    "“%(title)s”, and we thought of you. We will be in touch to agree a time."
                )
                % {
                    "name": getattr(giver.person, "display_name", ""),
                    "asker": asker.person.given_name if asker.person else asker.owner_name,
                    "bank": bank,
                    "title": request.title,
                },
            ),
        ):
            if person is not None and not person.erased_at:
                notice_send(
                    person=person,
                    subject=subject,
                    body=body,
                    by=_actor(by),
                    source="timebank.introduction.made",
                )
        audit_record(
            "timebank.introduction.made",
            actor=_actor(by),
            person=asker.person,
            organisation=request.bank.organisation,
            target=exchange,
            data={"helper_account": helper.pk, "request": request.pk},
        )
    return exchange


# Expenses ------------------------------------------------------------------


def expense_claim(
    *,
    exchange: Exchange,
    person: Person,
    kind: str,
    amount_pence: int,
    by,
    miles=None,
    description="",
) -> Expense:
    """Money spent helping is repaid in money: it never touches the credits."""
    if amount_pence <= 0:
        raise DomainError(_("Enter an amount above zero."), field="amount")
    expense = Expense.objects.create(
        exchange=exchange,
        person=person,
        kind=kind,
        miles=miles,
        amount_pence=amount_pence,
        description=description,
        created_by=_actor(by),
    )
    audit_record(
        "timebank.expense.claimed",
        actor=_actor(by),
        person=person,
        organisation=exchange.bank.organisation,
        target=expense,
        data={"pence": amount_pence},
    )
    return expense


def expense_settle(*, expense: Expense, paid: bool, by) -> Expense:
    """A broker records that a claim was paid (in money) or not paid."""
    if expense.status != Expense.Status.CLAIMED:
        raise DomainError(_("This claim has already been settled."), code="settled")
    expense.status = Expense.Status.PAID if paid else Expense.Status.REFUSED
    expense.save(update_fields=["status"])
    audit_record(
        "timebank.expense.settled",
        actor=_actor(by),
        person=expense.person,
        organisation=expense.exchange.bank.organisation,
        target=expense,
        data={"status": expense.status},
    )
    return expense
