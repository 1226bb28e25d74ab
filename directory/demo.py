"""Glenbrae's directory: a few hundred entries across the things that help people
stay well, some due a check, some unchecked after reminders, and some
suggestions waiting for an editor. Deterministic: the same on every run, and
safe to re-run (identifiers are derived from names)."""

import datetime
import re
import uuid

from core.demo import geography
from core.demo.context import DemoContext
from people.models import Organisation

from .models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Location,
    Organization,
    Phone,
    Postcode,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceProfile,
    Suggestion,
    Taxonomy,
    TaxonomyTerm,
)
from .models.extension import DAYS, Freshness
from .models.hsds import GSS_URI
from .postcodes import SAMPLE, import_postcodes
from .search import reindex

ORDER = 20
NS = uuid.UUID("6f1c8d54-2f0e-4c55-9a43-5b7f1a1e0c01")
SERVICE_COUNT = 300

# code, name, description, name patterns, audiences, free share, area-wide?
CATEGORIES = [
    (
        "lunch-club",
        "Lunch clubs",
        "A hot meal and company.",
        ["{town} Lunch Club", "{town} Friendship Lunch", "{venue} Soup and Sandwich Club"],
        "older_people",
        0.2,
        False,
    ),
    (
        "walking",
        "Walking groups",
        "Gentle walks with others.",
        ["{town} Health Walk", "{town} Strollers", "{venue} Walking Group"],
        "adults,older_people",
        1.0,
        False,
    ),
    (
        "carers-cafe",
        "Carers' cafés",
        "A break and a chat for unpaid carers.",
        ["{town} Carers' Café", "{venue} Carers' Drop-in"],
        "carers",
        1.0,
        False,
    ),
    (
        "dementia-cafe",
        "Dementia cafés",
        "A welcome for people living with dementia and those who care.",
        ["{town} Memory Café", "{venue} Dementia Café"],
        "older_people,carers",
        1.0,
        False,
    ),
    (
        "advice",
        "Advice",
        "Help with money, benefits, housing and rights.",
        ["{town} Advice Surgery", "{town} Benefits Help", "{venue} Money Advice"],
        "adults,older_people",
        1.0,
        True,
    ),
    (
        "befriending",
        "Befriending",
        "A regular visit or call from a volunteer.",
        ["{town} Befriending", "{town} Telephone Friends"],
        "older_people",
        1.0,
        True,
    ),
    (
        "transport",
        "Transport",
        "Lifts to appointments, shops and groups.",
        ["{town} Community Transport", "{town} Dial-a-Bus", "{town} Volunteer Drivers"],
        "older_people,adults",
        0.3,
        True,
    ),
    (
        "exercise",
        "Keeping active",
        "Seated exercise, tai chi, swimming and more.",
        ["{venue} Chair Exercise", "{town} Tai Chi", "{venue} Strength and Balance"],
        "older_people,adults",
        0.4,
        False,
    ),
    (
        "arts",
        "Arts and crafts",
        "Making things together.",
        ["{town} Knit and Natter", "{venue} Art Group", "{town} Craft Circle"],
        "adults,older_people",
        0.5,
        False,
    ),
    (
        "mens-shed",
        "Men's sheds",
        "Space to make, mend and talk.",
        ["{town} Men's Shed"],
        "adults,older_people",
        1.0,
        False,
    ),
    (
        "mental-health",
        "Mental health support",
        "Someone to talk to, and groups for wellbeing.",
        ["{town} Wellbeing Group", "{venue} Listening Service"],
        "adults,young_people",
        1.0,
        False,
    ),
    (
        "digital",
        "Digital skills",
        "Help with phones, tablets and getting online.",
        ["{venue} Digital Drop-in", "{town} Tech Help"],
        "older_people,adults",
        1.0,
        False,
    ),
    (
        "families",
        "Families and children",
        "Groups for parents, carers and children.",
        ["{town} Toddler Group", "{venue} Family Fun"],
        "families,children",
        0.7,
        False,
    ),
]
VENUES = [
    "Church Hall",
    "Community Centre",
    "Library",
    "Bowling Club",
    "Leisure Centre",
    "Miners' Welfare",
    "Village Hall",
    "Parish Rooms",
    "Old School",
    "Health Centre",
]
STREETS = ["High Street", "Main Street", "Church Road", "Station Road", "Mill Lane", "Park Avenue"]
RUNNERS = [
    "Glenbrae Voluntary Action",
    "Age Scotland Glenbrae",
    "Glenbrae Carers Centre",
    "Glenbrae Council Community Learning",
    "Kirkton Community Trust",
    "Inverbrae Development Trust",
    "Glenbrae Citizens Advice",
    "Alzheimer Scotland Glenbrae",
    "Glenbrae Leisure",
    "Strathmuir Churches Together",
]
TIMES = [("10:00", "12:00"), ("12:00", "14:00"), ("13:30", "15:30"), ("18:30", "20:30")]
AUDIENCE_SUGGESTIONS = [
    ("Kirkton Riverside Walkers", "walking", "A friendly walk along the river every week."),
    ("Balgownie Lunch Club", "lunch-club", "Soup, a main and pudding, then a game of cards."),
    ("Eastfield Tea and Chat", "carers-cafe", "Tea, cake and time out for carers."),
    ("Strathmuir Ukulele Group", "arts", "Learn to play together; instruments lent."),
    ("Glenbrae Bike Buddies", "exercise", "Gentle cycle rides on quiet paths."),
]


