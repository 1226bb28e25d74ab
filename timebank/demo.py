"""The Glenbrae Time Bank, run by Glenbrae Voluntary Action: its members,
offers and requests, a year of exchanges recorded through the services
(group sessions at the Kirkton garden, gifts to the community pot, grants
from it, a few corrections), referrals, mileage, and a second small bank in
Kirkton that exchanges across banks. Deterministic and safe to re-run."""

import contextlib
import datetime

from django.db import transaction

from core.demo.context import DemoContext
from core.errors import DomainError
from people.demo import personas
from people.models import AssetCategory, Organisation, Person, Role

from . import services
from .models import Account, Exchange, Listing, TimeBank, Where

ORDER = 40
ORG = "glenbrae-voluntary-action"
SECOND_ORG = "kirkton-community-trust"
MEMBERS = 60
EXCHANGES = 420

OFFERS = [
    ("Driving and lifts", "Lifts to appointments and the shops", Where.COMMUNITY),
    ("Shopping and errands", "Picking up shopping or prescriptions", Where.COMMUNITY),
    ("Befriending and a chat", "A cup of tea and a blether", Where.HOME),
    ("Befriending and a chat", "A friendly phone call each week", Where.REMOTE),
    ("Computers and phones", "Help with your phone or tablet", Where.COMMUNITY),
    ("DIY and small repairs", "Putting up shelves, small fixes", Where.HOME),
    ("Gardening", "Weeding and tidying gardens", Where.HOME),
    ("Dog walking", "Walking your dog when you cannot", Where.COMMUNITY),
    ("Letter writing and forms", "Help filling in forms", Where.COMMUNITY),
    ("Baking", "Baking for events", Where.COMMUNITY),
    ("Knitting and crochet", "Teaching knitting", Where.COMMUNITY),
    ("Cooking", "Cooking a meal together", Where.HOME),
]
REQUESTS = [
    ("Driving and lifts", "A lift to the eye clinic", Where.COMMUNITY),
    ("Shopping and errands", "Someone to help with the weekly shop", Where.COMMUNITY),
    ("Befriending and a chat", "Company on a Sunday afternoon", Where.HOME),
    ("Computers and phones", "Setting up video calls with my grandchildren", Where.HOME),
    ("Gardening", "Cutting back the hedge", Where.HOME),
    ("Letter writing and forms", "Help with a blue badge form", Where.COMMUNITY),
    ("DIY and small repairs", "A dripping tap", Where.HOME),
    ("Dog walking", "Walking Bess while my hip mends", Where.COMMUNITY),
]


def seed(ctx: DemoContext) -> str:
    partnership = ctx.partnership
    organisation = Organisation.objects.get(partnership=partnership, slug=ORG)
    if TimeBank.objects.filter(organisation=organisation).exists():
        return ""
    rng = ctx.random("timebank")
    named = personas(partnership)
    morag = named["morag"].user
    with transaction.atomic():
        bank = services.bank_create(
            organisation=organisation,
            name="Glenbrae Time Bank",
            slug="glenbrae-time-bank",
            by=morag,
            allows_other_banks=True,
        )
        TimeBank.objects.filter(pk=bank.pk).update(created_at=ctx.days_ago(400))
        org_account = services.organisation_account(bank)
        services.overdraft_grant(
            account=org_account,
            limit_minutes=-400 * 60,
            reason="Pays volunteers for group sessions",
            by=morag,
        )
        members = _members(ctx, bank, organisation, named, rng)
        categories = {c.name: c for c in AssetCategory.objects.filter(partnership=partnership)}
        _listings(ctx, bank, members, categories, named, rng)
        counts = _year(ctx, bank, members, org_account, categories, named, rng)
        _pending(ctx, bank, named, morag)
        _referrals(ctx, bank, named)
        second = _second_bank(ctx, partnership, members, rng)
    return (
        f"{len(members)} members, {counts['exchanges']} exchanges, "
        f"{counts['groups']} group sessions, {counts['gifts']} gifts to the pot, "
        f"{counts['reversals']} corrections; a second bank with {second} members"
    )


