"""Glenbrae's people and organisations: about 200 people of all ages, their
assets, carers, consents and roles, and a login for each kind of person."""

import datetime

from django.contrib.auth import get_user_model

from audit.models import AuditEvent
from core.demo import geography
from core.demo.context import DEMO_PASSWORD, DemoContext
from lib import availability

from .models import (
    Area,
    AssetCategory,
    CarerRelationship,
    Consent,
    Membership,
    Organisation,
    Partnership,
    Person,
    PersonAsset,
    Role,
)

ORDER = 0
PERSON_COUNT = 200

ORGANISATIONS = [
    # slug, name, kind, area, description
    (
        "glenbrae-council",
        "Glenbrae Council",
        Organisation.Kind.COUNCIL,
        "Glenbrae Town",
        "The local council, including adult social work.",
    ),
    (
        "nhs-glenbrae",
        "NHS Glenbrae",
        Organisation.Kind.NHS_BOARD,
        "Glenbrae Town",
        "The health board: hospitals, GPs and community nursing.",
    ),
    (
        "glenbrae-hscp",
        "Glenbrae Health and Social Care Partnership",
        Organisation.Kind.HSCP,
        "Glenbrae Town",
        "The council and NHS planning and commissioning adult care together.",
    ),
    (
        "glenbrae-voluntary-action",
        "Glenbrae Voluntary Action",
        Organisation.Kind.THIRD_SECTOR,
        "Glenbrae Town",
        "Supports local volunteering and runs the Glenbrae Time Bank.",
    ),
    (
        "glenbrae-carers-centre",
        "Glenbrae Carers Centre",
        Organisation.Kind.THIRD_SECTOR,
        "Inverbrae",
        "Information, breaks and peer support for unpaid carers.",
    ),
    (
        "kirkton-community-trust",
        "Kirkton Community Trust",
        Organisation.Kind.COMMUNITY_GROUP,
        "Kirkton",
        "Runs Kirkton's community hall, lunch club and garden.",
    ),
    (
        "strathmuir-mens-shed",
        "Strathmuir Men's Shed",
        Organisation.Kind.COMMUNITY_GROUP,
        "Strathmuir",
        "A workshop where men (and anyone) make, mend and chat.",
    ),
    (
        "brae-food-train",
        "Brae Food Train",
        Organisation.Kind.THIRD_SECTOR,
        "Balgownie",
        "Volunteers deliver groceries to older people in their homes.",
    ),
    (
        "inverbrae-dementia-friends",
        "Inverbrae Dementia Friends",
        Organisation.Kind.COMMUNITY_GROUP,
        "Inverbrae",
        "A dementia café and friendship group.",
    ),
    (
        "good-grub-cafe",
        "Good Grub Café",
        Organisation.Kind.SOCIAL_ENTERPRISE,
        "Eastfield",
        "A social enterprise café giving training and jobs to local young people.",
    ),
]

CATEGORIES = {
    AssetCategory.Kind.SKILL: [
        "Baking",
        "Befriending and a chat",
        "Childminding",
        "Cooking",
        "Computers and phones",
        "DIY and small repairs",
        "Dog walking",
        "Driving and lifts",
        "Gardening",
        "Knitting and crochet",
        "Letter writing and forms",
        "Music",
        "Painting and decorating",
        "Sewing and alterations",
        "Shopping and errands",
        "Translation and languages",
    ],
    AssetCategory.Kind.KNOWLEDGE: [
        "Benefits and money advice",
        "Caring for someone with dementia",
        "Cooking on a budget",
        "First aid",
        "Local history",
        "Nature and wildlife",
        "Living with a long-term condition",
    ],
    AssetCategory.Kind.INTEREST: [
        "Cards and dominoes",
        "Crafts",
        "Dancing",
        "Fishing",
        "Football",
        "Gardening",
        "Reading",
        "Singing",
        "Walking",
        "Woodwork",
    ],
    AssetCategory.Kind.NETWORK: [
        "Allotment society",
        "Bowling club",
        "Carers' group",
        "Church",
        "Mosque",
        "Men's Shed",
        "Parents at the school gate",
        "Royal British Legion",
        "Tenants' association",
        "Scottish Women's Institute",
    ],
}

