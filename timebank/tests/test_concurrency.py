"""Many threads transferring between a few accounts at once, on PostgreSQL:
no deadlock, no lost or doubled credit, and check_ledger passes afterwards."""

import random
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections

from core.errors import DomainError
from core.testing import make_person
from timebank.models import Account, Transfer
from timebank.services import account_open, exchange_record
from timebank.testing import bank_for_world, relaxed_policy

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
    ),
]

THREADS = 8
PER_THREAD = 25


def test_concurrent_exchanges_neither_deadlock_nor_lose_credit(world):
    bank = bank_for_world(world)
    bank.overdraft_limit_minutes = -100_000
    bank.save()
    relaxed_policy(world.timebank_org)
    for i in range(3):
        account_open(bank=bank, person=make_person(world.partnership, f"Busy{i}"))
    ids = list(Account.objects.filter(bank=bank, kind="person").values_list("pk", flat=True))
    errors: list[BaseException] = []
    recorded = []
    start = threading.Barrier(THREADS)

    def work(seed: int) -> None:
        rng = random.Random(seed)
        try:
            start.wait()
            for _ in range(PER_THREAD):
                receiver_id, giver_id = rng.sample(ids, 2)
                try:
                    exchange_record(
                        bank=bank,
                        receiver=Account.objects.get(pk=receiver_id),
                        givers=[Account.objects.get(pk=giver_id)],
                        minutes=rng.randint(1, 120),
                        description="Busy day",
                        by=None,
                    )
                    recorded.append(1)
                except DomainError:
                    pass
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread is stuck (deadlock?)"
    assert errors == []
    assert len(recorded) == THREADS * PER_THREAD
    assert Transfer.objects.count() == len(recorded)
    balances = Account.objects.filter(bank=bank).values_list("balance_minutes", flat=True)
    assert sum(balances) == 0
    call_command("check_ledger")
