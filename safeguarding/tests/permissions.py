"""Who may open each safeguarding page (collected by core's matrix test).

Brokers of the organisation and administrators look after its safeguarding;
Kirsty, a broker elsewhere, is refused; members see only their own records.
"""

import datetime

from django.utils import timezone

from core.testing import (
    DENIED,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Rule,
    everyone,
    signed_in,
)
from safeguarding.models import Check, Concern, ExtraCareFlag, Visit

ORG = {"slug": "voluntary-action"}
STAFF = signed_in(DENIED, broker=OK, administrator=OK)
STAFF_POST = signed_in(DENIED, broker=REDIRECT, administrator=REDIRECT)
# Pages about one record: people who may not see it are told it is not there.
OWN_OR_STAFF = signed_in(NOT_FOUND, member=OK, broker=OK, administrator=OK)
OWN_OR_STAFF_POST = signed_in(NOT_FOUND, member=REDIRECT, broker=REDIRECT, administrator=REDIRECT)
STAFF_ONLY_RECORD = signed_in(NOT_FOUND, broker=OK, administrator=OK)
POST_ONLY = everyone(NOT_ALLOWED)


def claire(world):
    return {**ORG, "pk": world.claire.pk}


def _check(world):
    check, _ = Check.objects.get_or_create(
        organisation=world.timebank_org,
        helper=world.claire,
        kind=Check.Kind.REFERENCE,
        defaults={"issued_on": datetime.date(2025, 1, 6)},
    )
    return {"pk": check.pk}


def _flag(world):
    flag, _ = ExtraCareFlag.objects.get_or_create(
        organisation=world.timebank_org,
        person=world.anne,
        removed_at=None,
        defaults={"reason": "Lives alone"},
    )
    return {"pk": flag.pk}


def _concern(world):
    concern, _ = Concern.objects.get_or_create(
        organisation=world.timebank_org,
        raised_by_person=world.claire,
        about=world.anne,
        defaults={"category": "neglect", "urgency": "soon", "what_happened": "No heating."},
    )
    return {"pk": concern.pk}


def _visit(world):
    start = timezone.now() - datetime.timedelta(hours=1)
    visit, _ = Visit.objects.get_or_create(
        organisation=world.timebank_org,
        helper=world.claire,
        member=world.anne,
        defaults={"starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
    )
    return {"pk": visit.pk}


RULES = [
    Rule("safeguarding:index", signed_in(REDIRECT, administrator=OK)),
    Rule("safeguarding:me", signed_in(OK)),
    Rule("safeguarding:my-visits", signed_in(OK)),
    Rule("safeguarding:visit-detail", OWN_OR_STAFF, kwargs=_visit),
    *[
        Rule(f"safeguarding:visit-{action}", POST_ONLY, kwargs=_visit)
        for action in ("check-in", "check-out", "cancel")
    ],
    Rule("safeguarding:visit-check-in", OWN_OR_STAFF_POST, kwargs=_visit, method="post"),
    Rule("safeguarding:visit-check-out", OWN_OR_STAFF_POST, kwargs=_visit, method="post"),
    Rule(
        "safeguarding:visit-cancel",
        signed_in(NOT_FOUND, broker=REDIRECT, administrator=REDIRECT),
        kwargs=_visit,
        method="post",
    ),
    Rule("safeguarding:concern-raise", signed_in(OK)),
    Rule("safeguarding:concern-thanks", signed_in(OK)),
    Rule("safeguarding:concern-detail", OWN_OR_STAFF, kwargs=_concern),
    Rule("safeguarding:concern-close", STAFF_ONLY_RECORD, kwargs=_concern),
    *[
        Rule(f"safeguarding:{name}", STAFF, kwargs=ORG)
        for name in ("checks", "check-add", "flags", "concerns", "policy", "visits")
    ],
    Rule("safeguarding:helper", STAFF, kwargs=claire),
    Rule("safeguarding:check-edit", STAFF, kwargs=_check),
    Rule("safeguarding:check-withdraw", STAFF, kwargs=_check),
    Rule("safeguarding:flag-remove", POST_ONLY, kwargs=_flag),
    Rule("safeguarding:flag-remove", STAFF_POST, kwargs=_flag, method="post"),
]

__all__ = ["RULES", "LOGIN"]
