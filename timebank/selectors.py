"""Reads for the time bank: names as members may see them, statements, listings."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from people.access import Roles

from .access import is_broker
from .models import Account, Listing, Posting, TimeBank, Transfer, hours

_LEVELS = ["first_name", "name_and_area", "full"]


def shown_name(account: Account, roles: Roles | None = None, viewer=None) -> str:
    """An account holder's name as this viewer may see it (the bank's and the member's choice)."""
    if account.person_id is None or account.person.erased_at:
        return account.owner_name
    person = account.person
    if (roles is not None and is_broker(roles, account.bank)) or (
        viewer is not None and viewer.pk == person.pk
    ):
        return person.display_name
    level = _LEVELS.index(account.bank.profile_shown)
    if account.profile_shown:
        level = min(level, _LEVELS.index(account.profile_shown))
    first = person.preferred_name or person.given_name
    if level == 0:
        return first
    name = person.display_name if level == 2 else first
    return f"{name} ({person.area.name})" if person.area_id else name


def listings_for(
    bank: TimeBank, *, q: str = "", kind: str = "", category=None, where: str = "", area=None
) -> QuerySet[Listing]:
    listings = (
        Listing.objects.filter(bank=bank, status__in=[Listing.Status.OPEN, Listing.Status.MATCHED])
        .exclude(account__closed_at__isnull=False)
        .select_related(
            "category", "area", "account__person__area", "account__organisation", "account__bank"
        )
    )
    if q:
        for word in q.split():
            listings = listings.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(category__name__icontains=word)
            )
    if kind:
        listings = listings.filter(kind=kind)
    if category:
        listings = listings.filter(category=category)
    if where:
        listings = listings.filter(where=where)
    if area:
        listings = listings.filter(area=area)
    return listings


@dataclass
class StatementLine:
    when: object
    kind: str
    description: str
    with_whom: str
    minutes: int
    balance: int
    transfer: Transfer

    @property
    def hours_in(self) -> str:
        return hours(self.minutes) if self.minutes > 0 else ""

    @property
    def hours_out(self) -> str:
        return hours(-self.minutes) if self.minutes < 0 else ""

    @property
    def balance_hours(self) -> str:
        return hours(self.balance)


def statement_lines(
    account: Account, roles: Roles | None = None, viewer=None
) -> list[StatementLine]:
    postings = list(
        Posting.objects.filter(account=account)
        .select_related("transfer__reverses")
        .order_by("transfer__recorded_at", "pk")
    )
    transfer_ids = [p.transfer_id for p in postings]
    others: dict = defaultdict(list)
    for other in (
        Posting.objects.filter(transfer_id__in=transfer_ids)
        .exclude(account=account)
        .select_related("account__person__area", "account__organisation", "account__bank")
    ):
        others[other.transfer_id].append(shown_name(other.account, roles, viewer))
    from .models import Exchange

    descriptions = dict(
        Exchange.objects.filter(transfer_id__in=transfer_ids).values_list(
            "transfer_id", "description"
        )
    )
    originals = dict(
        Exchange.objects.filter(
            transfer_id__in=[p.transfer.reverses_id for p in postings if p.transfer.reverses_id]
        ).values_list("transfer_id", "description")
    )
    lines, balance = [], 0
    for p in postings:
        t = p.transfer
        balance += p.minutes
        if t.kind == Transfer.Kind.REVERSAL:
            description = _("Correction: %(what)s (%(why)s)") % {
                "what": originals.get(t.reverses_id, t.reverses.get_kind_display()),
                "why": t.reason,
            }
        else:
            description = descriptions.get(t.pk) or t.reason or t.get_kind_display()
        lines.append(
            StatementLine(
                when=t.recorded_at,
                kind=t.get_kind_display(),
                description=description,
                with_whom=", ".join(sorted(others[t.pk])),
                minutes=p.minutes,
                balance=balance,
                transfer=t,
            )
        )
    return lines
