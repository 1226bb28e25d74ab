"""Mapping: how fast the rules classify, and how long the partnership picture
takes at 30 and at 300 initiatives, against baselines measured in the same run.

    .venv/bin/python -m bench mapping
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coproduce_bench .venv/bin/python -m bench mapping

Classification is timed against building the same answers without
classifying them. The picture (its numbers, then the whole page with its
SVG charts) is timed against the glossary page, a plain page of similar size.
"""

import os
import random
import statistics

from bench.harness import Timer, setup_django, throwaway_database

ROUNDS = int(os.environ.get("BENCH_MAPPING_ROUNDS", "5"))
COMBINATIONS = int(os.environ.get("BENCH_MAPPING_COMBINATIONS", "50000"))


def _answers(rng):
    from mapping.rules import Answers, OneWay, Scope, Who

    who = list(Who)
    return Answers(
        defined=rng.choice(who),
        decided=rng.choice(who),
        designed=rng.choice(who),
        delivered=rng.choice(who),
        assessed=rng.choice(who),
        views_only=rng.random() < 0.3,
        power_moved=rng.random() < 0.2,
        budget_moved=rng.random() < 0.1,
        citizens_fund=rng.random() < 0.2,
        scope=rng.choice(list(Scope)),
        one_way=rng.choice(list(OneWay)),
    )


def bench_rules() -> None:
    from mapping.rules import classify

    rng = random.Random(1)
    answers = [_answers(rng) for _ in range(COMBINATIONS)]
    with Timer() as base:
        for a in answers:
            _seen = (a.defined, a.decided, a.designed, a.delivered, a.assessed, a.views_only)
    with Timer() as t:
        for a in answers:
            classify(a)
    rate = COMBINATIONS / t.seconds
    print(
        f"classify: {rate:,.0f} classifications a second ({t.seconds * 1e6 / COMBINATIONS:.1f} µs each)"
    )
    print(f"  against reading the answers alone: x{t.seconds / max(base.seconds, 1e-9):.0f}")


def _populate(partnership, orgs, owner, count: int, start: int) -> None:
    from mapping import services
    from mapping.models import Factor, Initiative

    rng = random.Random(count)
    factors = list(Factor.objects.filter(partnership__isnull=True))
    fields = services.ANSWER_FIELDS
    for i in range(start, start + count):
        initiative = Initiative(
            partnership=partnership,
            name=f"Initiative {i}",
            purpose="Bench",
            owner=owner,
            lead_organisation=rng.choice(orgs),
            stage="do",
            client_group="everyone",
        )
        services.initiative_save(
            initiative=initiative, partners=rng.sample(orgs, 2), by=None, created=True
        )
        a = _answers(rng)
        services.classification_answer(
            initiative=initiative,
            answers=dict(
                zip(
                    fields,
                    [
                        getattr(a, f).value if hasattr(getattr(a, f), "value") else getattr(a, f)
                        for f in fields
                    ],
                    strict=True,
                )
            ),
            by=None,
            person=owner,
        )
        services.initiative_factors_set(
            initiative=initiative, factors=rng.sample(factors, 3), by=None
        )
        for group in ("staff", "users", "carers", "partners"):
            invitation, _token = services.invitation_create(
                initiative=initiative, group=group, label="", person=None, by=None, inviter=owner
            )
            services.ingredients_answer(
                invitation=invitation,
                ratings={
                    k: (rng.randint(1, 5), "words")
                    for k in (
                        "assets",
                        "shared_roles",
                        "capacity",
                        "mutuality",
                        "networks",
                        "catalysts",
                    )
                },
            )


def _median(fn) -> float:
    samples = []
    for _ in range(ROUNDS):
        with Timer() as t:
            fn()
        samples.append(t.seconds * 1000)
    return statistics.median(samples)


def bench_picture() -> None:
    from django.test import Client
    from django.urls import reverse

    from core.testing import make_person
    from mapping.selectors import picture
    from people.models import Organisation, Partnership, Role

    partnership = Partnership.objects.create(name="Bench", slug="bench")
    orgs = [
        Organisation.objects.create(
            partnership=partnership, slug=f"o{i}", name=f"Org {i}", kind="council"
        )
        for i in range(6)
    ]
    fiona = make_person(
        partnership, "Fiona", email="fiona@bench.example", orgs=[orgs[0]], role=Role.COMMISSIONER
    )
    client = Client()
    client.force_login(fiona.user)
    client.get(reverse("core:glossary"))  # warm up templates and matplotlib
    done = 0
    for size in (30, 300):
        _populate(partnership, orgs, fiona, size - done, done)
        done = size
        client.get(reverse("mapping:picture"))
        base = _median(lambda: client.get(reverse("core:glossary")))
        data = _median(lambda: picture(partnership))
        warm = _median(lambda: client.get(reverse("mapping:picture")))
        cold = _median(lambda: (_clear(), client.get(reverse("mapping:picture"))))
        print(
            f"picture at {size} initiatives: numbers {data:.0f} ms; whole page {cold:.0f} ms "
            f"drawing the charts, {warm:.0f} ms with them kept; glossary page {base:.0f} ms; "
            f"page x{cold / base:.1f} (drawing) and x{warm / base:.1f} (kept) the glossary"
        )


def _clear() -> None:
    from mapping import charts

    for fn in (charts._star, charts._ingredients, charts._counts):
        fn.cache_clear()


def main() -> None:
    setup_django()
    bench_rules()
    with throwaway_database():
        bench_picture()


if __name__ == "__main__":
    main()