IN_THEIR_WORDS = {
    "Knitting and crochet": "I've knitted for sixty years and I'd love to teach someone",
    "Driving and lifts": "I have a car and some free mornings",
    "Gardening": "I grow all my own veg and could help tidy a garden",
    "Computers and phones": "I can help people get started with a tablet or video calls",
    "Baking": "Scones and tablet, mostly",
    "Befriending and a chat": "I'm a good listener",
    "DIY and small repairs": "Shelves, curtain rails, wee jobs like that",
    "Local history": "I was born in Kirkton and remember it before the new estate",
    "Letter writing and forms": "I used to work in an office and don't mind paperwork",
    "Dog walking": "I walk my own dog twice a day anyway",
    "Music": "I play the fiddle and accordion",
    "Cooking": "Big pots of soup for anyone who wants some",
}

WHAT_MATTERS = [
    "Staying in my own home for as long as I can.",
    "Getting out to the shops and the library on my own.",
    "Seeing my grandchildren and being useful to them.",
    "Having someone to talk to in the evenings; it gets quiet since my husband died.",
    "Keeping my garden going.",
    "Feeling I still have something to give.",
    "Getting back to work after being ill, a bit at a time.",
    "A break now and then from caring for my mum.",
    "Meeting people in the area. We moved here last year and don't know anyone.",
    "Keeping fit and walking every day.",
    "Being able to get to my hospital appointments without worrying about the bus.",
    "Making friends who understand what it's like to care for someone with dementia.",
    "Learning to use the computer so I can talk to my son in Canada.",
    "Having a routine and something to get up for.",
    "Being treated as a person, not a problem.",
]

FIRST_NAMES = {
    "older_f": [
        "Agnes",
        "Margaret",
        "Isobel",
        "Jean",
        "Elizabeth",
        "Mary",
        "Helen",
        "Janet",
        "Catherine",
        "Annie",
        "Christina",
        "Jessie",
        "Euphemia",
        "Marion",
        "Sheila",
    ],
    "older_m": [
        "James",
        "William",
        "Robert",
        "John",
        "Alexander",
        "George",
        "Thomas",
        "David",
        "Archibald",
        "Hugh",
        "Andrew",
        "Walter",
        "Duncan",
        "Angus",
        "Kenneth",
    ],
    "mid_f": [
        "Karen",
        "Lorraine",
        "Fiona",
        "Gillian",
        "Susan",
        "Elaine",
        "Alison",
        "Lesley",
        "Shona",
        "Carol",
        "Nicola",
        "Lisa",
        "Joanne",
        "Aileen",
        "Morag",
    ],
    "mid_m": [
        "Stephen",
        "Gary",
        "Graham",
        "Colin",
        "Scott",
        "Derek",
        "Alan",
        "Craig",
        "Neil",
        "Stuart",
        "Brian",
        "Gordon",
        "Paul",
        "Iain",
        "Mark",
    ],
    "young_f": [
        "Emma",
        "Amy",
        "Chloe",
        "Rebecca",
        "Sophie",
        "Megan",
        "Erin",
        "Lauren",
        "Hannah",
        "Ayesha",
        "Zofia",
        "Niamh",
        "Eilidh",
        "Rachel",
        "Olivia",
    ],
    "young_m": [
        "Ryan",
        "Jamie",
        "Liam",
        "Callum",
        "Connor",
        "Lewis",
        "Kieran",
        "Aidan",
        "Ross",
        "Bilal",
        "Tomasz",
        "Euan",
        "Fraser",
        "Jordan",
        "Kyle",
    ],
}
FAMILY_NAMES = [
    "Baxter",
    "Brown",
    "Campbell",
    "Cameron",
    "Craig",
    "Crawford",
    "Donaldson",
    "Douglas",
    "Duncan",
    "Ferguson",
    "Forbes",
    "Fraser",
    "Gibson",
    "Graham",
    "Grant",
    "Hamilton",
    "Henderson",
    "Hunter",
    "Johnston",
    "Kerr",
    "Kennedy",
    "Khan",
    "Kowalski",
    "Laing",
    "McDonald",
    "McGregor",
    "McIntyre",
    "McKay",
    "McKenzie",
    "McLean",
    "McLeod",
    "Millar",
    "Mitchell",
    "Morrison",
    "Munro",
    "Murray",
    "Paterson",
    "Reid",
    "Robertson",
    "Ross",
    "Scott",
    "Sinclair",
    "Smith",
    "Stewart",
    "Taylor",
    "Thomson",
    "Walker",
    "Wallace",
    "Watson",
    "Wilson",
    "Young",
]

