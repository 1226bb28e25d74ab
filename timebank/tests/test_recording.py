"""Recording an exchange writes the same rows whichever way it goes: in one
statement on PostgreSQL, or row by row through the ORM (SQLite's way)."""

import datetime
import uuid

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from audit.models import AuditEvent
from core.errors import DomainError
from timebank import recording, services
from timebank.integrity import ledger_problems
from timebank.ledger import prepare_transfer
from timebank.models import Account, Exchange, Posting, Transfer
from timebank.testing import bank_for_world, give_checks

pytestmark = pytest.mark.django_db


def _write(way, world, bank, *, minutes, key):
    anne = Account.objects.get(bank=bank, person=world.anne)
    claire = Account.objects.get(bank=bank, person=world.claire)
    at = datetime.datetime(2026, 3, 4, 10, 30, tzinfo=datetime.UTC)
    exchange = Exchange(
        bank=bank,
        receiver=anne,
        description="A lift to the surgery",
        where="community",
        minutes=minutes,
        status=Exchange.Status.CONFIRMED,
        created_by=world.morag.user,
        on_behalf_of=world.anne,
        created_at=at,
        agreed_at=at,
        done_at=at,
        confirmed_at=at,
        confirmed_by=world.morag.user,
    )
    transfer, ordered = prepare_transfer(
        bank=bank,
        kind=Transfer.Kind.EXCHANGE,
        postings=[(anne, -minutes), (claire, minutes)],
        by=world.morag.user,
        on_behalf_of=world.anne,
        idempotency_key=key,
        at=at,
    )
    event = services._audit_event(
        exchange, "recorded", world.morag.user, world.anne, minutes=minutes
    )
    event.at = at
    way(exchange=exchange, transfer=transfer, ordered=ordered, givers=[claire], event=event)
    return exchange


def _rows(exchange_id):
    """Everything written for one exchange, without the ids that must differ."""
    exchange = Exchange.objects.get(pk=exchange_id)
    transfer = exchange.transfer
    drop = {"id", "transfer", "idempotency_key"}
    event = AuditEvent.objects.get(target_id=str(exchange_id), action__endswith="recorded")
    return {
        "exchange": {k: v for k, v in model_to_dict(exchange).items() if k not in drop},
        "participants": sorted(exchange.participants.values_list("account_id", flat=True)),
        "transfer": {
            k: v
            for k, v in Transfer.objects.filter(pk=transfer.pk).values().get().items()
            if k not in drop
        },
        "postings": sorted(
            Posting.objects.filter(transfer=transfer).values_list("account_id", "minutes")
        ),
        "audit": {
            k: v
            for k, v in AuditEvent.objects.filter(pk=event.pk).values().get().items()
            if k not in {"id", "target_id"}
        },
    }


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the one-statement way is PostgreSQL's"
)
def test_one_statement_and_row_by_row_write_the_same_rows(world):
    bank = bank_for_world(world)
    give_checks(world.claire, world.timebank_org)
    one = _write(recording.record_in_one_statement, world, bank, minutes=90, key=uuid.uuid4())
    other = _write(recording.record_row_by_row, world, bank, minutes=90, key=uuid.uuid4())
    assert one.pk and other.pk and one.pk != other.pk
    assert _rows(one.pk) == _rows(other.pk)
    assert ledger_problems() == []


def test_a_refusal_writes_nothing_and_a_repeat_returns_what_was_recorded(world):
    bank = bank_for_world(world)
    give_checks(world.claire, world.timebank_org)
    anne = Account.objects.get(bank=bank, person=world.anne)
    claire = Account.objects.get(bank=bank, person=world.claire)
    counts = (Exchange.objects.count(), Transfer.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DomainError) as error:
        services.exchange_record(
            bank=bank, receiver=anne, givers=[claire], minutes=601, description="Too much", by=None
        )
    assert error.value.code == "over_limit"
    assert (
        Exchange.objects.count(),
        Transfer.objects.count(),
        AuditEvent.objects.count(),
    ) == counts
    shopping = dict(
        bank=bank,
        receiver=anne,
        givers=[claire],
        minutes=60,
        description="Shopping",
        by=None,
        idempotency_key=uuid.uuid4(),
    )
    first = services.exchange_record(**shopping)
    again = services.exchange_record(**shopping)  # the same form submitted twice
    assert again.pk == first.pk
    assert Exchange.objects.count() == counts[0] + 1
    anne.refresh_from_db()
    assert anne.balance_minutes == -60
    assert AuditEvent.objects.get(target_id=str(first.pk), action="timebank.exchange.recorded")
