"""The ledger's rules hold in the database itself, not only in Python."""

import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from core.errors import DomainError
from timebank.integrity import ledger_problems
from timebank.ledger import transfer_post, transfer_reverse
from timebank.models import Account, Posting, Transfer
from timebank.services import account_open, donate, grant, overdraft_grant
from timebank.testing import bank_for_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(world):
    return bank_for_world(world)


def accounts(world, bank):
    return Account.objects.get(person=world.anne), Account.objects.get(person=world.claire)


def test_a_transfer_moves_minutes_and_keeps_balances_equal_to_postings(world, bank):
    anne, claire = accounts(world, bank)
    transfer_post(bank=bank, kind="exchange", postings=[(anne, -90), (claire, 90)])
    anne.refresh_from_db()
    claire.refresh_from_db()
    assert (anne.balance_minutes, claire.balance_minutes) == (-90, 90)
    assert ledger_problems() == []


def test_an_unbalanced_transfer_is_refused_by_the_service(world, bank):
    anne, claire = accounts(world, bank)
    with pytest.raises(DomainError):
        transfer_post(bank=bank, kind="exchange", postings=[(anne, -90), (claire, 60)])


def test_the_same_idempotency_key_records_once(world, bank):
    anne, claire = accounts(world, bank)
    key = uuid.uuid4()
    first = transfer_post(
        bank=bank, kind="exchange", postings=[(anne, -30), (claire, 30)], idempotency_key=key
    )
    again = transfer_post(
        bank=bank, kind="exchange", postings=[(anne, -30), (claire, 30)], idempotency_key=key
    )
    assert first.pk == again.pk
    assert Transfer.objects.count() == 1


def test_going_below_the_limit_is_refused_unless_a_broker_grants_an_exception(world, bank):
    anne, claire = accounts(world, bank)
    with pytest.raises(DomainError, match="lowest balance"):
        transfer_post(bank=bank, kind="exchange", postings=[(anne, -601), (claire, 601)])
    overdraft_grant(
        account=anne, limit_minutes=-1200, reason="Recovering from an operation", by=None
    )
    transfer_post(bank=bank, kind="exchange", postings=[(anne, -601), (claire, 601)])
    assert ledger_problems() == []


def test_a_refused_transfer_names_the_account_writes_nothing_and_leaves_the_transaction_usable(
    world, bank
):
    anne, claire = accounts(world, bank)
    with transaction.atomic():
        with pytest.raises(DomainError, match="Anne") as error:
            transfer_post(bank=bank, kind="exchange", postings=[(claire, 601), (anne, -601)])
        assert error.value.code == "over_limit"
        # Nothing was written, and the same transaction can go on.
        assert Posting.objects.count() == 0 and Transfer.objects.count() == 0
        transfer_post(bank=bank, kind="exchange", postings=[(anne, -60), (claire, 60)])
    anne.refresh_from_db()
    assert anne.balance_minutes == -60
    assert ledger_problems() == []


def test_an_account_of_a_bank_that_does_not_exchange_with_this_one_is_refused(world, bank):
    from timebank.services import bank_create

    anne, _claire = accounts(world, bank)
    other = bank_create(organisation=world.other_org, name="Kirkton time bank", slug="kirkton")
    stranger = account_open(bank=other, person=world.kirsty)
    with pytest.raises(DomainError) as error:
        transfer_post(bank=bank, kind="exchange", postings=[(anne, -30), (stranger, 30)])
    assert error.value.code == "other_bank"
    assert Transfer.objects.count() == 0


def test_a_missing_account_is_refused(world, bank):
    anne, _claire = accounts(world, bank)
    ghost = Account(pk=10**9, bank=bank, kind=Account.Kind.PERSON)
    with pytest.raises(DomainError) as error:
        transfer_post(bank=bank, kind="exchange", postings=[(anne, -30), (ghost, 30)])
    assert error.value.code == "no_account"


def test_a_reversal_is_a_linked_transfer_and_happens_once(world, bank):
    anne, claire = accounts(world, bank)
    original = transfer_post(bank=bank, kind="exchange", postings=[(anne, -60), (claire, 60)])
    reversal = transfer_reverse(transfer=original, by=None, reason="Recorded twice")
    assert reversal.reverses == original
    anne.refresh_from_db()
    assert anne.balance_minutes == 0
    with pytest.raises(DomainError):
        transfer_reverse(transfer=original, by=None, reason="Again")
    assert ledger_problems() == []