# Named people who appear in the demo's stories: (key, given, family, sex, age, email, role, org)
# fmt: off
PERSONAS = [
    ("claire", "Claire", "Donnelly", "f", 39, "claire@glenbrae.example", Role.MEMBER, "glenbrae-voluntary-action"),
    ("morag", "Morag", "Kerr", "f", 52, "morag@glenbrae.example", Role.BROKER, "glenbrae-voluntary-action"),
    ("iain", "Iain", "Fraser", "m", 44, "iain@glenbrae.example", Role.PRACTITIONER, "glenbrae-council"),
    ("priya", "Priya", "Shah", "f", 33, "priya@glenbrae.example", Role.DIRECTORY_EDITOR, "glenbrae-hscp"),
    ("fiona", "Fiona", "Munro", "f", 47, "fiona@glenbrae.example", Role.COMMISSIONER, "glenbrae-hscp"),
    ("alasdair", "Alasdair", "Grant", "m", 50, "admin@glenbrae.example", Role.ADMINISTRATOR, "glenbrae-hscp"),
    ("bill", "Bill", "Hendry", "m", 68, "bill@glenbrae.example", Role.BOARD_MEMBER, "glenbrae-hscp"),
    ("kirsty", "Kirsty", "Ross", "f", 36, "kirsty@kirkton.example", Role.BROKER, "kirkton-community-trust"),
]
# fmt: on
ROLE_LABELS = {
    "claire": "member",
    "morag": "broker",
    "iain": "practitioner",
    "priya": "directory editor",
    "fiona": "commissioner",
    "alasdair": "administrator",
    "bill": "co-production board",
    "kirsty": "broker (another organisation)",
}


def seed(ctx: DemoContext) -> str:
    partnership = Partnership.objects.filter(slug="glenbrae").first()
    if partnership is not None:
        ctx.partnership = partnership
        _collect_logins(ctx)
        return ""
    rng = ctx.random("people")
    partnership = Partnership.objects.create(
        name="Glenbrae Health and Social Care Partnership",
        slug="glenbrae",
        nation=Partnership.Nation.SCOTLAND,
    )
    ctx.partnership = partnership
    areas = {
        name: Area.objects.create(partnership=partnership, name=name)
        for name, *_ in geography.AREAS
    }
    orgs = {
        slug: Organisation.objects.create(
            partnership=partnership,
            slug=slug,
            name=name,
            kind=kind,
            area=areas[area],
            description=description,
        )
        for slug, name, kind, area, description in ORGANISATIONS
    }
    categories = {
        name: AssetCategory.objects.create(partnership=partnership, kind=kind, name=name)
        for kind, names in CATEGORIES.items()
        for name in names
        if not (kind == AssetCategory.Kind.INTEREST and name == "Gardening")
    }
    staff = _seed_personas(ctx, partnership, orgs, areas, rng)
    anne = _seed_anne(ctx, partnership, orgs, areas, categories, staff["morag"])
    people = _seed_people(ctx, partnership, orgs, areas, categories, staff, rng)
    _seed_carers(ctx, [anne, *people], staff["morag"], rng)
    _collect_logins(ctx)
    return f"{Person.objects.filter(partnership=partnership).count()} people, {len(orgs)} organisations"


def _collect_logins(ctx: DemoContext) -> None:
    by_email = {p[5]: p for p in PERSONAS}
    for email in [p[5] for p in PERSONAS]:
        key, given, family, *_ = by_email[email]
        ctx.logins.append((ROLE_LABELS[key], email, f"{given} {family}"))
    ctx.notes.append("Anne Baxter (81, no email, no login) is a time bank member Morag supports.")