def _members(ctx, bank, organisation, named, rng) -> list[Account]:
    people = list(
        Person.objects.active()
        .filter(
            memberships__organisation=organisation,
            memberships__role=Role.MEMBER,
            memberships__ended_on__isnull=True,
        )
        .exclude(memberships__role__in=[Role.BROKER, Role.ADMINISTRATOR])
        .distinct()
        .order_by("pk")
    )
    chosen = [named["anne"], named["claire"]]
    chosen += [p for p in rng.sample(people, min(MEMBERS, len(people))) if p not in chosen]
    accounts = []
    for index, person in enumerate(chosen):
        account = services.account_open(bank=bank, person=person)
        joined = 380 if index < 2 else rng.randint(20, 390)
        Account.objects.filter(pk=account.pk).update(opened_at=ctx.days_ago(joined))
        account.refresh_from_db()
        accounts.append(account)
    return accounts


def _cleared(bank, helper: Person, member: Person | None, where: str) -> bool:
    from safeguarding.policy import clearance

    return clearance(
        helper=helper, member=member, organisation=bank.organisation, at_home=where == Where.HOME
    ).allowed


def _listings(ctx, bank, members, categories, named, rng) -> None:
    helpers = members[1:30]
    for account in helpers[:18]:
        category, title, where = rng.choice(OFFERS)
        services.listing_create(
            account=account,
            kind="offer",
            by=None,
            category=categories[category],
            title=title,
            where=where,
            area=account.person.area,
            timing=Listing.Timing.RECURRING,
            availability=account.person.availability,
        )
    anne = members[0]
    services.listing_create(
        account=anne,
        kind="request",
        by=named["morag"].user,
        on_behalf_of=anne.person,
        category=categories["Driving and lifts"],
        title="A lift to the eye clinic",
        where=Where.COMMUNITY,
        area=anne.person.area,
        on_date=ctx.today + datetime.timedelta(days=9),
        helper_notes="Walks slowly with a stick; needs a hand into the car.",
    )
    for account in rng.sample(members[2:], 10):
        category, title, where = rng.choice(REQUESTS)
        listing = services.listing_create(
            account=account,
            kind="request",
            by=None,
            category=categories[category],
            title=title,
            where=where,
            area=account.person.area,
        )
        Listing.objects.filter(pk=listing.pk).update(created_at=ctx.days_ago(rng.randint(1, 60)))


def _year(ctx, bank, members, org_account, categories, named, rng) -> dict:
    helpers = [a for a in members if _cleared(bank, a.person, None, Where.COMMUNITY)]
    recorded = _exchanges(ctx, bank, members, helpers, categories, named, rng)
    return {
        "exchanges": len(recorded),
        "groups": _groups(ctx, bank, org_account, helpers, categories, named, rng),
        "gifts": _pot(ctx, members, helpers, named, rng),
        "reversals": _corrections(recorded, named, rng),
    }


def _exchanges(ctx, bank, members, helpers, categories, named, rng) -> list[Exchange]:
    plan = sorted(rng.randint(1, 365) for _ in range(EXCHANGES))
    recorded: list[Exchange] = []
    for days in reversed(plan):
        at = ctx.days_ago(days, hour=rng.randint(9, 17))
        receiver = rng.choice(members)
        giver = rng.choice([h for h in helpers if h.pk != receiver.pk])
        category, title, where = rng.choice(OFFERS)
        if at < max(receiver.opened_at, giver.opened_at):
            continue
        if not _cleared(bank, giver.person, receiver.person, where):
            continue
        try:
            exchange = services.exchange_record(
                bank=bank,
                receiver=receiver,
                givers=[giver],
                minutes=rng.choice([30, 45, 60, 60, 90, 120, 150]),
                description=title,
                where=where,
                category=categories[category],
                by=named["morag"].user,
                at=at,
            )
        except DomainError:
            continue  # over the limit: the broker would have said no too
        recorded.append(exchange)
        if len(recorded) % 9 == 0 and where != Where.REMOTE:
            services.expense_claim(
                exchange=exchange,
                person=giver.person,
                kind="mileage",
                miles=6,
                amount_pence=270,
                description="Mileage at 45p a mile",
                by=named["morag"].user,
            )
    return recorded


