"""Directory search: the real view (text + category + distance) against bare SQL.

Generates 100,000 services on PostgreSQL (5,000 on SQLite, which is only a
smoke run) spread over about 200 km square, then times the search page
(`/directory/?q=…&category=…&near=…&within=5`) through Django's test client,
and the same query written by hand in SQL (count + first page), in the same
run. Prints p50 and p95 for both and the ratio. Aim: p95 under 50 ms via the view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coproduce python -m bench directory_search

While iterating, BENCH_KEEP_DB=1 keeps the generated test database after the
run and reuses it (without generating again) on the next run with the same
variable (drop the test database to start again, say after a migration
changes). Without it, every run generates afresh in a throwaway database.
"""

import contextlib
import math
import os
import random
import time
import uuid

from bench.harness import percentiles, setup_django, throwaway_database

RUNS = 200
WORDS = [
    "lunch",
    "club",
    "walking",
    "group",
    "carers",
    "cafe",
    "dementia",
    "advice",
    "befriending",
    "transport",
    "knit",
    "natter",
    "tai",
    "chi",
    "shed",
    "digital",
    "drop-in",
    "friendship",
]
CATEGORIES = [
    "Lunch clubs",
    "Walking groups",
    "Carers' cafés",
    "Dementia cafés",
    "Advice",
    "Befriending",
    "Transport",
    "Keeping active",
    "Arts and crafts",
    "Men's sheds",
    "Mental health support",
    "Digital skills",
]
CENTRE = (56.2350, -3.1500)


def _generate(n: int):
    from django.db import connection

    from directory.models import (
        Attribute,
        Organization,
        Postcode,
        Service,
        ServiceProfile,
        Taxonomy,
        TaxonomyTerm,
    )
    from people.models import Partnership

    rng = random.Random("directory-bench")
    p = Partnership.objects.create(name="Bench", slug="bench")
    org = Organization.objects.create(partnership=p, name="Bench org", description="x")
    taxonomy = Taxonomy.objects.create(partnership=p, name="Bench", description="x")
    terms = [
        TaxonomyTerm.objects.create(name=c, description=c, code=f"c{i}", taxonomy_detail=taxonomy)
        for i, c in enumerate(CATEGORIES)
    ]
    Postcode.objects.create(
        postcode="GB2 1AA", latitude=CENTRE[0], longitude=CENTRE[1], council_code="S12000099"
    )
    batch = 5000
    for start in range(0, n, batch):
        services, profiles, attrs = [], [], []
        for i in range(start, min(n, start + batch)):
            k = rng.randrange(len(CATEGORIES))
            words = " ".join(rng.sample(WORDS, 4))
            sid = uuid.uuid4()
            services.append(
                Service(
                    id=sid,
                    partnership=p,
                    organization=org,
                    name=f"{CATEGORIES[k]} {i} {words}",
                    description=f"{words} in town {i % 97}",
                    status="active",
                )
            )
            profiles.append(
                ServiceProfile(
                    service_id=sid,
                    partnership=p,
                    latitude=CENTRE[0] + rng.uniform(-0.9, 0.9),
                    longitude=CENTRE[1] + rng.uniform(-1.6, 1.6),
                    status="active",
                    audience=",older_people,",
                    open_days=1 << rng.randrange(7),
                )
            )
            attrs.append(Attribute(link_id=sid, taxonomy_term=terms[k], link_entity="service"))
        Service.objects.bulk_create(services)
        ServiceProfile.objects.bulk_create(profiles)
        Attribute.objects.bulk_create(attrs)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE directory_serviceprofile p SET search_vector = "
                "setweight(to_tsvector('english', s.name), 'A') || "
                "setweight(to_tsvector('english', t.name), 'A') || "
                "setweight(to_tsvector('english', s.description), 'B') "
                "FROM directory_service s, directory_attribute a, directory_taxonomyterm t "
                "WHERE s.id = p.service_id AND a.link_id = s.id AND t.id = a.taxonomy_term_id"
            )
            cursor.execute("ANALYZE")
        else:
            cursor.execute(
                "INSERT INTO directory_service_fts (service_id, name, description, categories) "
                "SELECT s.id, s.name, s.description, t.name FROM directory_service s "
                "JOIN directory_attribute a ON a.link_id = s.id "
                "JOIN directory_taxonomyterm t ON t.id = a.taxonomy_term_id"
            )
    return p, terms[0]