def test_the_pot_takes_gifts_and_gives_grants_but_never_goes_below_zero(world, bank):
    anne, claire = accounts(world, bank)
    with pytest.raises(DomainError):
        grant(account=anne, minutes=60, reason="Needs help", by=None)
    donate(account=claire, minutes=120, by=None)
    grant(account=anne, minutes=60, reason="Needs help", by=None)
    anne.refresh_from_db()
    assert anne.balance_minutes == 60
    assert ledger_problems() == []


def _raw(sql, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def _id(value):
    return value.hex if connection.vendor == "sqlite" else str(value)


def test_the_database_refuses_to_change_or_delete_postings_and_transfers(world, bank):
    anne, claire = accounts(world, bank)
    transfer = transfer_post(bank=bank, kind="exchange", postings=[(anne, -60), (claire, 60)])
    for sql in (
        "UPDATE timebank_posting SET minutes = 600",
        "DELETE FROM timebank_posting",
        "UPDATE timebank_transfer SET reason = 'edited'",
        "DELETE FROM timebank_transfer",
    ):
        with pytest.raises(DatabaseError):
            _raw(sql)
    assert Posting.objects.filter(transfer=transfer).count() == 2


def test_the_database_refuses_an_unbalanced_or_one_sided_transfer(world, bank):
    anne, claire = accounts(world, bank)
    header = (
        "INSERT INTO timebank_transfer (id, bank_id, kind, reason, recorded_at) "
        "VALUES (%s, %s, 'exchange', '', CURRENT_TIMESTAMP)"
    )
    posting = "INSERT INTO timebank_posting (transfer_id, account_id, minutes) VALUES (%s, %s, %s)"
    for lines in ([(anne, -60), (claire, 30)], [(claire, 60)], []):
        tid = _id(uuid.uuid4())
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            for account, minutes in lines:
                cursor.execute(posting, [tid, account.pk, minutes])
            cursor.execute(header, [tid, bank.pk])
    with pytest.raises(DatabaseError):
        _raw(posting, [_id(uuid.uuid4()), anne.pk, 0])
    assert ledger_problems() == []


def test_the_database_refuses_a_posting_added_to_a_recorded_transfer(world, bank):
    anne, claire = accounts(world, bank)
    transfer = transfer_post(bank=bank, kind="exchange", postings=[(anne, -60), (claire, 60)])
    with pytest.raises(DatabaseError):
        _raw(
            "INSERT INTO timebank_posting (transfer_id, account_id, minutes) VALUES (%s, %s, %s)",
            [_id(transfer.pk), claire.pk, 5],
        )


def test_check_ledger_names_an_account_whose_balance_drifted(world, bank):
    anne, claire = accounts(world, bank)
    transfer_post(bank=bank, kind="exchange", postings=[(anne, -60), (claire, 60)])
    call_command("check_ledger")
    Account.objects.filter(pk=claire.pk).update(balance_minutes=999)
    with pytest.raises(CommandError):
        call_command("check_ledger")
    problems = ledger_problems()
    assert [p.account_id for p in problems if p.rule == "balance"] == [claire.pk]
    assert "Claire Donnelly" in str(problems[0])


def test_a_person_joins_once(world, bank):
    assert (
        account_open(bank=bank, person=world.anne).pk == Account.objects.get(person=world.anne).pk
    )


def test_check_ledger_finds_an_unbalanced_transfer_written_behind_the_triggers_back(world, bank):
    anne, claire = accounts(world, bank)
    disable = {
        "sqlite": "DROP TRIGGER timebank_transfer_balanced",
        "postgresql": "ALTER TABLE timebank_transfer DISABLE TRIGGER timebank_transfer_balanced",
    }[connection.vendor]
    tid = _id(uuid.uuid4())
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(disable)
        cursor.execute(
            "INSERT INTO timebank_posting (transfer_id, account_id, minutes) VALUES (%s, %s, %s)",
            [tid, claire.pk, 45],
        )
        cursor.execute(
            "INSERT INTO timebank_transfer (id, bank_id, kind, reason, recorded_at) "
            "VALUES (%s, %s, 'exchange', '', CURRENT_TIMESTAMP)",
            [tid, bank.pk],
        )
    rules = {p.rule for p in ledger_problems()}
    assert "unbalanced" in rules
    with pytest.raises(CommandError):
        call_command("check_ledger")
