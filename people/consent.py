"""The purposes a person can agree to, and the checks processing makes.

Apps register their own purposes in AppConfig.ready(); wherever processing
needs consent, it calls require() (or has()) with the purpose's code.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.errors import ConsentMissing

from .models import Consent, Person


@dataclass(frozen=True)
class Purpose:
    code: str
    label: str
    description: str
    lawful_basis: str = Consent.LawfulBasis.CONSENT


_purposes: dict[str, Purpose] = {}


def register(purpose: Purpose) -> None:
    _purposes[purpose.code] = purpose


def purposes() -> list[Purpose]:
    return list(_purposes.values())


def get(code: str) -> Purpose:
    return _purposes[code]


MEMBERSHIP = "membership"
HEALTH = "health"
SHARE_PROFILE = "share_profile"
CONTACT = "contact"
EVIDENCE = "evidence"

register(
    Purpose(
        MEMBERSHIP,
        _("Keeping a record of me"),
        _(
            "Keeping your name, contact details and what you bring, so you can take part and staff "
            "can support you."
        ),
    )
)
register(
    Purpose(
        HEALTH,
        _("Health and access needs"),
        _(
            "Keeping information about your health, disability or access needs (like large print or "
            "an interpreter), so we get things right for you."
        ),
        Consent.LawfulBasis.EXPLICIT_CONSENT,
    )
)
register(
    Purpose(
        SHARE_PROFILE,
        _("Showing my profile to other members"),
        _("Letting other members see your first name, area and what you can offer."),
    )
)
register(
    Purpose(
        CONTACT,
        _("Telling me about activities"),
        _("Getting in touch, in the way you prefer, about activities and news."),
    )
)
register(
    Purpose(
        EVIDENCE,
        _("Counting what difference it makes"),
        _(
            "Using your information, without your name, in reports that show what difference the "
            "work makes."
        ),
    )
)


def has(person: Person, code: str) -> bool:
    """Whether the person's latest word on this purpose is a yes."""
    latest = person.consents.filter(purpose=code).order_by("-given_at", "-pk").first()
    return latest is not None and latest.withdrawn_at is None


def current(person: Person) -> dict[str, Consent]:
    """The standing consent for each purpose the person has agreed to."""
    standing: dict[str, Consent] = {}
    for consent in person.consents.order_by("given_at", "pk"):
        if consent.withdrawn_at is None:
            standing[consent.purpose] = consent
        else:
            standing.pop(consent.purpose, None)
    return standing


def require(person: Person, code: str) -> None:
    if not has(person, code):
        raise ConsentMissing(
            _("%(name)s has not agreed to “%(purpose)s”. Record their consent first.")
            % {"name": person.display_name, "purpose": get(code).label},
            code="consent_missing",
        )
