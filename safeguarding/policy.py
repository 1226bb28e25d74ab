"""The safeguarding rules: may this helper take this on, and on what terms?

Other apps (the time bank first) call clearance(), clearances() and
may_accompany() and nothing else; they read the organisation's policy, the
member's extra-care flag and the helpers' checks, in one query (facts()),
and never write. A check counts on a day when it is not withdrawn, was issued on or
before that day, and expires on or after it (a check is good on its expiry
date and not the day after).
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from core.rawsql import instance, prepared_cursor, quoted, select_list
from people.models import Organisation, Person

from .models import Check, ExtraCareFlag, SafeguardingPolicy

# How strong each disclosure scheme is. PVG membership includes the barred
# lists, as an enhanced DBS check with barred lists does.
SCHEME_LEVEL = {
    Check.Scheme.DBS_BASIC: 1,
    Check.Scheme.DBS_STANDARD: 2,
    Check.Scheme.DBS_ENHANCED: 3,
    Check.Scheme.PVG: 3,
}
LEVEL_NEEDED = {
    SafeguardingPolicy.DisclosureLevel.BASIC: 1,
    SafeguardingPolicy.DisclosureLevel.STANDARD: 2,
    SafeguardingPolicy.DisclosureLevel.ENHANCED: 3,
}


@dataclass(frozen=True)
class Clearance:
    allowed: bool  # may this helper take this on alone?
    needs_second_person: bool  # allowed only with a second checked helper
    reasons: tuple[str, ...]  # plain English, for the broker


def policy_for(organisation: Organisation) -> SafeguardingPolicy:
    """The organisation's policy, or the default one (unsaved) if it has none yet."""
    policy = SafeguardingPolicy.objects.filter(organisation=organisation).first()
    return policy or SafeguardingPolicy(organisation=organisation)


def needs_extra_care(person: Person) -> bool:
    """Whether any organisation has flagged this member as needing extra care."""
    return ExtraCareFlag.objects.filter(person=person, removed_at__isnull=True).exists()


def visit_required(*, organisation: Organisation, at_home: bool) -> bool:
    """Whether a helper must check in and out of this (home visits, if the policy says so)."""
    return at_home and policy_for(organisation).check_in_for_home_visits


def is_checked(checks: list[Check], policy: SafeguardingPolicy, on: datetime.date) -> bool:
    """Whether the helper holds a disclosure check that counts under this policy today."""
    needed = LEVEL_NEEDED[policy.disclosure_level]
    return any(
        c.kind == Check.Kind.DISCLOSURE
        and c.counts_on(on)
        and SCHEME_LEVEL.get(c.scheme, 0) >= needed
        for c in checks
    )


def decide(
    *,
    checks: list[Check],
    policy: SafeguardingPolicy,
    extra_care: bool,
    at_home: bool,
    on: datetime.date,
) -> Clearance:
    """The rules themselves, on data already fetched (so they are easy to test)."""
    current = [c for c in checks if c.counts_on(on)]
    blocking: list[str] = []
    references = sum(1 for c in current if c.kind == Check.Kind.REFERENCE)
    if references < policy.references_required:
        blocking.append(
            _("Has %(have)s of the %(need)s references needed.")
            % {"have": references, "need": policy.references_required}
        )
    if policy.induction_required and not any(c.kind == Check.Kind.INDUCTION for c in current):
        blocking.append(_("Has not done the induction."))
    if blocking:
        return Clearance(allowed=False, needs_second_person=False, reasons=tuple(blocking))

    checked = is_checked(current, policy, on)
    second: list[str] = []
    if at_home and policy.disclosure_for_home_visits and not checked:
        second.append(
            _(
                "Visits to someone's home need a disclosure check, and this helper has no current one."
            )
        )
    if extra_care:
        rule = policy.extra_care
        if rule == SafeguardingPolicy.ExtraCare.TWO_PEOPLE:
            second.append(_("This member needs extra care: two people always go together."))
        elif not checked:
            if rule == SafeguardingPolicy.ExtraCare.CHECKED:
                return Clearance(
                    allowed=False,
                    needs_second_person=False,
                    reasons=(
                        *second,
                        _(
                            "This member needs extra care: only a helper with a current "
                            "disclosure check may help them."
                        ),
                    ),
                )
            second.append(
                _(
                    "This member needs extra care: without a current disclosure check, "
                    "this helper must go with a checked helper."
                )
            )
    if second:
        return Clearance(allowed=False, needs_second_person=True, reasons=tuple(second))
    return Clearance(allowed=True, needs_second_person=False, reasons=())


