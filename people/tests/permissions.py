"""Who may open each page of the people app (collected by core's matrix test)."""

from core.testing import DENIED, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Rule, everyone, signed_in
from people.models import CarerRelationship, PersonAsset


def anne(world):
    return {"pk": world.anne.pk}


def _claire_asset(world):
    asset, _ = PersonAsset.objects.get_or_create(person=world.claire, category=world.category)
    return {"asset_pk": asset.pk}


def _anne_asset(world):
    asset, _ = PersonAsset.objects.get_or_create(person=world.anne, category=world.category)
    return {"pk": world.anne.pk, "asset_pk": asset.pk}


def _claire_link(world):
    link, _ = CarerRelationship.objects.get_or_create(
        carer=world.claire, cared_for_description="my mum", relationship="child"
    )
    return {"link_pk": link.pk}


def _anne_link(world):
    link, _ = CarerRelationship.objects.get_or_create(
        carer=world.anne, cared_for_description="my sister", relationship="relative"
    )
    return {"pk": world.anne.pk, "link_pk": link.pk}


def _anne_membership(world):
    membership, _ = world.anne.memberships.get_or_create(
        organisation=world.timebank_org, role="member", ended_on=None
    )
    return {"pk": world.anne.pk, "membership_pk": membership.pk}


# Brokers of Anne's organisation and administrators may open her record.
CASEWORKER = signed_in(DENIED, broker=OK, administrator=OK)
CASEWORKER_POST = signed_in(DENIED, broker=REDIRECT, administrator=REDIRECT)
ANY_CASEWORKER = signed_in(DENIED, broker=OK, practitioner=OK, administrator=OK, outsider=OK)
STAFF = signed_in(OK, member=DENIED)
ADMIN = signed_in(DENIED, administrator=OK)
POST_ONLY = everyone(NOT_ALLOWED)

ME_PAGES = [
    "me",
    "me-edit",
    "me-access",
    "me-what-matters",
    "me-availability",
    "me-assets",
    "me-caring",
    "me-consents",
    "me-data",
    "me-data-json",
    "me-erase",
]
PERSON_PAGES = [
    "person-detail",
    "person-edit",
    "person-access",
    "person-what-matters",
    "person-availability",
    "person-assets",
    "person-caring",
    "person-consents",
    "person-data",
    "person-data-json",
    "person-erase",
    "person-memberships",
    "person-login",
]

RULES = [
    *[Rule(f"people:{name}", signed_in(OK)) for name in ME_PAGES],
    Rule("people:me-asset-remove", POST_ONLY, kwargs=_claire_asset),
    Rule(
        "people:me-asset-remove",
        signed_in(NOT_FOUND, member=REDIRECT),
        kwargs=_claire_asset,
        method="post",
    ),
    Rule("people:me-caring-remove", POST_ONLY, kwargs=_claire_link),
    Rule(
        "people:me-caring-remove",
        signed_in(NOT_FOUND, member=REDIRECT),
        kwargs=_claire_link,
        method="post",
    ),
    Rule("people:me-consent-withdraw", POST_ONLY, kwargs={"purpose": "contact"}),
    Rule(
        "people:me-consent-withdraw",
        signed_in(REDIRECT),
        kwargs={"purpose": "contact"},
        method="post",
    ),
    Rule("people:list", ANY_CASEWORKER),
    Rule("people:register", ANY_CASEWORKER),
    *[Rule(f"people:{name}", CASEWORKER, kwargs=anne) for name in PERSON_PAGES],
    Rule("people:person-asset-remove", CASEWORKER_POST, kwargs=_anne_asset, method="post"),
    Rule("people:person-caring-remove", CASEWORKER_POST, kwargs=_anne_link, method="post"),
    Rule(
        "people:person-consent-withdraw",
        CASEWORKER_POST,
        kwargs=lambda w: {"pk": w.anne.pk, "purpose": "contact"},
        method="post",
    ),
    Rule("people:person-membership-end", CASEWORKER_POST, kwargs=_anne_membership, method="post"),
    Rule("people:person-act", CASEWORKER_POST, kwargs=anne, method="post"),
    Rule("people:person-act", POST_ONLY, kwargs=anne),
    Rule("people:acting-stop", everyone(REDIRECT), method="post"),
    Rule("people:organisations", STAFF),
    Rule("people:organisation-detail", STAFF, kwargs={"slug": "council"}),
    Rule("people:organisation-add", ADMIN),
    Rule("people:organisation-edit", ADMIN, kwargs={"slug": "council"}),
    Rule("people:categories", ANY_CASEWORKER),
    Rule("people:category-add", ANY_CASEWORKER),
    Rule("people:category-edit", ANY_CASEWORKER, kwargs=lambda w: {"pk": w.category.pk}),
]


def _anne_notice(world):
    from people.models import Notice

    notice, _ = Notice.objects.get_or_create(
        person=world.anne,
        route="letter",
        subject="Your lift on Tuesday",
        body="Hello Anne",
        source="people.test.notice",
        status="to_do",
    )
    return {"pk": notice.pk}


RULES += [
    Rule("people:outbox", ANY_CASEWORKER),
    Rule("people:letters", ANY_CASEWORKER),
    Rule(
        "people:notice-sent",
        CASEWORKER_POST | {"outsider": NOT_FOUND, "practitioner": NOT_FOUND},
        kwargs=_anne_notice,
        method="post",
    ),
    Rule(
        "people:notice-cancel",
        CASEWORKER_POST | {"outsider": NOT_FOUND, "practitioner": NOT_FOUND},
        kwargs=_anne_notice,
        method="post",
    ),
]