def _birth_date(ctx: DemoContext, age: int, rng) -> datetime.date:
    return ctx.today - datetime.timedelta(days=age * 365 + rng.randint(0, 364))


def _seed_personas(ctx, partnership, orgs, areas, rng) -> dict[str, Person]:
    User = get_user_model()
    staff = {}
    for key, given, family, _sex, age, email, role, org_slug in PERSONAS:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        area = areas[rng.choice(list(areas))]
        person = Person.objects.create(
            partnership=partnership,
            user=user,
            given_name=given,
            family_name=family,
            email=email,
            date_of_birth=_birth_date(ctx, age, rng),
            contact_route="email",
            area=area,
            postcode=rng.choice(geography.postcodes_in(area.name)),
            registered_at=ctx.days_ago(700 - len(staff) * 10),
            availability=availability.from_slots(["mon_morning", "wed_afternoon", "sat_morning"]),
        )
        _consent(person, ["membership", "contact", "evidence", "share_profile"], ctx, days=690)
        Membership.objects.create(
            person=person,
            organisation=orgs[org_slug],
            role=role,
            started_on=person.registered_at.date(),
        )
        if role != Role.MEMBER:
            Membership.objects.create(
                person=person,
                organisation=orgs[org_slug],
                role=Role.MEMBER,
                started_on=person.registered_at.date(),
            )
        staff[key] = person
    # Iain also works for the partnership; Alasdair edits the directory too.
    Membership.objects.create(
        person=staff["iain"],
        organisation=orgs["glenbrae-hscp"],
        role=Role.PRACTITIONER,
        started_on=staff["iain"].registered_at.date(),
    )
    Membership.objects.create(
        person=staff["alasdair"],
        organisation=orgs["glenbrae-hscp"],
        role=Role.DIRECTORY_EDITOR,
        started_on=staff["alasdair"].registered_at.date(),
    )
    return staff


def _seed_anne(ctx, partnership, orgs, areas, categories, morag) -> Person:
    anne = Person.objects.create(
        partnership=partnership,
        given_name="Anne",
        family_name="Baxter",
        date_of_birth=ctx.today.replace(year=ctx.today.year - 81) - datetime.timedelta(days=40),
        phone="01592 610 214",
        address="4 Rowan Court\nKirkton",
        postcode="GB2 3AB",
        area=areas["Kirkton"],
        contact_route="phone",
        needs_large_print=True,
        needs_hearing_loop=True,
        registered_by=morag.user,
        registered_at=ctx.days_ago(400),
        what_matters="Staying in my own home, and getting to the shops and church on a Sunday. "
        "I'd like to pass on my knitting before my hands give up.",
        availability=availability.from_slots(["tue_afternoon", "wed_afternoon", "thu_afternoon"]),
    )
    _consent(
        anne,
        ["membership", "health", "contact", "evidence"],
        ctx,
        days=400,
        method=Consent.Method.IN_PERSON,
        recorded_by=morag.user,
    )
    for name in ("Knitting and crochet", "Local history", "Church"):
        PersonAsset.objects.create(
            person=anne,
            category=categories[name],
            in_their_words=IN_THEIR_WORDS.get(name, ""),
            created_by=morag.user,
        )
    Membership.objects.create(
        person=anne,
        organisation=orgs["glenbrae-voluntary-action"],
        started_on=anne.registered_at.date(),
        granted_by=morag.user,
    )
    _audit(
        anne,
        morag.user,
        "people.person.registered",
        anne.registered_at,
        orgs["glenbrae-voluntary-action"],
    )
    return anne


def _generation(age: int) -> str:
    return "older" if age >= 65 else "mid" if age >= 30 else "young"


AGE_RANGES = {"young": (18, 29), "mid": (30, 64), "old": (65, 79), "very_old": (80, 96)}


def _random_age(rng) -> int:
    band = rng.choices(list(AGE_RANGES), weights=[15, 35, 30, 20])[0]
    return rng.randint(*AGE_RANGES[band])


