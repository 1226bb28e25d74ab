"""Test helpers shared by every app: the personas, and the permission matrix.

The personas are the people of DESIGN.md, small enough to build for every
test: Anne (81, a member with no login), Claire (a member who signs in),
Morag (a broker), Iain (a practitioner), Priya (a directory editor), Fiona
(a commissioner), Bill (a carer on the co-production board), Alasdair (an
administrator) and Kirsty (a broker at
another organisation, who must be refused other organisations' records).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from people.models import (
    Area,
    AssetCategory,
    Consent,
    Membership,
    Organisation,
    Partnership,
    Person,
    Role,
)

PASSWORD = "a-long-test-password"


@dataclass
class World:
    partnership: Partnership
    area: Area
    timebank_org: Organisation
    council: Organisation
    hscp: Organisation
    other_org: Organisation
    anne: Person
    claire: Person
    morag: Person
    iain: Person
    priya: Person
    fiona: Person
    alasdair: Person
    bill: Person
    kirsty: Person
    category: AssetCategory
    extra: dict = field(default_factory=dict)

    def persona(self, role: str) -> Person | None:
        return {
            "anonymous": None,
            "member": self.claire,
            "broker": self.morag,
            "practitioner": self.iain,
            "directory_editor": self.priya,
            "commissioner": self.fiona,
            "board_member": self.bill,
            "administrator": self.alasdair,
            "outsider": self.kirsty,
        }[role]


ROLES = [
    "anonymous",
    "member",
    "broker",
    "practitioner",
    "directory_editor",
    "commissioner",
    "board_member",
    "administrator",
    "outsider",
]


def make_person(
    partnership,
    given,
    family="Test",
    *,
    email=None,
    orgs=(),
    role=Role.MEMBER,
    consents=("membership",),
    **extra,
) -> Person:
    user = None
    if email:
        user = get_user_model().objects.create_user(email=email, password=PASSWORD)
    person = Person.objects.create(
        partnership=partnership,
        given_name=given,
        family_name=family,
        user=user,
        email=email or "",
        **extra,
    )
    for org in orgs:
        Membership.objects.create(person=person, organisation=org, role=role)
        if role != Role.MEMBER:
            Membership.objects.create(person=person, organisation=org, role=Role.MEMBER)
    for purpose in consents:
        Consent.objects.create(
            person=person, purpose=purpose, lawful_basis="consent", method=Consent.Method.IN_PERSON
        )
    return person


def build_world() -> World:
    p = Partnership.objects.create(name="Glenbrae Test Partnership", slug="glenbrae-test")
    area = Area.objects.create(partnership=p, name="Kirkton")

    def org(slug, kind):
        return Organisation.objects.create(partnership=p, slug=slug, name=slug.title(), kind=kind)

    timebank_org = org("voluntary-action", Organisation.Kind.THIRD_SECTOR)
    council = org("council", Organisation.Kind.COUNCIL)
    hscp = org("hscp", Organisation.Kind.HSCP)
    other_org = org("kirkton-trust", Organisation.Kind.COMMUNITY_GROUP)
    anne = make_person(
        p,
        "Anne",
        "Baxter",
        orgs=[timebank_org],
        phone="01592 610214",
        contact_route="phone",
        area=area,
        postcode="GB2 3AB",
    )
    return World(
        partnership=p,
        area=area,
        timebank_org=timebank_org,
        council=council,
        hscp=hscp,
        other_org=other_org,
        anne=anne,
        claire=make_person(
            p, "Claire", "Donnelly", email="claire@example.org", orgs=[timebank_org]
        ),
        morag=make_person(
            p, "Morag", "Kerr", email="morag@example.org", orgs=[timebank_org], role=Role.BROKER
        ),
        iain=make_person(
            p, "Iain", "Fraser", email="iain@example.org", orgs=[council], role=Role.PRACTITIONER
        ),
        priya=make_person(
            p, "Priya", "Shah", email="priya@example.org", orgs=[hscp], role=Role.DIRECTORY_EDITOR
        ),
        fiona=make_person(
            p, "Fiona", "Munro", email="fiona@example.org", orgs=[hscp], role=Role.COMMISSIONER
        ),
        alasdair=make_person(
            p,
            "Alasdair",
            "Grant",
            email="alasdair@example.org",
            orgs=[hscp],
            role=Role.ADMINISTRATOR,
        ),
        bill=make_person(
            p, "Bill", "Hendry", email="bill@example.org", orgs=[hscp], role=Role.BOARD_MEMBER
        ),
        kirsty=make_person(
            p, "Kirsty", "Ross", email="kirsty@example.org", orgs=[other_org], role=Role.BROKER
        ),
        category=AssetCategory.objects.create(partnership=p, kind="skill", name="Knitting"),
    )


# Expected outcomes in the permission matrix.
OK = "ok"  # 200
LOGIN = "login"  # redirect to the sign-in page
DENIED = "denied"  # 403
NOT_FOUND = "not_found"  # 404
REDIRECT = "redirect"  # any other redirect (a form that redirects after GET, say)
NOT_ALLOWED = "not_allowed"  # 405: wrong method


@dataclass(frozen=True)
class Rule:
    """One URL in the matrix: how to build it, how to call it, and what each role gets."""

    url_name: str
    expect: dict[str, str]
    kwargs: object = None  # callable(world) -> dict
    method: str = "get"
    data: object = None  # callable(world) -> dict for POST

    def reverse_kwargs(self, world: World) -> dict:
        return self.kwargs(world) if callable(self.kwargs) else (self.kwargs or {})


def everyone(outcome: str, **overrides) -> dict[str, str]:
    return {role: overrides.get(role, outcome) for role in ROLES}


def signed_in(outcome: str, **overrides) -> dict[str, str]:
    return everyone(outcome, anonymous=LOGIN, **overrides)


def classify(response) -> str:
    if response.status_code == 200:
        return OK
    if response.status_code in (301, 302):
        location = response["Location"]
        return LOGIN if "/accounts/login/" in location else REDIRECT
    return {403: DENIED, 404: NOT_FOUND, 405: NOT_ALLOWED}.get(
        response.status_code, str(response.status_code)
    )
