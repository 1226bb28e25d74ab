"""Safeguarding: how fast the rules clear helpers, the checks register and the
overdue-visit scan, against baselines measured in the same run.

    .venv/bin/python -m bench safeguarding
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coproduce_bench .venv/bin/python -m bench safeguarding

- clearance() one helper at a time, and clearances() for all at once, against
  fetching the same check rows with one plain query (the least any answer needs);
- the checks register for an organisation against the same plain query;
- the overdue scan over many visits against counting the candidate rows.
"""

import datetime
import os
import random

from bench.harness import Timer, setup_django, throwaway_database

HELPERS = int(os.environ.get("BENCH_SAFEGUARDING_HELPERS", "300"))
VISITS = int(os.environ.get("BENCH_SAFEGUARDING_VISITS", "20000"))


def _populate():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from people.models import Membership, Organisation, Partnership, Person
    from safeguarding.models import Check, ExtraCareFlag, SafeguardingPolicy, Visit

    rng = random.Random(7)
    p = Partnership.objects.create(name="Bench", slug="bench")
    org = Organisation.objects.create(partnership=p, slug="bank", name="Bank", kind="third_sector")
    SafeguardingPolicy.objects.create(organisation=org)
    user = get_user_model().objects.create_user(email="b@example.org", password="x")
    people = Person.objects.bulk_create(
        Person(partnership=p, given_name=f"H{i}", family_name="Bench") for i in range(HELPERS)
    )
    Membership.objects.bulk_create(Membership(person=h, organisation=org) for h in people)
    today = timezone.localdate()
    checks = []
    for h in people:
        for kind, scheme in (("reference", ""), ("reference", ""), ("induction", "")):
            checks.append(
                Check(
                    organisation=org,
                    helper=h,
                    kind=kind,
                    scheme=scheme,
                    issued_on=today - datetime.timedelta(400),
                    verified_by=user,
                )
            )
        if rng.random() < 0.7:
            issued = today - datetime.timedelta(rng.randint(1, 1200))
            checks.append(
                Check(
                    organisation=org,
                    helper=h,
                    kind="disclosure",
                    scheme="pvg",
                    reference_number="1" * 16,
                    issued_on=issued,
                    expires_on=issued + datetime.timedelta(3 * 365),
                    verified_by=user,
                )
            )
    Check.objects.bulk_create(checks)
    member = people[0]
    ExtraCareFlag.objects.create(organisation=org, person=member, reason="x", set_by=user)
    now = timezone.now()
    visits = []
    for i in range(VISITS):
        start = now - datetime.timedelta(hours=rng.randint(-48, 24 * 90))
        done = rng.random() < 0.995
        visits.append(
            Visit(
                organisation=org,
                helper=people[i % HELPERS],
                member=member,
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=1),
                checked_in_at=start if done else None,
                checked_out_at=start + datetime.timedelta(minutes=50) if done else None,
            )
        )
    Visit.objects.bulk_create(visits, batch_size=2000)
    return org, people, member


def _run() -> None:
    from safeguarding import selectors
    from safeguarding.models import Check, Visit
    from safeguarding.policy import clearance, clearances

    org, helpers, member = _populate()
    with Timer() as raw:
        rows = list(Check.objects.filter(organisation=org).values_list("helper_id", "kind"))
    assert rows
    with Timer() as one:
        for h in helpers:
            clearance(helper=h, member=member, organisation=org, at_home=True)
    with Timer() as many:
        answers = clearances(helpers=helpers, member=member, organisation=org, at_home=True)
    allowed = sum(a.allowed for a in answers.values())
    print(f"clearance, {len(helpers)} helpers ({allowed} cleared for a home visit):")
    print(f"  plain query of their checks: {raw.seconds * 1000:.1f} ms")
    print(
        f"  one at a time: {one.seconds * 1000:.1f} ms "
        f"({one.seconds * 1e6 / len(helpers):.0f} µs each), x{one.seconds / raw.seconds:.1f} the plain query"
    )
    print(
        f"  all at once:   {many.seconds * 1000:.1f} ms, x{many.seconds / raw.seconds:.1f} the plain query"
    )
    with Timer() as reg:
        rows = selectors.register(org)
    print(
        f"checks register: {reg.seconds * 1000:.1f} ms "
        f"({len(rows['expiring'])} expiring, {len(rows['expired'])} expired), "
        f"x{reg.seconds / raw.seconds:.1f} the plain query"
    )
    with Timer() as count:
        n = Visit.objects.filter(organisation=org, checked_out_at__isnull=True).count()
    with Timer() as scan:
        overdue = selectors.overdue_visits([org])
    print(
        f"overdue scan over {Visit.objects.count()} visits: {scan.seconds * 1000:.1f} ms "
        f"({len(overdue)} overdue of {n} not checked out), "
        f"x{scan.seconds / max(count.seconds, 1e-6):.1f} counting the candidates"
    )


def main() -> None:
    setup_django()
    with throwaway_database():
        _run()


if __name__ == "__main__":
    main()