def _id(*parts) -> uuid.UUID:
    return uuid.uuid5(NS, ":".join(str(p) for p in parts))


def _taxonomy(partnership) -> dict[str, TaxonomyTerm]:
    taxonomy, _ = Taxonomy.objects.get_or_create(
        id=_id("taxonomy"),
        defaults={
            "partnership": partnership,
            "name": "Glenbrae directory categories",
            "description": "What people look for in the Glenbrae directory.",
            "version": "1",
        },
    )
    terms = {}
    for code, name, description, *_ in CATEGORIES:
        terms[code], _ = TaxonomyTerm.objects.get_or_create(
            id=_id("term", code),
            defaults={
                "code": code,
                "name": name,
                "description": description,
                "taxonomy_detail": taxonomy,
                "taxonomy": taxonomy.name,
                "language": "en",
            },
        )
    return terms


def _organisation(partnership, name) -> Organization:
    org, _ = Organization.objects.get_or_create(
        id=_id("org", name),
        defaults={
            "partnership": partnership,
            "name": name,
            "description": f"{name} runs groups and services in Glenbrae.",
            "email": "hello@" + re.sub(r"[^a-z]", "", name.lower()) + ".example.org",
        },
    )
    return org


def _place(partnership, rng, index, service, org):
    area, district, *_ = geography.AREAS[index % len(geography.AREAS)]
    codes = geography.postcodes_in(area)
    code = codes[rng.randrange(len(codes))]
    point = Postcode.objects.get(postcode=code)
    venue = VENUES[rng.randrange(len(VENUES))]
    location = Location.objects.create(
        id=_id("location", index),
        partnership=partnership,
        organization=org,
        name=f"{area} {venue}",
        latitude=point.latitude,
        longitude=point.longitude,
        transportation=f"Buses stop on {STREETS[index % len(STREETS)]}, two minutes' walk away.",
    )
    Address.objects.create(
        id=_id("address", index),
        location=location,
        address_1=f"{rng.randint(1, 90)} {STREETS[rng.randrange(len(STREETS))]}",
        city=area,
        state_province="Scotland",
        postal_code=code,
        country="GB",
        address_type="physical",
    )
    Accessibility.objects.create(
        id=_id("access", index),
        location=location,
        description=rng.choice(
            [
                "Step-free entrance and an accessible toilet.",
                "Hearing loop at reception. Ramp at the side door.",
                "Two steps at the door; staff can help. Accessible toilet.",
            ]
        ),
    )
    sal = ServiceAtLocation.objects.create(id=_id("sal", index), service=service, location=location)
    return area, sal


