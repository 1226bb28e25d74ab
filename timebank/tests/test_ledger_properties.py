"""Property: whatever sequence of exchanges, group activities, gifts to the pot,
grants and corrections is tried, every transfer sums to zero, every balance is
the sum of its postings, and no account goes beyond its limit."""

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from core.errors import DomainError
from core.testing import build_world, make_person
from timebank.integrity import ledger_problems
from timebank.models import Account, Exchange, Posting, Transfer
from timebank.services import (
    account_open,
    donate,
    exchange_record,
    exchange_reverse,
    grant,
    organisation_account,
)
from timebank.testing import bank_for_world, relaxed_policy

PEOPLE = 4
minutes = st.integers(min_value=1, max_value=300)
person = st.integers(min_value=0, max_value=PEOPLE - 1)
operation = st.one_of(
    st.tuples(st.just("exchange"), person, person, minutes),
    st.tuples(st.just("for_org"), person, minutes),
    st.tuples(st.just("from_org"), person, minutes),
    st.tuples(st.just("group"), st.lists(person, min_size=1, max_size=4, unique=True), minutes),
    st.tuples(st.just("donate"), person, minutes),
    st.tuples(st.just("grant"), person, minutes),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=20)),
)


class LedgerProperties(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.bank = bank_for_world(cls.world)
        cls.bank.overdraft_limit_minutes = -240
        cls.bank.save()
        relaxed_policy(cls.world.timebank_org)
        extra = [make_person(cls.world.partnership, f"Member{i}") for i in range(PEOPLE - 2)]
        cls.people = [cls.world.anne, cls.world.claire, *extra]
        for p in extra:
            account_open(bank=cls.bank, person=p)

    def _run(self, op):
        accounts = [Account.objects.get(bank=self.bank, person=p) for p in self.people]
        org = organisation_account(self.bank)
        kind = op[0]
        common = {"bank": self.bank, "description": "Help", "by": None}
        if kind == "exchange":
            exchange_record(
                receiver=accounts[op[1]], givers=[accounts[op[2]]], minutes=op[3], **common
            )
        elif kind == "for_org":
            exchange_record(receiver=org, givers=[accounts[op[1]]], minutes=op[2], **common)
        elif kind == "from_org":
            exchange_record(receiver=accounts[op[1]], givers=[org], minutes=op[2], **common)
        elif kind == "group":
            givers = [accounts[i] for i in op[1]]
            exchange_record(receiver=org, givers=givers, minutes=op[2], **common)
        elif kind == "donate":
            donate(account=accounts[op[1]], minutes=op[2], by=None)
        elif kind == "grant":
            grant(account=accounts[op[1]], minutes=op[2], reason="Needs help", by=None)
        elif kind == "reverse":
            confirmed = list(Exchange.objects.filter(status="confirmed").order_by("pk"))
            if confirmed:
                exchange_reverse(
                    exchange=confirmed[op[1] % len(confirmed)], reason="A mistake", by=None
                )

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(operation, max_size=12))
    def test_every_sequence_keeps_the_ledger_balanced(self, operations):
        for op in operations:
            # Refusing (over a limit, with oneself) is allowed; drifting is not.
            with contextlib.suppress(DomainError):
                self._run(op)
            self.assertEqual(ledger_problems(), [])
        for transfer in Transfer.objects.all():
            self.assertEqual(sum(p.minutes for p in transfer.postings.all()), 0)
            self.assertGreaterEqual(transfer.postings.count(), 2)
        for account in Account.objects.filter(bank=self.bank):
            total = sum(Posting.objects.filter(account=account).values_list("minutes", flat=True))
            self.assertEqual(account.balance_minutes, total)
            self.assertGreaterEqual(account.balance_minutes, account.limit_minutes)