def _groups(ctx, bank, org_account, helpers, categories, named, rng) -> int:
    done = 0
    for month in range(12):
        with contextlib.suppress(DomainError):
            services.exchange_record(
                bank=bank,
                receiver=org_account,
                givers=rng.sample(helpers, rng.randint(3, 6)),
                minutes=120,
                description="Kirkton community garden session",
                category=categories["Gardening"],
                by=named["morag"].user,
                at=ctx.days_ago(15 + month * 30, hour=10),
            )
            done += 1
    return done


def _pot(ctx, members, helpers, named, rng) -> int:
    gifts = 0
    for giver in rng.sample(helpers, 8):
        with contextlib.suppress(DomainError):
            services.donate(
                account=giver,
                minutes=rng.choice([60, 120, 180]),
                by=None,
                at=ctx.days_ago(rng.randint(5, 200)),
            )
            gifts += 1
    for receiver in members[:3]:
        with contextlib.suppress(DomainError):
            services.grant(
                account=receiver,
                minutes=120,
                reason="Cannot give time just now",
                by=named["morag"].user,
                at=ctx.days_ago(3),
            )
    return gifts


def _corrections(recorded, named, rng) -> int:
    done = 0
    for exchange in rng.sample(recorded, min(3, len(recorded))):
        with contextlib.suppress(DomainError):
            services.exchange_reverse(
                exchange=exchange, reason="Recorded twice by mistake", by=named["morag"].user
            )
            done += 1
    return done


def _pending(ctx, bank, named, morag) -> None:
    """A few exchanges in progress, so the broker's lists have something in them."""
    claire = Account.objects.get(bank=bank, person=named["claire"])
    request = (
        Listing.objects.filter(bank=bank, kind="request", status="open")
        .exclude(account=claire)
        .order_by("pk")
    )
    for listing in request[:2]:
        services.introduction_make(request=listing, helper=claire, by=morag)


def _referrals(ctx, bank, named) -> None:
    iain = named["iain"]
    people = (
        Person.objects.active()
        .filter(partnership=bank.partnership)
        .exclude(timebank_accounts__bank=bank)
    )
    for person in people.order_by("pk")[:3]:
        referral = services.referral_make(
            bank=bank, person=person, referred_by=iain, reason="Lonely since moving", by=iain.user
        )
        referral.__class__.objects.filter(pk=referral.pk).update(created_at=ctx.days_ago(20))


def _second_bank(ctx, partnership, members, rng) -> int:
    organisation = Organisation.objects.get(partnership=partnership, slug=SECOND_ORG)
    bank = services.bank_create(
        organisation=organisation,
        name="Kirkton Community Time Bank",
        slug="kirkton-time-bank",
        allows_other_banks=True,
        overdraft_limit_minutes=-300,
    )
    people = (
        Person.objects.active()
        .filter(memberships__organisation=organisation, memberships__ended_on__isnull=True)
        .distinct()
        .order_by("pk")[:8]
    )
    accounts = [services.account_open(bank=bank, person=p) for p in people]
    # Kirkton's lunch club thanks a Glenbrae volunteer: a cross-bank exchange, as both allow it.
    home_bank = members[0].bank
    helper = next(
        (m for m in members[1:] if _cleared(home_bank, m.person, None, "community")), None
    )
    if helper is not None:
        services.exchange_record(
            bank=bank,
            receiver=services.organisation_account(bank),
            givers=[helper],
            minutes=90,
            description="Helping at the Kirkton lunch club",
            by=None,
            at=ctx.days_ago(12),
        )
    return len(accounts)