def _seed_people(ctx, partnership, orgs, areas, categories, staff, rng) -> list[Person]:
    people = []
    registrars = [staff["morag"], staff["iain"], staff["kirsty"]]
    area_names = list(areas)
    named = PERSON_COUNT - len(PERSONAS) - 1
    for index in range(named):
        age = _random_age(rng)
        sex = rng.choice("fm")
        given = rng.choice(FIRST_NAMES[f"{_generation(age)}_{sex}"])
        family = rng.choice(FAMILY_NAMES)
        area_name = rng.choice(area_names)
        registrar = rng.choice(registrars)
        online = age < 60 and rng.random() < 0.6
        days = rng.randint(30, 720)
        route = "email" if online else rng.choice(["phone", "phone", "letter"])
        person = Person(
            partnership=partnership,
            given_name=given,
            family_name=family,
            preferred_name=rng.choice(["", "", "", "Nan" if sex == "f" and age > 70 else ""]),
            area=areas[area_name],
            postcode=rng.choice(geography.postcodes_in(area_name)),
            contact_route=route,
            registered_at=ctx.days_ago(days, hour=rng.randint(9, 16)),
            registered_by=None if online else registrar.user,
            availability=_random_availability(rng),
            what_matters=rng.choice(WHAT_MATTERS) if rng.random() < 0.7 else "",
        )
        if rng.random() < 0.75:
            person.date_of_birth = _birth_date(ctx, age, rng)
        else:
            person.age_band = _band_for(age)
        person.phone = f"01592 {rng.randint(200, 899)} {rng.randint(100, 999)}"
        if online:
            person.email = f"{given}.{family}{index}@example.com".lower()
        if route == "letter" or rng.random() < 0.3:
            person.address = f"{rng.randint(1, 120)} {rng.choice(STREETS)}\n{area_name}"
        health = age >= 70 and rng.random() < 0.6 or rng.random() < 0.15
        if health:
            person.needs_large_print = age >= 75 and rng.random() < 0.6
            person.needs_hearing_loop = age >= 80 and rng.random() < 0.4
            person.needs_easy_read = rng.random() < 0.08
            person.disability = rng.choice(["yes", "no", "no", "prefer_not"])
            if rng.random() < 0.05:
                person.needs_interpreter, person.interpreter_language = True, "Polish"
        person.save()
        purposes = ["membership"]
        purposes += [
            p
            for p, chance in (("contact", 0.8), ("evidence", 0.7), ("share_profile", 0.6))
            if rng.random() < chance
        ]
        if health:
            purposes.append("health")
        on_behalf = age >= 85 and rng.random() < 0.4
        _consent(
            person,
            purposes,
            ctx,
            days=days,
            method=Consent.Method.ONLINE if online else Consent.Method.IN_PERSON,
            recorded_by=person.registered_by,
            on_behalf=on_behalf,
            rng=rng,
        )
        _seed_assets(person, categories, rng)
        _seed_memberships(person, age, orgs, rng)
        _audit(
            person,
            person.registered_by,
            "people.person.registered" if person.registered_by else "people.person.signed_up",
            person.registered_at,
            orgs["glenbrae-voluntary-action"],
        )
        people.append(person)
    return people


STREETS = [
    "Main Street",
    "Church Road",
    "Rowan Court",
    "Station Brae",
    "Mill Lane",
    "Glebe Crescent",
    "Burnside",
    "Kirk Wynd",
    "Victoria Road",
    "Hillview Terrace",
]


def _band_for(age: int) -> str:
    from lib import ageband

    return ageband.band_for_age(age)


def _random_availability(rng) -> int:
    slots = [f"{day}_{part}" for day in availability.DAYS for part in availability.PARTS]
    return availability.from_slots(rng.sample(slots, rng.randint(0, 8)))


def _seed_assets(person, categories, rng) -> None:
    names = rng.sample(sorted(categories), rng.randint(1, 4))
    for name in names:
        words = IN_THEIR_WORDS.get(name, "") if rng.random() < 0.5 else ""
        PersonAsset.objects.create(
            person=person,
            category=categories[name],
            in_their_words=words,
            created_by=person.registered_by,
        )


