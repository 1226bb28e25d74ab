"""Reciprocity insight for brokers: who gives, who receives, who has gone quiet,
and whom the bank is not reaching (by age band, carer status and disability).

Figures by group are for planning and for funders, so groups of fewer than
five people are suppressed (lib.suppression).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from lib import suppression
from people.models import AgeBand, CarerRelationship, Disability

from .models import Account, Exchange, Listing, TimeBank, hours

QUIET_DAYS = 90
UNANSWERED_DAYS = 14


@dataclass
class MemberFigures:
    account: Account
    given: int = 0
    received: int = 0
    people: set = field(default_factory=set)
    first: datetime.datetime | None = None
    last: datetime.datetime | None = None

    @property
    def given_hours(self) -> str:
        return hours(self.given)

    @property
    def received_hours(self) -> str:
        return hours(self.received)

    @property
    def distinct_people(self) -> int:
        return len(self.people)

    @property
    def days_to_first(self) -> int | None:
        return (self.first - self.account.opened_at).days if self.first else None

    def days_since_last(self, now) -> int | None:
        return (now - self.last).days if self.last else None


def member_figures(bank: TimeBank) -> list[MemberFigures]:
    accounts = {
        a.pk: MemberFigures(a)
        for a in Account.objects.filter(bank=bank, kind=Account.Kind.PERSON).select_related(
            "person__area", "bank"
        )
    }
    exchanges = (
        Exchange.objects.filter(bank=bank, status=Exchange.Status.CONFIRMED)
        .prefetch_related("participants")
        .only("receiver_id", "minutes", "confirmed_at")
    )
    for exchange in exchanges:
        givers = [p.account_id for p in exchange.participants.all()]
        when = exchange.confirmed_at
        for pk in [exchange.receiver_id, *givers]:
            figures = accounts.get(pk)
            if figures is None:
                continue
            if pk == exchange.receiver_id:
                figures.received += exchange.minutes * len(givers)
                figures.people.update(givers)
            else:
                figures.given += exchange.minutes
                figures.people.add(exchange.receiver_id)
            figures.first = min(filter(None, [figures.first, when]))
            figures.last = max(filter(None, [figures.last, when]))
    return sorted(
        accounts.values(),
        key=lambda f: (f.account.person.family_name, f.account.person.given_name, f.account.pk),
    )


def givers_who_never_receive(figures: list[MemberFigures]) -> list[MemberFigures]:
    return [f for f in figures if f.given > 0 and f.received == 0]


def gone_quiet(figures: list[MemberFigures], now=None) -> list[MemberFigures]:
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=QUIET_DAYS)
    return [
        f
        for f in figures
        if f.account.closed_at is None
        and ((f.last and f.last < cutoff) or (f.last is None and f.account.opened_at < cutoff))
    ]


def unanswered_requests(bank: TimeBank, now=None):
    now = now or timezone.now()
    answered = Exchange.objects.filter(request=OuterRef("pk")).exclude(
        status=Exchange.Status.CANCELLED
    )
    return (
        Listing.objects.filter(
            bank=bank,
            kind=Listing.Kind.REQUEST,
            status=Listing.Status.OPEN,
            created_at__lt=now - datetime.timedelta(days=UNANSWERED_DAYS),
        )
        .exclude(Exists(answered))
        .select_related("account__person", "category")
        .order_by("created_at")
    )


def _carer_ids(figures):
    ids = [f.account.person_id for f in figures]
    return set(
        CarerRelationship.objects.filter(carer_id__in=ids).values_list("carer_id", flat=True)
    )


def by_group(figures: list[MemberFigures], now=None) -> list[dict]:
    """Members, active members and hours given and received, by age band, caring and disability.

    Counts of people under five are suppressed, with a second cell hidden where
    one alone would let it be worked out from the total.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=QUIET_DAYS)
    carers = _carer_ids(figures)
    dimensions = [
        (
            _("Age group"),
            lambda p: p.effective_age_band() or "",
            [*AgeBand.choices, ("", _("Not known"))],
        ),
        (
            _("Carer"),
            lambda p: "yes" if p.pk in carers else "no",
            [("yes", _("Carers")), ("no", _("Not carers"))],
        ),
        (
            _("Disability"),
            lambda p: p.disability or "",
            [*Disability.choices, ("", _("Not known"))],
        ),
    ]
    tables = []
    for title, key, choices in dimensions:
        groups = defaultdict(list)
        for f in figures:
            groups[key(f.account.person)].append(f)
        labels = [str(label) for _code, label in choices]
        members = [len(groups[code]) for code, _label in choices]
        active = [
            sum(1 for f in groups[code] if f.last and f.last >= cutoff) for code, _label in choices
        ]
        givers = [sum(1 for f in groups[code] if f.given) for code, _label in choices]
        receivers = [sum(1 for f in groups[code] if f.received) for code, _label in choices]
        given = [sum(f.given for f in groups[code]) for code, _label in choices]
        received = [sum(f.received for f in groups[code]) for code, _label in choices]
        shown = {
            "members": suppression.suppress_row(members),
            "active": suppression.suppress_row(active),
            "givers": suppression.suppress_row(givers),
            "receivers": suppression.suppress_row(receivers),
        }
        rows = []
        for i, label in enumerate(labels):
            few = shown["members"][i] is None
            rows.append(
                {
                    "label": label,
                    "members": suppression.label(shown["members"][i]),
                    "active": suppression.label(shown["active"][i]),
                    "givers": suppression.label(shown["givers"][i]),
                    "receivers": suppression.label(shown["receivers"][i]),
                    "given": "" if few else hours(given[i]),
                    "received": "" if few else hours(received[i]),
                }
            )
        tables.append({"title": title, "rows": rows, "total": sum(members)})
    return tables


