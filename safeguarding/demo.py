"""Glenbrae Voluntary Action's safeguarding: its policy, checks on a dozen
helpers (three running out within the warning window, one expired, two with
no disclosure check yet), Anne marked as needing extra care, one open concern
and one visit whose check-out is overdue. Deterministic and safe to re-run."""

import datetime

from django.utils import timezone

from core.demo.context import DemoContext
from people.demo import personas
from people.models import Organisation, Person, Role

from .models import Check, Concern, ExtraCareFlag, SafeguardingPolicy, Visit

ORDER = 30
ORG = "glenbrae-voluntary-action"
HELPERS = 12
# Days from today to each helper's PVG renewal date, in helper order. None: no
# disclosure check yet. Three fall inside the 60-day warning, one is past.
RENEWALS = [200, 45, 12, -20, 380, None, 700, 58, 900, None, 520, 1000]


def seed(ctx: DemoContext) -> str:
    partnership = ctx.partnership
    organisation = Organisation.objects.get(partnership=partnership, slug=ORG)
    if SafeguardingPolicy.objects.filter(organisation=organisation).exists():
        return ""
    rng = ctx.random("safeguarding")
    named = personas(partnership)
    morag = named["morag"]
    SafeguardingPolicy.objects.create(organisation=organisation, updated_by=morag.user)
    helpers = _helpers(organisation, named, rng)
    for helper, renewal in zip(helpers, RENEWALS, strict=True):
        _checks(ctx, organisation, helper, renewal, morag, rng)
    ExtraCareFlag.objects.create(
        organisation=organisation,
        person=named["anne"],
        reason="Lives alone; her memory is getting worse. Daughter visits at weekends.",
        review_on=ctx.today + datetime.timedelta(days=120),
        set_by=morag.user,
        set_at=ctx.days_ago(90),
    )
    Concern.objects.create(
        organisation=organisation,
        raised_by=named["claire"].user,
        raised_by_person=named["claire"],
        about=named["anne"],
        category=Concern.Category.HEALTH,
        urgency=Concern.Urgency.SOON,
        what_happened=(
            "When I took Anne to the shops on Tuesday she did not know what day it was, "
            "and there was almost no food in the fridge. She said she was fine."
        ),
        raised_at=ctx.days_ago(1, hour=16, minute=20),
    )
    _visits(ctx, organisation, named, morag)
    return f"{len(helpers)} helpers with checks, 1 member needing extra care, 1 concern, visits"


def _helpers(organisation, named, rng) -> list[Person]:
    others = list(
        Person.objects.filter(
            memberships__organisation=organisation,
            memberships__role=Role.MEMBER,
            memberships__ended_on__isnull=True,
            user__isnull=True,
            date_of_birth__isnull=False,
        )
        .exclude(pk=named["anne"].pk)
        .distinct()
        .order_by("pk")
    )
    return [named["claire"], *rng.sample(others, HELPERS - 1)]


def _checks(ctx, organisation, helper, renewal, morag, rng) -> None:
    started = ctx.today - datetime.timedelta(days=rng.randint(400, 1400))
    verified = timezone.make_aware(datetime.datetime.combine(started, datetime.time(11)))
    common = {
        "organisation": organisation,
        "helper": helper,
        "verified_by": morag.user,
        "verified_at": verified,
    }
    for _n in range(2):
        Check.objects.create(kind=Check.Kind.REFERENCE, issued_on=started, **common)
    Check.objects.create(kind=Check.Kind.INDUCTION, issued_on=started, **common)
    if renewal is not None:
        expires = ctx.today + datetime.timedelta(days=renewal)
        Check.objects.create(
            kind=Check.Kind.DISCLOSURE,
            scheme=Check.Scheme.PVG,
            reference_number="".join(str(rng.randint(0, 9)) for _ in range(16)),
            issued_on=min(expires - datetime.timedelta(days=3 * 365), started),
            expires_on=expires,
            **common,
        )


def _visits(ctx, organisation, named, morag) -> None:
    claire, anne = named["claire"], named["anne"]
    now = timezone.now()
    for days in (14, 7):
        start = ctx.days_ago(days, hour=10)
        Visit.objects.create(
            organisation=organisation,
            subject="",
            helper=claire,
            member=anne,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1, minutes=30),
            checked_in_at=start + datetime.timedelta(minutes=3),
            checked_out_at=start + datetime.timedelta(hours=1, minutes=25),
            checked_out_by=claire.user,
            created_by=morag.user,
        )
    # Checked in three hours ago and never checked out: overdue.
    start = now - datetime.timedelta(hours=3)
    Visit.objects.create(
        organisation=organisation,
        helper=claire,
        member=anne,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        checked_in_at=start + datetime.timedelta(minutes=5),
        created_by=morag.user,
    )
    start = now + datetime.timedelta(days=1)
    Visit.objects.create(
        organisation=organisation,
        helper=claire,
        member=anne,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        created_by=morag.user,
    )
