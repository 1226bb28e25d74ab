"""Who may open each time bank page (collected by core's matrix test).

Claire is a member of the bank, Morag its broker, Alasdair an administrator
(settings, not who helped whom); Kirsty brokers another organisation's bank
and must be refused everywhere here.
"""

from core.testing import DENIED, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Rule, everyone, signed_in
from timebank.models import Account, Exchange, Listing
from timebank.services import exchange_propose, listing_create
from timebank.testing import bank_for_world


def _bank(world):
    return {"bank": bank_for_world(world).slug}


def _anne_request(world):
    bank = bank_for_world(world)
    listing = Listing.objects.filter(bank=bank, account__person=world.anne).first()
    if listing is None:
        listing = listing_create(
            account=Account.objects.get(bank=bank, person=world.anne),
            kind="request",
            by=None,
            category=world.category,
            title="A lift to the surgery",
            where="community",
            helper_notes="Uses a walking frame",
        )
    return {"bank": bank.slug, "pk": listing.pk}


def _exchange(world, status="proposed"):
    bank = bank_for_world(world)
    exchange = Exchange.objects.filter(bank=bank, status=status).first()
    if exchange is None:
        exchange = exchange_propose(
            bank=bank,
            receiver=Account.objects.get(bank=bank, person=world.anne),
            givers=[Account.objects.get(bank=bank, person=world.claire)],
            description="Shopping",
            where="community",
            by=None,
        )
        if status != "proposed":
            Exchange.objects.filter(pk=exchange.pk).update(status=status)
    return {"bank": bank.slug, "pk": exchange.pk}


def _expense(world):
    from timebank.services import expense_claim

    kwargs = _exchange(world, "agreed")
    exchange = Exchange.objects.get(pk=kwargs["pk"])
    expense = exchange.expenses.first() or expense_claim(
        exchange=exchange, person=world.claire, kind="mileage", amount_pence=450, by=None
    )
    return kwargs | {"expense_pk": expense.pk}


def _account(world, person):
    bank = bank_for_world(world)
    return {"bank": bank.slug, "pk": Account.objects.get(bank=bank, person=person).pk}


BANK_PEOPLE = signed_in(DENIED, member=OK, broker=OK, administrator=OK)
PARTIES = signed_in(DENIED, member=OK, broker=OK)
BROKER = signed_in(DENIED, broker=OK)
MEMBER = signed_in(DENIED, member=OK)
CASEWORKER = signed_in(DENIED, broker=OK, practitioner=OK, administrator=OK, outsider=OK)

RULES = [
    Rule("timebank:banks", signed_in(OK)),
    Rule("timebank:referrals", CASEWORKER),
    Rule("timebank:referral-add", CASEWORKER),
    Rule("timebank:bank", BANK_PEOPLE, kwargs=_bank),
    Rule("timebank:settings", signed_in(DENIED, broker=OK, administrator=OK), kwargs=_bank),
    Rule("timebank:privacy", MEMBER, kwargs=_bank),
    Rule("timebank:members", BROKER, kwargs=_bank),
    Rule("timebank:member-add", BROKER, kwargs=_bank),
    Rule("timebank:listings", BANK_PEOPLE, kwargs=_bank),
    Rule("timebank:listing-add", MEMBER, kwargs=_bank),
    Rule("timebank:listing", BANK_PEOPLE, kwargs=_anne_request),
    Rule("timebank:listing-close", everyone(NOT_ALLOWED), kwargs=_anne_request),
    Rule(
        "timebank:listing-close",
        signed_in(DENIED, broker=REDIRECT),
        kwargs=_anne_request,
        method="post",
    ),
    Rule("timebank:match", BROKER, kwargs=_anne_request),
    Rule("timebank:exchanges", PARTIES, kwargs=_bank),
    Rule("timebank:exchange-add", PARTIES, kwargs=_bank),
    Rule("timebank:group-add", BROKER, kwargs=_bank),
    Rule("timebank:exchange", PARTIES, kwargs=_exchange),
    Rule(
        "timebank:exchange-step",
        PARTIES,
        kwargs=lambda w: _exchange(w) | {"step": "agree"},
    ),
    Rule(
        "timebank:exchange-step",
        signed_in(DENIED, member=NOT_FOUND, broker=NOT_FOUND),
        kwargs=lambda w: _exchange(w) | {"step": "nonsense"},
    ),
    Rule("timebank:expense-add", PARTIES, kwargs=lambda w: _exchange(w, "agreed")),
    Rule("timebank:expense-settle", everyone(NOT_ALLOWED), kwargs=_expense),
    Rule(
        "timebank:expense-settle",
        signed_in(DENIED, broker=REDIRECT),
        kwargs=_expense,
        method="post",
        data={"paid": "yes"},
    ),
    Rule("timebank:my-statement", signed_in(DENIED, member=REDIRECT), kwargs=_bank),
    Rule("timebank:statement", BROKER, kwargs=lambda w: _account(w, w.anne)),
    Rule("timebank:statement", PARTIES, kwargs=lambda w: _account(w, w.claire)),
    Rule(
        "timebank:statement-download",
        BROKER,
        kwargs=lambda w: _account(w, w.anne) | {"fmt": "csv"},
    ),
    Rule("timebank:account-limit", BROKER, kwargs=lambda w: _account(w, w.anne)),
    Rule("timebank:donate", MEMBER, kwargs=_bank),
    Rule("timebank:grant", BROKER, kwargs=_bank),
    Rule("timebank:insight", BROKER, kwargs=_bank),
    Rule("timebank:insight-download", BROKER, kwargs=lambda w: _bank(w) | {"fmt": "xlsx"}),
]