def hours_by_month(bank: TimeBank, months: int = 12, now=None) -> list[tuple[str, float]]:
    now = now or timezone.now()
    start = (now.date().replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
    totals = defaultdict(int)
    for exchange in Exchange.objects.filter(
        bank=bank, status=Exchange.Status.CONFIRMED, confirmed_at__date__gte=start
    ).prefetch_related("participants"):
        when = timezone.localtime(exchange.confirmed_at)
        totals[(when.year, when.month)] += exchange.minutes * max(
            len(exchange.participants.all()), 1
        )
    result, cursor = [], start
    while cursor <= now.date():
        result.append(
            (cursor.strftime("%b %Y"), round(totals[(cursor.year, cursor.month)] / 60, 1))
        )
        cursor = (cursor + datetime.timedelta(days=32)).replace(day=1)
    return result


def bank_report(bank: TimeBank, months: int = 12, now=None) -> dict:
    """For the bank's report: hours by category and by kind of exchange, and each
    month's active and new members (counts under five suppressed, for funders)."""
    now = now or timezone.now()
    start = (now.date().replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
    by_category: dict = defaultdict(int)
    by_kind: dict = defaultdict(int)
    active: dict = defaultdict(set)
    exchanges = (
        Exchange.objects.filter(
            bank=bank, status=Exchange.Status.CONFIRMED, confirmed_at__date__gte=start
        )
        .select_related("category")
        .prefetch_related("participants")
    )
    for exchange in exchanges:
        givers = [p.account_id for p in exchange.participants.all()]
        minutes = exchange.minutes * len(givers)
        by_category[exchange.category.name if exchange.category else _("Other")] += minutes
        by_kind[_("Group activities") if exchange.is_group else _("One-to-one exchanges")] += (
            minutes
        )
        when = timezone.localtime(exchange.confirmed_at)
        active[(when.year, when.month)].update([exchange.receiver_id, *givers])
    joined: dict = defaultdict(int)
    for opened in Account.objects.filter(
        bank=bank, kind=Account.Kind.PERSON, opened_at__date__gte=start
    ).values_list("opened_at", flat=True):
        when = timezone.localtime(opened)
        joined[(when.year, when.month)] += 1
    rows, cursor = [], start
    while cursor <= now.date():
        key = (cursor.year, cursor.month)
        rows.append(
            {
                "month": cursor.strftime("%b %Y"),
                "active": suppression.label(suppression.suppress(len(active[key]))),
                "new": suppression.label(suppression.suppress(joined[key])),
            }
        )
        cursor = (cursor + datetime.timedelta(days=32)).replace(day=1)
    return {
        "by_category": sorted(
            ((name, hours(m)) for name, m in by_category.items()), key=lambda r: r[0]
        ),
        "by_kind": [(name, hours(m)) for name, m in by_kind.items()],
        "members": rows,
    }
