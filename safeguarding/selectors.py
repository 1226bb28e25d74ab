"""Reads about safeguarding, always for named organisations."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from people.models import Organisation, Person

from .access import members_of
from .models import Check, Concern, ExtraCareFlag, Visit
from .policy import policy_for

DEFAULT_GRACE = 30


@dataclass
class HelperChecks:
    """A helper's standing for one kind of check: the best check of that kind."""

    helper: Person
    check: Check
    status: str


def _best(checks: list[Check], on: datetime.date) -> Check:
    """The check that says most: a current one with the latest expiry, else the latest."""
    counting = [c for c in checks if c.counts_on(on)]
    pool = counting or [c for c in checks if c.withdrawn_at is None] or checks
    far = datetime.date.max
    return max(pool, key=lambda c: (c.expires_on or far, c.issued_on, c.pk))


def register(organisation: Organisation, on: datetime.date | None = None) -> dict:
    """The checks register: each current helper's best check of each kind, sorted into
    expired, expiring soon and current. Renewed checks hide the old ones."""
    on = on or timezone.localdate()
    warn = policy_for(organisation).warn_days
    members = set(members_of(organisation).values_list("pk", flat=True))
    groups: dict[tuple[int, str], list[Check]] = {}
    checks = (
        Check.objects.filter(organisation=organisation, helper_id__in=members)
        .select_related("helper")
        .order_by("pk")
    )
    for check in checks:
        groups.setdefault((check.helper_id, check.kind), []).append(check)
    rows = {"expired": [], "expiring": [], "current": []}
    for group in groups.values():
        best = _best(group, on)
        status = best.status_on(on, warn)
        if status in rows:
            rows[status].append(HelperChecks(best.helper, best, status))
    for key in rows:
        rows[key].sort(key=lambda r: (r.check.expires_on or datetime.date.max, r.helper.pk))
    return rows


def helper_checks(organisation: Organisation, helper: Person) -> QuerySet[Check]:
    return Check.objects.filter(organisation=organisation, helper=helper).order_by(
        "kind", "-issued_on", "-pk"
    )


def checks_for_helper(helper: Person) -> QuerySet[Check]:
    """A helper's own checks in every organisation, for their own page."""
    return (
        Check.objects.filter(helper=helper)
        .select_related("organisation")
        .order_by("organisation__name", "kind", "-issued_on")
    )


def active_flags(organisation: Organisation) -> QuerySet[ExtraCareFlag]:
    return ExtraCareFlag.objects.filter(
        organisation=organisation, removed_at__isnull=True
    ).select_related("person", "set_by")


def concerns_for(organisations, viewer: Person | None) -> QuerySet[Concern]:
    """Concerns these organisations' staff deal with, never those about the viewer."""
    qs = Concern.objects.filter(organisation__in=organisations)
    if viewer is not None:
        qs = qs.exclude(about=viewer)
    return qs


def open_concerns(
    organisations: Iterable[Organisation] | QuerySet, viewer: Person | None = None
) -> list[Concern]:
    urgency_order = {"now": 0, "soon": 1, "routine": 2}
    qs = (
        concerns_for(organisations, viewer)
        .exclude(status=Concern.Status.CLOSED)
        .select_related("organisation", "about")
    )
    return sorted(qs, key=lambda c: (urgency_order.get(c.urgency, 3), c.raised_at))


def overdue_visits(
    organisations: Iterable[Organisation] | QuerySet, now: datetime.datetime | None = None
) -> list[Visit]:
    """Visits past their planned end and the organisation's grace, with no check-out."""
    now = now or timezone.now()
    candidates = (
        Visit.objects.filter(
            organisation__in=organisations,
            cancelled_at__isnull=True,
            checked_out_at__isnull=True,
            ends_at__lt=now,
        )
        .select_related("organisation__safeguarding_policy", "helper", "member")
        .order_by("ends_at", "pk")
    )
    overdue = []
    for visit in candidates:
        policy = getattr(visit.organisation, "safeguarding_policy", None)
        grace = policy.grace_minutes if policy else DEFAULT_GRACE
        if visit.ends_at + datetime.timedelta(minutes=grace) < now:
            overdue.append(visit)
    return overdue


def visits_for_helper(helper: Person, *, since: datetime.datetime) -> QuerySet[Visit]:
    return (
        Visit.objects.filter(helper=helper, cancelled_at__isnull=True, ends_at__gte=since)
        .select_related("organisation", "member")
        .order_by("starts_at", "pk")
    )


def todays_visits(helper: Person) -> QuerySet[Visit]:
    """Today's visits, and any still checked in from before (so they can check out)."""
    today = timezone.localdate()
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    today_q = Q(starts_at__lt=end, ends_at__gte=start)
    still_in = Q(checked_in_at__isnull=False, checked_out_at__isnull=True)
    return (
        Visit.objects.filter(helper=helper, cancelled_at__isnull=True)
        .filter(today_q | still_in)
        .select_related("member", "organisation")
        .order_by("starts_at", "pk")
    )