# The same query the view sends, written by hand: services serving the place's
# areas and services whose own radius reaches it are looked up first (by index),
# then text + category + bounding box + exact distance, counted and paged at once.
SERVED = "SELECT service_id FROM directory_servicearea WHERE uri = ANY(%(uris)s)"
REACHING = """
SELECT service_id FROM directory_serviceprofile
WHERE partnership_id = %(p)s AND radius_km IS NOT NULL
  AND latitude BETWEEN %(ws)s AND %(wn)s AND longitude BETWEEN %(ww)s AND %(we)s
"""
DISTANCE = """(2 * 6371 * asin(sqrt(power(sin(radians(p.latitude - %(lat)s) / 2), 2)
    + cos(radians(p.latitude)) * %(coslat)s * power(sin(radians(p.longitude - %(lng)s) / 2), 2))))"""
PAGE = f"""
SELECT s.id, s.name, count(*) OVER () AS total,
       ts_rank(p.search_vector, websearch_to_tsquery('english', %(q)s)) AS r, {DISTANCE} AS d
FROM directory_serviceprofile p
JOIN directory_service s ON s.id = p.service_id
WHERE p.partnership_id = %(p)s AND p.status = 'active'
  AND p.search_vector @@ websearch_to_tsquery('english', %(q)s)
  AND p.service_id IN (SELECT link_id FROM directory_attribute
                       WHERE taxonomy_term_id = %(term)s AND link_entity = 'service')
  AND ((p.latitude BETWEEN %(s)s AND %(n)s AND p.longitude BETWEEN %(w)s AND %(e)s
        AND {DISTANCE} <= %(km)s)
       OR p.service_id = ANY(%(also)s))
ORDER BY r DESC, d ASC NULLS LAST, s.name LIMIT 20
"""


def _bare(cursor, params):
    cursor.execute(SERVED, params)
    also = [row[0] for row in cursor.fetchall()]
    cursor.execute(REACHING, params)
    also += [row[0] for row in cursor.fetchall()]
    cursor.execute(PAGE, {**params, "also": also})
    return cursor.fetchall()


def _time(fn, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


@contextlib.contextmanager
def _kept_database():
    """The test database, kept after the run (BENCH_KEEP_DB=1): only for iterating."""
    from django.test.utils import setup_databases

    setup_databases(verbosity=0, interactive=False, keepdb=True)
    yield


def _generated(n: int, keep: bool):
    """The bench partnership and its first category: reused if kept, else generated."""
    from django.db import connection

    from directory.models import TaxonomyTerm
    from people.models import Partnership

    kept = Partnership.objects.filter(slug="bench").first() if keep else None
    if kept is not None:
        print("  reusing the kept database (BENCH_KEEP_DB)")
        return kept, TaxonomyTerm.objects.get(taxonomy_detail__partnership=kept, code="c0")
    started = time.perf_counter()
    generated = _generate(n)
    print(
        f"  generated {n:,} services on {connection.vendor} in {time.perf_counter() - started:.0f} s"
    )
    return generated


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from directory.models.hsds import GSS_URI
    from directory.search import KM_PER_MILE, bounding_box

    keep = os.environ.get("BENCH_KEEP_DB") == "1"
    database = _kept_database() if keep else throwaway_database()
    with database, override_settings(ALLOWED_HOSTS=["*"]):
        n = 100_000 if connection.vendor == "postgresql" else 5_000
        partnership, term = _generated(n, keep)
        client = Client()
        url = "/directory/"
        query = {"q": "lunch club", "category": str(term.pk), "near": "GB2 1AA", "within": "5"}
        response = client.get(url, query)
        assert response.status_code == 200, response.status_code
        km = 5 * KM_PER_MILE
        s, nth, w, e = bounding_box(CENTRE[0], CENTRE[1], km)
        ws, wn, ww, we = bounding_box(CENTRE[0], CENTRE[1], 50)
        params = {
            "ws": ws,
            "wn": wn,
            "ww": ww,
            "we": we,
            "p": partnership.pk,
            "q": "lunch club",
            "term": term.pk,
            "s": s,
            "n": nth,
            "w": w,
            "e": e,
            "uris": [GSS_URI + "S12000099"],
            "lat": CENTRE[0],
            "lng": CENTRE[1],
            "coslat": math.cos(math.radians(CENTRE[0])),
            "km": km,
        }
        view = _time(lambda: client.get(url, query), RUNS)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                found = len(_bare(cursor, params))
                bare = _time(lambda: _bare(cursor, params), RUNS)
        else:
            found, bare = 0, {"p50": float("nan"), "p95": float("nan")}
        print(
            f"  query: text 'lunch club' + category + within 5 miles of a postcode ({found} on page 1)"
        )
        print(f"  view  p50 {view['p50']:.1f} ms  p95 {view['p95']:.1f} ms")
        print(f"  SQL   p50 {bare['p50']:.1f} ms  p95 {bare['p95']:.1f} ms")
        print(
            f"  ratio view/SQL  p50 {view['p50'] / bare['p50']:.2f}  p95 {view['p95'] / bare['p95']:.2f}"
        )
        print(f"  aim p95 < 50 ms via the view: {'met' if view['p95'] < 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
