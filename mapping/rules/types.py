"""The vocabulary of the rules: who did what, and the categories of DOMAIN.md §3."""

import enum
from dataclasses import dataclass, field


def _(text: str) -> str:
    """Mark a sentence for translation; the Django side translates it when shown."""
    return text


class Who(enum.StrEnum):
    """Who did one part of the work (defining, deciding, designing, delivering, assessing)."""

    NOBODY = "nobody"  # this part did not happen, or we do not know
    PROFESSIONALS = "professionals"  # professionals of one organisation alone
    ORGANISATIONS = "organisations"  # several organisations together, no citizens
    TOGETHER = "together"  # people who use services (or carers, community) with professionals
    CITIZENS = "citizens"  # people who use services, carers or community members themselves

    @property
    def involves_citizens(self) -> bool:
        return self in (Who.TOGETHER, Who.CITIZENS)


class Scope(enum.StrEnum):
    INDIVIDUAL = "individual"  # each person's own support
    SYSTEM = "system"  # the service, or services, for everyone


class OneWay(enum.StrEnum):
    """How people were reached when they had no say: the bottom rungs of the ladder."""

    NONE = "none"
    INFORMED = "informed"
    EDUCATED = "educated"
    REQUIRED = "required"


class Co(enum.StrEnum):
    COMMISSIONING = "co_commissioning"
    DESIGN = "co_design"
    DELIVERY = "co_delivery"
    ASSESSMENT = "co_assessment"


CO_LABELS = {
    Co.COMMISSIONING: _("Co-commissioning"),
    Co.DESIGN: _("Co-design"),
    Co.DELIVERY: _("Co-delivery"),
    Co.ASSESSMENT: _("Co-assessment"),
}

# How strongly one of the four Co's is practised in an initiative.
NONE, VIEWS, SHARED, LED = 0, 1, 2, 3
STRENGTH_LABELS = {
    NONE: _("Not at all"),
    VIEWS: _("Views asked only"),
    SHARED: _("Shared with citizens"),
    LED: _("Led by citizens"),
}


class Osborne(enum.StrEnum):
    CO_PRODUCTION = "co_production"  # individual, involuntary
    CO_CONSTRUCTION = "co_construction"  # system, involuntary
    CO_DESIGN = "co_design"  # individual, voluntary
    CO_INNOVATION = "co_innovation"  # system, voluntary


class Level(enum.IntEnum):
    DESCRIPTIVE = 1
    INTERMEDIATE = 2
    TRANSFORMATIVE = 3


class Ladder(enum.IntEnum):
    """The ladder of participation, bottom to top (TLAP's seven steps)."""

    COERCION = 1
    EDUCATING = 2
    INFORMING = 3
    CONSULTATION = 4
    ENGAGEMENT = 5
    CO_DESIGN = 6
    CO_PRODUCTION = 7


INGREDIENTS = ("assets", "shared_roles", "capacity", "mutuality", "networks", "catalysts")


@dataclass(frozen=True)
class Answers:
    """The plain questions, answered for one initiative."""

    defined: Who = Who.PROFESSIONALS  # who defined the problem
    decided: Who = Who.PROFESSIONALS
    designed: Who = Who.PROFESSIONALS
    delivered: Who = Who.PROFESSIONALS
    assessed: Who = Who.NOBODY
    views_only: bool = False  # were people who use services only asked for their views?
    power_moved: bool = False  # did decision-making power move to them?
    budget_moved: bool = False  # did they control a budget?
    citizens_fund: bool = False  # do citizens put money in (fundraising, charges)?
    scope: Scope = Scope.SYSTEM
    new_service: bool = False  # is it a new kind of service for the future?
    one_way: OneWay = OneWay.NONE
    # From the register: do people who use services, carers, families or community
    # members take part at all? None when the register does not say.
    citizens_take_part: bool | None = None


@dataclass(frozen=True)
class Sentence:
    """An explanation in plain words: an English template and its values."""

    template: str
    params: dict = field(default_factory=dict)

    def render(self, translate=lambda s: s) -> str:
        values = {key: translate(value) for key, value in self.params.items()}
        return translate(self.template) % values if values else translate(self.template)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Classification:
    cos: dict  # Co -> strength (0 to 3)
    sub_types: dict  # Co -> tuple of glossary slugs, e.g. ("co-planning",)
    osborne: Osborne
    between_organisations: (
        tuple  # ("co-governance", "co-management") when organisations collaborate
    )
    really_between_organisations: bool  # organisations collaborating while citizens have no part
    level: Level
    ladder: Ladder
    why: tuple  # Sentences, in the order to read them
    warnings: tuple = ()  # answers that contradict each other or the register

    @property
    def practised(self) -> list:
        return [co for co, strength in self.cos.items() if strength >= SHARED]

    @property
    def summary(self) -> Sentence:
        return self.why[0]