def _service(ctx, rng, index, terms, owners):
    p = ctx.partnership
    code, _, _, patterns, audience, free_share, area_wide = CATEGORIES[index % len(CATEGORIES)]
    area = geography.AREAS[index % len(geography.AREAS)][0]
    venue = VENUES[(index // len(CATEGORIES)) % len(VENUES)]
    name = patterns[(index // len(CATEGORIES)) % len(patterns)].format(town=area, venue=venue)
    if Service.objects.filter(partnership=p, name=name).exists():
        name = f"{name} ({DAYS[index % 5].title()})"
    runner = RUNNERS[rng.randrange(len(RUNNERS))]
    org = _organisation(p, runner)
    stale = index % 7 == 3
    unchecked = index % 23 == 5
    assured = ctx.today - datetime.timedelta(
        days=rng.randint(400, 700) if stale or unchecked else rng.randint(5, 300)
    )
    is_free = rng.random() < free_share
    service = Service.objects.create(
        id=_id("service", index),
        partnership=p,
        organization=org,
        name=name,
        description=f"{terms[code].description} {name} welcomes new people; "
        f"just come along or call first if you would like to know more.",
        email=f"{code}{index}@example.org",
        url=f"https://{code}{index}.example.org",
        status="active",
        application_process="Just come along, or phone first for a chat.",
        fees_description="Free." if is_free else "£3 a session, including tea.",
        eligibility_description=str(audience).replace(",", ", ").replace("_", " "),
        assured_date=assured,
    )
    Attribute.objects.create(
        id=_id("attr", index),
        link_id=service.id,
        link_entity="service",
        link_type="category",
        taxonomy_term=terms[code],
    )
    Phone.objects.create(
        id=_id("phone", index), service=service, number=f"01592 6{index:05d}", type="voice"
    )
    if not is_free:
        CostOption.objects.create(
            id=_id("cost", index),
            service=service,
            option="Each session",
            currency="GBP",
            amount=3,
            amount_description="per session, including tea",
        )
    confidential = code == "advice" and index % 5 == 0
    if area_wide and not confidential:
        ServiceArea.objects.create(
            id=_id("area", index),
            service=service,
            name="Glenbrae",
            description="Everyone living in Glenbrae.",
            uri=GSS_URI + geography.COUNCIL_CODE,
        )
    else:
        _place(p, rng, index, service, org)
    day = DAYS[index % 5 if index % 11 else 5]
    opens, closes = TIMES[index % len(TIMES)]
    Schedule.objects.create(
        id=_id("schedule", index),
        service=service,
        freq="WEEKLY",
        wkst="MO",
        byday=day,
        opens_at=opens,
        closes_at=closes,
        description="",
    )
    ServiceProfile.objects.create(
        service=service,
        partnership=p,
        audience=f",{audience},",
        informal_group=code in ("walking", "arts", "mens-shed") and index % 2 == 0,
        confidential_address=confidential,
        capacity=["taking", "taking", "waiting_list", "full", "unknown"][index % 5],
        is_free=is_free,
        owner=owners[index % len(owners)] if index % 4 == 0 else None,
        reminders_sent=3 if unchecked else (1 if stale else 0),
        freshness=Freshness.UNCHECKED if unchecked else (Freshness.DUE if stale else 0),
    )
    if confidential:
        service.name = f"Glenbrae Safe Space {index}"
        service.description = (
            "Safe, confidential support and refuge for women and children escaping "
            "domestic abuse. Phone us: we will arrange where to meet."
        )
        service.save()
    reindex(service)


def seed(ctx: DemoContext) -> str:
    p = ctx.partnership
    if p is None:
        return ""
    if not Postcode.objects.filter(postcode__startswith="GB").exists():
        import_postcodes(SAMPLE)
    terms = _taxonomy(p)
    owners = list(
        Organisation.objects.filter(partnership=p, kind__in=["third_sector", "community_group"])
    ) or list(Organisation.objects.filter(partnership=p)[:1])
    added = 0
    for index in range(SERVICE_COUNT):
        if Service.objects.filter(id=_id("service", index)).exists():
            continue
        _service(ctx, ctx.random(f"directory:{index}"), index, terms, owners)
        added += 1
    waiting = 0
    for i, (name, code, description) in enumerate(AUDIENCE_SUGGESTIONS):
        if Suggestion.objects.filter(partnership=p, proposed__name=name).exists():
            continue
        area, district, *_ = geography.AREAS[(i + 1) % len(geography.AREAS)]
        Suggestion.objects.create(
            partnership=p,
            kind=Suggestion.Kind.NEW,
            proposed={
                "name": name,
                "organization": name,
                "description": description,
                "category": str(terms[code].id),
                "audience": "adults,older_people",
                "free": "yes",
                "address_1": "Community Centre",
                "city": area,
                "postal_code": geography.postcodes_in(area)[0],
                "days": DAYS[i % 5],
                "opens_at": "10:00",
                "closes_at": "12:00",
                "informal_group": "yes",
                "capacity": "taking",
            },
            contact_name="A neighbour",
            contact_email=f"suggester{i}@example.org",
        )
        waiting += 1
    if not added and not waiting:
        return ""
    return f"{added} entries, {waiting} suggestions awaiting review"
