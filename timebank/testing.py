"""Test helpers: the personas' time bank, and helpers who have passed their checks."""

import datetime

from .models import TimeBank
from .services import account_open, bank_create


def bank_for_world(world, slug: str = "glenbrae-time-bank") -> TimeBank:
    """The time bank run by the world's voluntary-action organisation, with Anne and Claire in it."""
    bank = TimeBank.objects.filter(organisation=world.timebank_org).first()
    if bank is None:
        bank = bank_create(organisation=world.timebank_org, name="Glenbrae Time Bank", slug=slug)
    for person in (world.anne, world.claire):
        account_open(bank=bank, person=person)
    return bank


def relaxed_policy(organisation) -> None:
    """A safeguarding policy with no checks needed away from home (for ledger tests)."""
    from safeguarding.models import SafeguardingPolicy

    SafeguardingPolicy.objects.update_or_create(
        organisation=organisation,
        defaults={
            "references_required": 0,
            "induction_required": False,
            "disclosure_for_home_visits": False,
            "check_in_for_home_visits": False,
        },
    )


def give_checks(person, organisation, *, disclosure: bool = True) -> None:
    """Two references, the induction and (by default) a PVG check, all current."""
    from safeguarding.models import Check

    issued = datetime.date.today() - datetime.timedelta(days=30)
    kinds = [("reference", ""), ("reference", ""), ("induction", "")]
    if disclosure:
        kinds.append(("disclosure", "pvg"))
    for kind, scheme in kinds:
        Check.objects.create(
            organisation=organisation,
            helper=person,
            kind=kind,
            scheme=scheme,
            reference_number="1234" if scheme else "",
            issued_on=issued,
        )