def _seed_memberships(person, age, orgs, rng) -> None:
    chosen = set()
    if rng.random() < 0.6:
        chosen.add("glenbrae-voluntary-action")
    if person.area.name == "Kirkton" and rng.random() < 0.6:
        chosen.add("kirkton-community-trust")
    if age >= 70 and rng.random() < 0.35:
        chosen.add("glenbrae-council")
    if age >= 75 and rng.random() < 0.25:
        chosen.add("brae-food-train")
    if person.area.name == "Strathmuir" and rng.random() < 0.3:
        chosen.add("strathmuir-mens-shed")
    if age >= 70 and rng.random() < 0.1:
        chosen.add("inverbrae-dementia-friends")
    if age < 30 and rng.random() < 0.3:
        chosen.add("good-grub-cafe")
    if not chosen:
        chosen.add(
            rng.choice(["glenbrae-voluntary-action", "kirkton-community-trust", "glenbrae-council"])
        )
    for slug in sorted(chosen):
        Membership.objects.create(
            person=person, organisation=orgs[slug], started_on=person.registered_at.date()
        )


def _seed_carers(ctx, people, morag, rng) -> None:
    """About one in eight people care for someone; some of them are couples here."""
    older = [p for p in people if p.effective_age_band() in ("75_84", "85_plus")]
    carers = [p for p in people if p.effective_age_band() in ("35_49", "50_64", "65_74")]
    rng.shuffle(older)
    rng.shuffle(carers)
    centre = Organisation.objects.get(slug="glenbrae-carers-centre", partnership=ctx.partnership)
    for carer, cared_for in zip(carers[:14], older[:14], strict=False):
        CarerRelationship.objects.create(
            carer=carer,
            cared_for=cared_for,
            relationship=rng.choice(["child", "child", "partner", "neighbour", "relative"]),
            started_on=ctx.today - datetime.timedelta(days=rng.randint(200, 3000)),
            created_by=morag.user,
        )
        Membership.objects.get_or_create(
            person=carer,
            organisation=centre,
            role=Role.MEMBER,
            ended_on=None,
            defaults={"started_on": carer.registered_at.date()},
        )
    descriptions = [
        "my husband, who has dementia",
        "my son, who has a learning disability",
        "my mum, who lives with us",
        "my wife after her stroke",
        "my dad, who has Parkinson's",
        "my neighbour across the landing",
    ]
    for carer in carers[14:26]:
        CarerRelationship.objects.create(
            carer=carer,
            cared_for_description=rng.choice(descriptions),
            relationship=rng.choice(["partner", "child", "parent", "neighbour"]),
            created_by=morag.user,
        )
        Membership.objects.get_or_create(
            person=carer,
            organisation=centre,
            role=Role.MEMBER,
            ended_on=None,
            defaults={"started_on": carer.registered_at.date()},
        )


def _consent(
    person,
    purposes,
    ctx,
    *,
    days,
    method=Consent.Method.ONLINE,
    recorded_by=None,
    on_behalf=False,
    rng=None,
) -> None:
    given_at = ctx.days_ago(days)
    for purpose in purposes:
        lawful = "explicit_consent" if purpose == "health" else "consent"
        if on_behalf:
            Consent.objects.create(
                person=person,
                purpose=purpose,
                lawful_basis=lawful,
                given_by="on_behalf",
                given_by_name=f"{rng.choice(FIRST_NAMES['mid_f'])} {person.family_name}",
                given_by_relationship="daughter, holds power of attorney",
                method=method,
                given_at=given_at,
                recorded_by=recorded_by,
            )
        else:
            Consent.objects.create(
                person=person,
                purpose=purpose,
                lawful_basis=lawful,
                method=method,
                given_at=given_at,
                recorded_by=recorded_by,
            )


def _audit(person, user, action, at, organisation) -> None:
    AuditEvent.objects.create(
        action=action,
        actor=user,
        person=person,
        at=at,
        organisation=organisation,
        partnership=person.partnership,
        data={"demo": True},
    )


def personas(partnership) -> dict[str, Person]:
    """The named demo people, for other apps' seeders."""
    found = {}
    for key, _given, _family, _sex, _age, email, *_ in PERSONAS:
        found[key] = Person.objects.get(partnership=partnership, user__email=email)
    found["anne"] = Person.objects.get(
        partnership=partnership, given_name="Anne", family_name="Baxter"
    )
    return found