def decide_second(
    *, checks: list[Check], policy: SafeguardingPolicy, on: datetime.date
) -> Clearance:
    """May this helper be the checked second person who goes with another?"""
    first = decide(checks=checks, policy=policy, extra_care=False, at_home=False, on=on)
    if not first.allowed:
        return first
    if not is_checked([c for c in checks if c.counts_on(on)], policy, on):
        return Clearance(
            allowed=False,
            needs_second_person=False,
            reasons=(_("The second person needs a current disclosure check."),),
        )
    return Clearance(allowed=True, needs_second_person=False, reasons=())


def facts(
    *, organisation: Organisation, member: Person | None, helpers: list[Person]
) -> tuple[SafeguardingPolicy, bool, dict[int, list[Check]]]:
    """Everything the rules read, in one query (recording an exchange asks every time):
    the organisation's policy (the default, unsaved, if it has none), whether the
    member is flagged as needing extra care, and each helper's checks."""
    helper_ids = [h.pk for h in helpers]
    sql = _facts_sql(connection.vendor, len(helper_ids))
    policy_fields = len(SafeguardingPolicy._meta.concrete_fields)
    check_fields = len(Check._meta.concrete_fields)
    params = [member.pk if member is not None else None, organisation.pk, organisation.pk]
    with prepared_cursor() as cursor:
        cursor.execute(sql, params + helper_ids)
        rows = cursor.fetchall()
    policy = instance(SafeguardingPolicy, rows[0][:policy_fields]) or SafeguardingPolicy(
        organisation=organisation
    )
    by_helper: dict[int, list[Check]] = {pk: [] for pk in helper_ids}
    for row in rows:
        check = instance(Check, row[policy_fields : policy_fields + check_fields])
        if check is not None:
            by_helper[check.helper_id].append(check)
    return policy, bool(rows[0][-1]), by_helper


@lru_cache(maxsize=64)
def _facts_sql(vendor: str, helpers: int) -> str:
    marks = ", ".join(["%s"] * helpers) or "NULL"
    return (
        f"SELECT {select_list(SafeguardingPolicy, 'p')}, {select_list(Check, 'c')}, "
        f"EXISTS (SELECT 1 FROM {quoted(ExtraCareFlag._meta.db_table)} f "
        "WHERE f.person_id = %s AND f.removed_at IS NULL) "
        "FROM (SELECT 1 AS one) one "
        f"LEFT JOIN {quoted(SafeguardingPolicy._meta.db_table)} p ON p.organisation_id = %s "
        f"LEFT JOIN {quoted(Check._meta.db_table)} c "
        f"ON c.organisation_id = %s AND c.helper_id IN ({marks})"
    )


def _erased() -> Clearance:
    return Clearance(
        allowed=False,
        needs_second_person=False,
        reasons=(_("This helper's details were removed."),),
    )


def may_accompany(
    *,
    helper: Person,
    organisation: Organisation,
    on: datetime.date | None = None,
) -> Clearance:
    """Whether this helper may go as the second, checked person when clearance() says
    `needs_second_person` (whatever the member needs: they go as a pair)."""
    if helper.erased_at is not None:
        return _erased()
    policy, _extra, checks = facts(organisation=organisation, member=None, helpers=[helper])
    return decide_second(checks=checks[helper.pk], policy=policy, on=on or timezone.localdate())


def clearance(
    *,
    helper: Person,
    member: Person | None,
    organisation: Organisation,
    at_home: bool,
    on: datetime.date | None = None,
) -> Clearance:
    """May this helper take this on for this member, for this organisation, on this day?"""
    return clearances(
        helpers=[helper], member=member, organisation=organisation, at_home=at_home, on=on
    )[helper.pk]


def clearances(
    *,
    helpers: list[Person],
    member: Person | None,
    organisation: Organisation,
    at_home: bool,
    on: datetime.date | None = None,
) -> dict[int, Clearance]:
    """clearance() for many helpers at once (matching ranks dozens), in one query."""
    on = on or timezone.localdate()
    policy, extra, checks = facts(organisation=organisation, member=member, helpers=helpers)
    return {
        helper.pk: _erased()
        if helper.erased_at is not None
        else decide(
            checks=checks[helper.pk], policy=policy, extra_care=extra, at_home=at_home, on=on
        )
        for helper in helpers
    }
