"""Finding services: ranked words, filters, and distance from a postcode or place.

PostgreSQL ranks with a stored `tsvector` (GIN index) and `SearchRank`; SQLite
with an FTS5 table and bm25. Both keep their index in step through
`reindex()`, which every write to a service goes through. Distance uses a
bounding box on indexed latitude and longitude first, then the exact
great-circle distance, so it never computes a distance for every row.
"""

import math
import re
import uuid
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Q, TextField, Value, When

from lib import postcode as postcodes

from .models import (
    Address,
    Attribute,
    Postcode,
    Schedule,
    Service,
    ServiceArea,
    ServiceProfile,
)
from .models.extension import DAYS, FRESHNESS_WEIGHT, Freshness
from .models.hsds import GSS_URI

EARTH_KM = 6371.0
KM_PER_MILE = 1.609344
RADIUS_SERVICE_MAX_KM = 50.0
FTS_TABLE = "directory_service_fts"


# ---------------------------------------------------------------- indexing


def _categories(service: Service) -> str:
    terms = Attribute.objects.filter(link_id=service.pk, link_entity="service").select_related(
        "taxonomy_term"
    )
    return " ".join(a.taxonomy_term.name for a in terms)


def _open_days(service: Service) -> int:
    mask = 0
    for byday in Schedule.objects.filter(
        Q(service=service) | Q(service_at_location__service=service)
    ).values_list("byday", flat=True):
        for token in (byday or "").split(","):
            day = re.sub(r"[^A-Z]", "", token.upper())
            if day in DAYS:
                mask |= 1 << DAYS.index(day)
    return mask


def reindex(service: Service) -> ServiceProfile:
    """Bring the search columns for one service up to date with what it says."""
    profile, _ = ServiceProfile.objects.get_or_create(
        service=service, defaults={"partnership_id": service.partnership_id}
    )
    location = (
        service.service_at_locations.filter(
            location__latitude__isnull=False, location__longitude__isnull=False
        )
        .select_related("location")
        .order_by("location__name")
        .first()
    )
    profile.latitude = location.location.latitude if location else None
    profile.longitude = location.location.longitude if location else None
    profile.open_days = _open_days(service)
    profile.status = service.status
    profile.partnership_id = service.partnership_id
    profile.save(update_fields=["latitude", "longitude", "open_days", "status", "partnership"])
    categories = _categories(service)
    if connection.vendor == "postgresql":
        ServiceProfile.objects.filter(pk=profile.pk).update(
            search_vector=SearchVector(
                Value(service.name, output_field=TextField()), weight="A", config="english"
            )
            + SearchVector(
                Value(categories, output_field=TextField()), weight="A", config="english"
            )
            + SearchVector(
                Value(f"{service.alternate_name} {service.description}", output_field=TextField()),
                weight="B",
                config="english",
            )
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE service_id = %s", [service.pk.hex])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (service_id, name, description, categories) "
                "VALUES (%s, %s, %s, %s)",
                [
                    service.pk.hex,
                    service.name,
                    f"{service.alternate_name} {service.description}",
                    categories,
                ],
            )
    return profile


def unindex(service_id) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE service_id = %s", [service_id.hex])


# ---------------------------------------------------------------- places


@dataclass
class Place:
    label: str
    latitude: float
    longitude: float
    area_codes: list[str] = field(default_factory=list)


def find_place(text: str, partnership=None) -> Place | None:
    """A postcode from the postcode table, or a town named in the directory's addresses."""
    text = (text or "").strip()
    if not text:
        return None
    normal = postcodes.normalise(text)
    if normal:
        row = Postcode.objects.filter(postcode=normal).first()
        if row:
            return Place(normal, row.latitude, row.longitude, row.area_codes)
        return None
    towns = Address.objects.filter(
        city__iexact=text,
        location__latitude__isnull=False,
        location__longitude__isnull=False,
    )
    if partnership is not None:
        towns = towns.filter(location__partnership=partnership)
    points = list(towns.values_list("location__latitude", "location__longitude")[:200])
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    lng = sum(p[1] for p in points) / len(points)
    return Place(text.title(), lat, lng)


def bounding_box(lat: float, lng: float, km: float) -> tuple[float, float, float, float]:
    dlat = math.degrees(km / EARTH_KM)
    dlng = math.degrees(km / (EARTH_KM * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lng - dlng, lng + dlng


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, a)))


