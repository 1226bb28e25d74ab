"""Who may do what in a time bank.

A bank's brokers are the brokers of the organisation that runs it. Members
are people with an open account in it. Exchange history is seen only by the
two parties and the bank's brokers; administrators manage the bank's
settings but do not read who helped whom.
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from people.access import Roles
from people.models import Person, Role

from .models import Account, Exchange, TimeBank


def is_broker(roles: Roles, bank: TimeBank) -> bool:
    return roles.person is not None and roles.has(Role.BROKER, bank.organisation_id)


def can_manage_settings(roles: Roles, bank: TimeBank) -> bool:
    return is_broker(roles, bank) or (
        roles.is_admin and roles.person.partnership_id == bank.partnership_id
    )


def account_for(person: Person | None, bank: TimeBank) -> Account | None:
    if person is None:
        return None
    return (
        Account.objects.filter(bank=bank, person=person, closed_at__isnull=True)
        .select_related("bank", "person")
        .first()
    )


def is_member(person: Person | None, bank: TimeBank) -> bool:
    return account_for(person, bank) is not None


def can_see_bank(roles: Roles, subject: Person | None, bank: TimeBank) -> bool:
    return is_broker(roles, bank) or can_manage_settings(roles, bank) or is_member(subject, bank)


def banks_for(roles: Roles, subject: Person | None) -> QuerySet[TimeBank]:
    if roles.person is None:
        return TimeBank.objects.none()
    qs = TimeBank.objects.filter(partnership_id=roles.person.partnership_id).select_related(
        "organisation"
    )
    if roles.is_admin:
        return qs
    brokered = roles.organisations(Role.BROKER)
    own = Account.objects.filter(person=subject, closed_at__isnull=True).values("bank_id")
    from django.db.models import Q

    return qs.filter(Q(organisation_id__in=brokered) | Q(pk__in=own))


def bank_for(request, slug: str) -> TimeBank:
    """The bank in the URL, within this partnership, or 404."""
    return get_object_or_404(
        TimeBank.objects.select_related("organisation"),
        partnership=request.partnership,
        slug=slug,
    )


def exchange_parties(exchange: Exchange) -> set[int]:
    """The people on either side of an exchange (the helped and each helper)."""
    people = {exchange.receiver.person_id}
    people |= {p.account.person_id for p in exchange.participants.select_related("account")}
    if exchange.second_helper_id:
        people.add(exchange.second_helper_id)
    return {pk for pk in people if pk}


def can_see_exchange(roles: Roles, subject: Person | None, exchange: Exchange) -> bool:
    if is_broker(roles, exchange.bank):
        return True
    return subject is not None and subject.pk in exchange_parties(exchange)


def can_see_account(roles: Roles, subject: Person | None, account: Account) -> bool:
    """Statements: the account holder and the bank's brokers."""
    if is_broker(roles, account.bank):
        return True
    return subject is not None and account.person_id == subject.pk


def balance_shown(roles: Roles, account: Account) -> bool:
    """Whether this viewer may see the balance (a bank may hide negative ones from members)."""
    if account.balance_minutes >= 0 or not account.bank.hide_negative_balances:
        return True
    return is_broker(roles, account.bank)
