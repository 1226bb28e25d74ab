"""Plain-English meanings of the words of co-production (DOMAIN.md §3).

Terms live in code, not the database, so their wording is translated with
every other string. Templates link a term with {% term "co-design" %}, and
plain text is linked with the |glossary_links filter.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    slug: str
    name: str
    meaning: str
    group: str
    also: tuple[str, ...] = ()
    proper_noun: bool = False  # keeps its capitals in the middle of a sentence

    @property
    def inline_name(self) -> str:
        """The name as it reads mid-sentence: "Time bank" becomes "time bank", while
        "PVG scheme", "Co-design (Osborne)" and proper nouns keep their capitals."""
        name = str(self.name)
        first, _, rest = name.partition(" ")
        if self.proper_noun or first.isupper():
            return name
        return " ".join(filter(None, [first.lower(), rest]))


GROUPS = {
    "basics": _("The basics"),
    "star": _("The four Co's"),
    "steps": _("The five steps"),
    "osborne": _("Kinds of co-production (Osborne)"),
    "levels": _("How deep it goes (Needham and Carr)"),
    "ladder": _("The ladder of participation"),
    "ingredients": _("The six ingredients"),
    "mechanisms": _("Ways of working"),
    "platform": _("Words used on this site"),
}

TERMS = [
    # The basics.
    Term(
        "co-production",
        _("Co-production"),
        _(
            "Professionals and the people who use services, their families and neighbours working "
            "together as equals, each bringing what they know and can do, to get better results. "
            "It is done with people, not to them or for them."
        ),
        "basics",
        ("consultation", "assets"),
    ),
    Term(
        "assets",
        _("Assets"),
        _(
            "What a person or community has to offer, not only what they need: knowledge, skills, "
            "experience, time, friends, family and local groups."
        ),
        "basics",
        ("assets-based-approach",),
    ),
    Term(
        "assets-based-approach",
        _("Assets-based approach"),
        _(
            "Starting from what people and places already have and can do. It rests on the idea that "
            "having a sense of control over your own life is good for your health."
        ),
        "basics",
    ),
    Term(
        "consultation",
        _("Consultation"),
        _(
            "Asking people for their views, after which professionals decide and deliver. Useful, but "
            "it is not co-production: power stays where it was."
        ),
        "basics",
        ("co-production",),
    ),
    Term(
        "reciprocity",
        _("Reciprocity"),
        _(
            "Give and take: everyone both gives and receives. People who only ever give, or only "
            "receive, miss part of the benefit."
        ),
        "basics",
    ),
    Term(
        "co-governance",
        _("Co-governance"),
        _(
            "Organisations, such as the council and a charity, planning services together. Real "
            "partnership working, but between organisations rather than with the people who use "
            "services."
        ),
        "basics",
        ("co-management",),
    ),
    Term(
        "co-management",
        _("Co-management"),
        _(
            "Organisations delivering a service together, for example the council and a charity. "
            "It is collaboration between organisations, not co-production with citizens."
        ),
        "basics",
        ("co-governance",),
    ),
    Term(
        "co-production-board",
        _("Co-production board"),
        _(
            "A group of people who use services, carers and staff who meet regularly to check, "
            "challenge and advise on how the partnership works."
        ),
        "basics",
    ),
    Term(
        "experts-by-experience",
        _("Experts by experience"),
        _(
            "People with lived experience of a service who sit on panels that inspect or commission "
            "it."
        ),
        "basics",
    ),
    Term(
        "co-production-champion",
        _("Co-production champion"),
        _("Someone who helps others in their organisation to work in a co-productive way."),
        "basics",
    ),
    # The four Co's.
    Term(
        "four-cos",
        _("The four Co's"),
        _(
            "Four ways citizens and services work together: co-commissioning, co-design, co-delivery "
            "and co-assessment. Together they form the Co-production Star."
        ),
        "star",
        ("co-commissioning", "co-design", "co-delivery", "co-assessment"),
    ),
    Term(
        "co-commissioning",
        _("Co-commissioning"),
        _(
            "Deciding together what services there should be and where the money goes: planning "
            "policy together, setting priorities together (for example participatory budgeting) and "
            "funding together."
        ),
        "star",
        ("co-planning", "co-prioritisation", "co-financing"),
    ),
    Term(
        "co-planning",
        _("Co-planning"),
        _(
            "Citizens and services planning policy together, for example at open meetings or "
            "Planning for Real events."
        ),
        "star",
    ),
    Term(
        "co-prioritisation",
        _("Co-prioritisation"),
        _(
            "Citizens helping to decide priorities, for example through individual budgets, community "
            "chests, participatory budgeting or seats on commissioning panels."
        ),
        "star",
    ),
    Term(
        "co-financing",
        _("Co-financing"),
        _("Citizens contributing money, for example through fundraising or agreed charges."),
        "star",
    ),
    Term(
        "co-design",
        _("Co-design"),
        _(
            "People who use a service and the people who provide it designing it together, for "
            "example in user forums or design workshops. People have real influence but may not see "
            "it through to delivery."
        ),
        "star",
    ),
    Term(
        "co-delivery",
        _("Co-delivery"),
        _(
            "Citizens and services delivering a service together: running community assets, or "
            "taking part in the work itself through peer support, befriending or expert patients."
        ),
        "star",
        ("co-managing", "co-performing"),
    ),
    Term(
        "co-managing",
        _("Co-managing"),
        _(
            "Communities managing public assets or services, for example as a trust or as governors."
        ),
        "star",
    ),
    Term(
        "co-performing",
        _("Co-performing"),
        _(
            "Citizens doing part of the work: peer support, befriending, meals on wheels, "
            "neighbourhood watch."
        ),
        "star",
    ),
    Term(
        "co-assessment",
        _("Co-assessment"),
        _(
            "Citizens judging how good a service is and what difference it makes, for example as "
            "user inspectors, through ratings or peer reviews."
        ),
        "star",
        ("co-monitoring", "co-evaluation"),
    ),
    Term(
        "co-monitoring",
        _("Co-monitoring"),
        _("Citizens keeping watch on a service as it runs, for example as tenant inspectors."),
        "star",
    ),
    Term(
        "co-evaluation",
        _("Co-evaluation"),
        _("Citizens taking part in judging what a service achieved."),
        "star",
    ),
    Term(
        "citizen-voice",
        _("Citizen voice"),
        _("Co-commissioning, co-design and co-assessment: citizens shaping and judging services."),
        "star",
    ),
    Term(
        "citizen-action",
        _("Citizen action"),
        _("Co-delivery: citizens doing part of the work themselves."),
        "star",
    ),
    # The five steps.
    Term(
        "five-steps",
        _("The five steps"),
        _(
            "A path to build co-production into everyday work: map it, focus it, people it, market "
            "it and grow it."
        ),
        "steps",
        ("map-it", "focus-it", "people-it", "market-it", "grow-it"),
    ),
    Term(
        "map-it",
        _("Map it"),
        _(
            "Find out where co-production already happens, how much, and who is involved, and where "
            "it is missing."
        ),
        "steps",
    ),
    Term(
        "focus-it",
        _("Focus it"),
        _(
            "Choose where to start: compare possible activities by impact and effort, start with "
            "quick wins and avoid hard slogs."
        ),
        "steps",
        ("priority-matrix",),
    ),
    Term(
        "priority-matrix",
        _("Priority matrix"),
        _(
            "A chart that places possible activities by how much difference they would make against "
            "how much effort they need. High impact and low effort are quick wins; low impact and "
            "high effort are hard slogs."
        ),
        "steps",
    ),
    Term(
        "people-it",
        _("People it"),
        _(
            "Find the people who already co-produce or would like to, and work out who has power and "
            "influence."
        ),
        "steps",
        ("stakeholder-grid",),
    ),
    Term(
        "stakeholder-grid",
        _("Stakeholder grid"),
        _(
            "A chart that places people and groups by their power and their influence, suggesting how "
            "to work with each."
        ),
        "steps",
    ),
    Term(
        "market-it",
        _("Market it"),
        _(
            "Encourage people to take part: thanks, recognition, incentives and a co-production "
            "charter that sets out roles and rights."
        ),
        "steps",
    ),
    Term(
        "grow-it",
        _("Grow it"),
        _(
            "Make co-production part of how things are done: champions, service reviews, and "
            "performance and staff systems that support it."
        ),
        "steps",
    ),
    # Osborne.
    Term(
        "osborne-co-production",
        _("Co-production (Osborne)"),
        _(
            "In Osborne's sense, the way any service is partly made by the person using it in the "
            "moment it is given, whether or not anyone plans it."
        ),
        "osborne",
    ),
    Term(
        "co-construction",
        _("Co-construction"),
        _(
            "A person's own lived experience of a service, which shapes what the service means and "
            "achieves for them."
        ),
        "osborne",
    ),
    Term(
        "osborne-co-design",
        _("Co-design (Osborne)"),
        _("A person consciously designing their own package of support."),
        "osborne",
    ),
    Term(
        "co-innovation",
        _("Co-innovation"),
        _(
            "People who use services and professionals consciously creating new kinds of service for "
            "the future, for everyone."
        ),
        "osborne",
    ),
    Term(
        "co-destruction",
        _("Co-destruction"),
        _("When badly managed co-production destroys value instead of creating it."),
        "osborne",
    ),
    # Levels.
    Term(
        "descriptive",
        _("Descriptive level"),
        _(
            "The input every service already relies on, such as taking medication as prescribed. "
            "Nothing about how power is shared changes."
        ),
        "levels",
    ),
    Term(
        "intermediate",
        _("Intermediate level"),
        _(
            "People's contributions are recognised and supported, and feedback channels improve, but "
            "the culture stays the same; often one member of staff leads."
        ),
        "levels",
    ),
    Term(
        "transformative",
        _("Transformative level"),
        _(
            "Power and control move: new structures led by the people who use services plan, deliver, "
            "manage and govern, and the culture changes."
        ),
        "levels",
    ),
    # Ladder.
    Term(
        "ladder-of-participation",
        _("Ladder of participation"),
        _(
            "Steps from doing things to people, through doing things for them, to doing things with "
            "them: coercion, educating, informing, consultation, engagement, co-design, "
            "co-production."
        ),
        "ladder",
    ),
    Term("coercion", _("Coercion"), _("People are made to take part; they have no say."), "ladder"),
    Term(
        "educating",
        _("Educating"),
        _("People are told how things are and helped to understand them."),
        "ladder",
    ),
    Term("informing", _("Informing"), _("People are told what has been decided."), "ladder"),
    Term(
        "engagement",
        _("Engagement"),
        _(
            "People are asked for views and have some chance to influence, but professionals still "
            "decide."
        ),
        "ladder",
    ),
    # Six ingredients.
    Term(
        "six-ingredients",
        _("The six ingredients"),
        _(
            "What genuine co-production needs: assets, shared roles, capacity, mutuality, networks and "
            "catalysts."
        ),
        "ingredients",
    ),
    Term(
        "shared-roles",
        _("Shared roles"),
        _(
            "The line between professionals and participants is broken down by changing how services "
            "are developed and delivered."
        ),
        "ingredients",
    ),
    Term(
        "capacity",
        _("Capacity"),
        _("People's skills are recognised and grown, and they are supported to use them."),
        "ingredients",
    ),
    Term(
        "mutuality",
        _("Mutuality"),
        _(
            "Two-way relationships in which everyone has responsibilities and expectations; taking "
            "part benefits the person before it benefits the project."
        ),
        "ingredients",
    ),
    Term(
        "networks",
        _("Networks"),
        _(
            "Peer and personal networks are valued alongside professionals as the best way to share "
            "and learn."
        ),
        "ingredients",
    ),
    Term(
        "catalysts",
        _("Catalysts"),
        _("People and organisations are helped to make change happen."),
        "ingredients",
    ),
    # Mechanisms.
    Term(
        "time-bank",
        _("Time bank"),
        _(
            "A way for people to help each other: one hour given earns one time credit, whatever the "
            "task, and credits are spent on help from anyone in the bank."
        ),
        "mechanisms",
        ("time-credit", "time-broker"),
    ),
    Term(
        "time-credit",
        _("Time credit"),
        _(
            "One hour of help given or received in a time bank. Credits are not money and are not "
            "income."
        ),
        "mechanisms",
    ),
    Term(
        "community-pot",
        _("Community pot"),
        _(
            "A shared time bank account. Members give spare credits to it, and the broker uses them "
            "for people who cannot give time back, such as someone very unwell."
        ),
        "mechanisms",
        ("time-bank", "time-credit"),
    ),
    Term(
        "time-broker",
        _("Time broker"),
        _(
            "The person who runs a time bank: welcomes members, matches people and keeps the record of "
            "credits trustworthy."
        ),
        "mechanisms",
    ),
    Term(
        "community-directory",
        _("Community directory"),
        _(
            "A shared list of what helps people stay well locally, from formal services to informal "
            "groups, kept up to date together."
        ),
        "mechanisms",
    ),
    Term(
        "participatory-budgeting",
        _("Participatory budgeting"),
        _("Local people deciding together, often by vote, how part of a budget is spent."),
        "mechanisms",
    ),
    Term(
        "good-life-conversation",
        _("Good-life conversation"),
        _(
            "A conversation that starts from what a good life means to the person, their strengths and "
            "networks, before any service is arranged."
        ),
        "mechanisms",
        ("personal-outcomes",),
    ),
    Term(
        "personal-outcomes",
        _("Personal outcomes"),
        _(
            "What matters to the person and why, recorded in conversation and revisited to see what "
            "changed."
        ),
        "mechanisms",
    ),
    Term(
        "self-directed-support",
        _("Self-directed support"),
        _(
            "In Scotland, people choose how their support is arranged: a direct payment, choosing and "
            "having the council arrange it, the council choosing and arranging, or a mix."
        ),
        "mechanisms",
    ),
    Term(
        "commissioning-cycle",
        _("Commissioning cycle"),
        _("How public bodies decide what services to buy: analyse, plan, do and review."),
        "mechanisms",
    ),
    # Platform words.
    Term(
        "assisted-digital",
        _("Acting for someone"),
        _(
            "A member of staff using this site for a person who cannot or would rather not use it "
            "themselves. Everything done is recorded as done on that person's behalf, and by whom."
        ),
        "platform",
    ),
    Term(
        "consent",
        _("Consent"),
        _(
            "A person's agreement to a particular use of their information. It can be given by the "
            "person or by someone entitled to act for them, and withdrawn at any time."
        ),
        "platform",
    ),
    Term(
        "lawful-basis",
        _("Lawful basis"),
        _(
            "The legal reason an organisation may hold and use personal information, such as consent "
            "or carrying out a public task."
        ),
        "platform",
    ),
    Term(
        "pvg",
        _("PVG scheme"),
        _(
            "Protecting Vulnerable Groups: Scotland's disclosure check for people doing regulated work "
            "with children or protected adults, run by Disclosure Scotland."
        ),
        "platform",
    ),
    Term(
        "open-referral",
        _("Open Referral (HSDS)"),
        _(
            "An open standard for lists of local services, so that one directory can share its "
            "entries with others without retyping them. HSDS is its Human Services Data "
            "Specification."
        ),
        "platform",
        ("community-directory",),
        proper_noun=True,
    ),
    Term(
        "extra-care",
        _("Needs extra care"),
        _(
            "A note a broker keeps on a member who may be at more risk, for example living alone "
            "with dementia. Help in their home then needs a checked helper or two people."
        ),
        "platform",
        ("pvg", "dbs"),
    ),
    Term(
        "dbs",
        _("DBS check"),
        _("The Disclosure and Barring Service check used in England and Wales."),
        "platform",
    ),
]

BY_SLUG = {term.slug: term for term in TERMS}


def lookup(slug: str) -> Term | None:
    return BY_SLUG.get(slug)


def grouped() -> list[tuple[str, list[Term]]]:
    return [(label, [t for t in TERMS if t.group == key]) for key, label in GROUPS.items()]