class GreatCircleKm(Func):
    """Kilometres from a fixed point to the row's latitude and longitude.

    The haversine of distance_km(), written as one expression rather than a tree
    of two dozen Sin, Power and Radians nodes: a search resolves, hashes and
    compiles the distance for the select, the filter and the order, and the tree
    was a fair part of the page's time. The functions are standard SQL on
    PostgreSQL and ones Django registers on SQLite.
    """

    output_field = FloatField()

    def __init__(self, latitude: float, longitude: float):
        super().__init__(F("latitude"), F("longitude"))
        self.latitude = float(latitude)
        self.longitude = float(longitude)

    def as_sql(self, compiler, connection, **extra_context):
        lat, lat_params = compiler.compile(self.source_expressions[0])
        lng, lng_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(%s * ASIN(SQRT(POWER(SIN(RADIANS({lat} - %s) / 2), 2) + "
            f"COS(RADIANS({lat})) * %s * POWER(SIN(RADIANS({lng} - %s) / 2), 2))))"
        )
        params = (
            2 * EARTH_KM,
            *lat_params,
            self.latitude,
            *lat_params,
            math.cos(math.radians(self.latitude)),
            *lng_params,
            self.longitude,
        )
        return sql, params


# ---------------------------------------------------------------- search


class Sort:
    RELEVANCE = "relevance"
    DISTANCE = "distance"
    FRESHNESS = "freshness"
    NAME = "name"


@dataclass
class Query:
    partnership: object
    text: str = ""
    term_id: object = None
    audience: str = ""
    free: bool = False
    day: str = ""  # "MO".."SU"
    place: Place | None = None
    within_km: float | None = None
    sort: str = ""
    page: int = 1
    per_page: int = 20


@dataclass
class Results:
    items: list
    total: int
    page: int
    per_page: int
    sort: str

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def _fts_terms(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    return " ".join(f'"{w}"' for w in words[:12])


def _sqlite_ranks(text: str) -> dict:
    match = _fts_terms(text)
    if not match:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT service_id, bm25({FTS_TABLE}, 0.0, 10.0, 2.0, 6.0) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY 2 LIMIT 1000",
            [match],
        )
        return {row[0]: -row[1] for row in cursor.fetchall()}


def _filter(qs, query: Query):
    if query.term_id:
        qs = qs.filter(
            service_id__in=Attribute.objects.filter(
                taxonomy_term_id=query.term_id, link_entity="service"
            ).values("link_id")
        )
    if query.audience:
        qs = qs.filter(audience__contains=f",{query.audience},")
    if query.free:
        qs = qs.filter(is_free=True)
    if query.day in DAYS:
        qs = qs.annotate(open_bit=F("open_days").bitand(1 << DAYS.index(query.day))).filter(
            open_bit__gt=0
        )
    return qs


def _served_or_reaching(query: Query) -> set:
    """Services serving the place's areas, or whose own radius reaches it.

    One small query written by hand, as bench/directory_search.py does: the
    ORM took longer to build these two lookups than the database to answer
    them. The radius itself is checked here, as distance_km() measures it.
    """
    place = query.place
    qn = connection.ops.quote_name
    profile = ServiceProfile._meta
    partnership_id = getattr(query.partnership, "pk", query.partnership)
    sql = (
        f"SELECT {qn(profile.get_field('service').column)}, {qn('latitude')}, "
        f"{qn('longitude')}, {qn('radius_km')} FROM {qn(profile.db_table)} "
        f"WHERE {qn(profile.get_field('partnership').column)} "
        f"{'IS NULL' if partnership_id is None else '= %s'} AND {qn('radius_km')} IS NOT NULL "
        f"AND {qn('latitude')} BETWEEN %s AND %s AND {qn('longitude')} BETWEEN %s AND %s"
    )
    params = [] if partnership_id is None else [partnership_id]
    params += bounding_box(place.latitude, place.longitude, RADIUS_SERVICE_MAX_KM)
    uris = [GSS_URI + code for code in place.area_codes]
    if uris:
        area = ServiceArea._meta
        service = qn(area.get_field("service").column)
        sql += (
            f" UNION ALL SELECT {service}, NULL, NULL, NULL FROM {qn(area.db_table)} "
            f"WHERE {qn('uri')} IN ({', '.join(['%s'] * len(uris))}) AND {service} IS NOT NULL"
        )
        params += uris
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        pk if isinstance(pk, uuid.UUID) else uuid.UUID(pk)
        for pk, lat, lng, radius in rows
        if radius is None or distance_km(place.latitude, place.longitude, lat, lng) <= radius
    }


def _near(qs, query: Query):
    """Distance from the place; within a radius, what is near, reaches or serves it.

    Services serving the place's areas, and services with their own radius, are
    few: they are looked up first (each by an index) and their ids added to the
    bounding-box condition, so PostgreSQL can combine plain index scans instead
    of filtering every text match.
    """
    place = query.place
    qs = qs.annotate(distance=GreatCircleKm(place.latitude, place.longitude))
    if not query.within_km:
        return qs
    also = _served_or_reaching(query)
    box = bounding_box(place.latitude, place.longitude, query.within_km)
    near = Q(latitude__range=box[:2], longitude__range=box[2:])
    if not also:
        return qs.filter(near, distance__lte=query.within_km)
    return qs.filter((near & Q(distance__lte=query.within_km)) | Q(service_id__in=sorted(also)))


class FreshnessWeight(Func):
    """FRESHNESS_WEIGHT for the row's freshness, so unchecked entries sink, not vanish.

    One expression for a CASE of When nodes, for the same reason as GreatCircleKm.
    """

    output_field = FloatField()

    def __init__(self):
        super().__init__(F("freshness"))

    def as_sql(self, compiler, connection, **extra_context):
        column, column_params = compiler.compile(self.source_expressions[0])
        whens, params = [], []
        for freshness, weight in FRESHNESS_WEIGHT.items():
            whens.append(f"WHEN {column} = %s THEN %s")
            params += [*column_params, int(freshness), weight]
        return f"CASE {' '.join(whens)} ELSE %s END", (*params, 1.0)


def _rank(qs, query: Query):
    weight = FreshnessWeight()
    if not query.text.strip():
        return qs.annotate(score=weight)
    if connection.vendor == "postgresql":
        sq = SearchQuery(query.text, config="english", search_type="websearch")
        return qs.filter(search_vector=sq).annotate(
            score=SearchRank(F("search_vector"), sq) * weight
        )
    ranks = _sqlite_ranks(query.text)
    if not ranks:
        return qs.none().annotate(score=weight)
    rank = Case(
        *[When(service_id=_uuid(k), then=Value(v)) for k, v in ranks.items()],
        default=Value(0.0),
        output_field=FloatField(),
    )
    return qs.filter(service_id__in=[_uuid(k) for k in ranks]).annotate(score=rank * weight)


def _order(query: Query) -> tuple[list, str]:
    has_text = bool(query.text.strip())
    sort = query.sort or (
        Sort.RELEVANCE if has_text else Sort.DISTANCE if query.place else Sort.NAME
    )
    if sort == Sort.DISTANCE and query.place:
        return [F("distance").asc(nulls_last=True), "-score", "service__name"], sort
    if sort == Sort.FRESHNESS:
        return [F("service__assured_date").desc(nulls_last=True), "service__name"], sort
    if sort == Sort.RELEVANCE and has_text:
        order = ["-score", "service__name"]
        if query.place:
            order.insert(1, F("distance").asc(nulls_last=True))
        return order, sort
    return ["freshness", "service__name"], Sort.NAME


def build_queryset(query: Query):
    """The filtered, annotated and ordered profiles, and the sort used; callers page them."""
    qs = ServiceProfile.objects.filter(partnership=query.partnership, status="active")
    qs = _filter(qs, query)
    if query.place:
        qs = _near(qs, query)
    qs = _rank(qs, query)
    order, sort = _order(query)
    return qs.order_by(*order, "service_id"), sort


def _uuid(hex_id: str):
    return uuid.UUID(hex_id)


def search(query: Query) -> Results:
    qs, sort = build_queryset(query)
    total = qs.count()
    start = (query.page - 1) * query.per_page
    page = list(
        qs.select_related("service", "service__organization")[start : start + query.per_page]
    )
    for profile in page:
        profile.service.search_distance = getattr(profile, "distance", None)
    return Results(
        items=[p.service for p in page],
        total=total,
        page=query.page,
        per_page=query.per_page,
        sort=sort,
    )


def freshness_for(profile: ServiceProfile, today, *, reminders_before_sinking: int = 3) -> int:
    if not profile.review_due(today):
        return Freshness.CURRENT
    if profile.reminders_sent >= reminders_before_sinking:
        return Freshness.UNCHECKED
    return Freshness.DUE
