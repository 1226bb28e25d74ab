"""Glenbrae's mapping register: a dozen initiatives of every kind, classified
honestly, with self-assessments from staff and from people who use services
that disagree where they realistically would. Safe to run again."""

import datetime
from decimal import Decimal

from core import linkables
from people.demo import personas
from people.models import Organisation

from . import services
from .models import (
    Factor,
    Initiative,
    Invitation,
    Stakeholder,
    period_of,
)
from .selectors import picture

ORDER = 50

P, ORGS, T, C, N = "professionals", "organisations", "together", "citizens", "nobody"

# name, lead, partners, owner, client group, stage, funding, short-term, purpose,
# answers (defined, decided, designed, delivered, assessed, views_only, power, budget,
# citizens fund, scope, one way), participation [(who, part, number)], factors, link hint
INITIATIVES = [
    (
        "Glenbrae Time Bank",
        "glenbrae-voluntary-action",
        ["glenbrae-hscp"],
        "morag",
        "everyone",
        "do",
        38000,
        True,
        "Neighbours swap an hour of help for an hour of help, brokered by Glenbrae Voluntary Action.",
        (T, T, T, C, N, False, False, False, False, "system", "none"),
        [
            ("users", "delivering", 140),
            ("volunteers", "delivering", 60),
            ("frontline", "delivering", 2),
        ],
        ["Trust", "Dedicated resources", "Short-term funding", "Reciprocity misunderstood"],
        ("timebank.timebank", "time bank"),
    ),
    (
        "Inverbrae Dementia Café",
        "inverbrae-dementia-friends",
        ["glenbrae-hscp", "nhs-glenbrae"],
        "fiona",
        "dementia",
        "do",
        4500,
        True,
        "A monthly café planned and hosted with people living with dementia and their carers.",
        (T, T, T, T, N, False, False, False, True, "system", "none"),
        [
            ("users", "delivering", 18),
            ("carers", "delivering", 14),
            ("volunteers", "delivering", 6),
        ],
        ["Individual leadership", "Trust", "Carers' lack of time", "Short-term funding"],
        ("directory.service", "dementia"),
    ),
    (
        "Older People's Services Consortium",
        "glenbrae-hscp",
        ["glenbrae-council", "nhs-glenbrae", "glenbrae-voluntary-action", "glenbrae-carers-centre"],
        "fiona",
        "older_people",
        "plan",
        250000,
        False,
        "Statutory and third-sector providers plan and deliver older people's services together.",
        (ORGS, ORGS, ORGS, ORGS, P, False, False, False, False, "system", "informed"),
        [
            ("managers", "planning", 9),
            ("third_sector", "planning", 5),
            ("frontline", "delivering", 40),
        ],
        ["Working in silos", "Power imbalance", "Lack of representation", "Jargon"],
        None,
    ),
    (
        "Day Services Review",
        "glenbrae-hscp",
        ["glenbrae-council"],
        "fiona",
        "disabled",
        "analyse",
        15000,
        False,
        "A survey and two public meetings about the future of day services.",
        (P, P, P, P, N, True, False, False, False, "system", "none"),
        [("users", "views", 210), ("carers", "views", 95), ("managers", "planning", 4)],
        ["Fear of uncertainty", "Scepticism", "Targets"],
        None,
    ),
    (
        "Carers' Commissioning Board",
        "glenbrae-carers-centre",
        ["glenbrae-hscp"],
        "fiona",
        "carers",
        "plan",
        120000,
        False,
        "Carers decide how the short-breaks budget is spent, with commissioners in support.",
        (C, C, T, T, C, False, True, True, False, "system", "none"),
        [("carers", "planning", 11), ("managers", "planning", 2), ("elected", "planning", 1)],
        [
            "The leap of faith: sharing decision and budget power",
            "Accountability and transparency",
            "Carers' lack of time",
        ],
        None,
    ),
    (
        "Kirkton Community Choices",
        "kirkton-community-trust",
        ["glenbrae-council"],
        "kirsty",
        "everyone",
        "plan",
        40000,
        True,
        "Residents propose and vote on small grants for Kirkton groups.",
        (T, C, C, C, T, False, True, True, False, "system", "none"),
        [
            ("community", "planning", 320),
            ("volunteers", "delivering", 25),
            ("frontline", "using", 2),
        ],
        [
            "The leap of faith: sharing decision and budget power",
            "Legislation",
            "Short-term funding",
        ],
        None,
    ),
    (
        "Brae Food Train",
        "brae-food-train",
        ["glenbrae-council"],
        "iain",
        "older_people",
        "do",
        22000,
        False,
        "Volunteers deliver groceries to older people who cannot get to the shops.",
        (P, P, P, C, N, False, False, False, True, "system", "none"),
        [("volunteers", "delivering", 45), ("users", "using", 130)],
        ["Dedicated resources", "Skills and time", "Data protection"],
        ("directory.service", "food"),
    ),
    (
        "Strathmuir Men's Shed",
        "strathmuir-mens-shed",
        [],
        "iain",
        "mental_health",
        "do",
        6000,
        True,
        "Men run their own workshop, sharing skills and looking out for each other.",
        (C, C, C, C, N, False, True, False, True, "system", "none"),
        [("community", "delivering", 28)],
        ["Culture change", "Trust", "Resources"],
        ("directory.service", "shed"),
    ),
    (
        "Home Care User Inspectors",
        "glenbrae-council",
        ["glenbrae-hscp"],
        "iain",
        "older_people",
        "review",
        8000,
        False,
        "People who use home care visit and rate providers alongside the contracts team.",
        (P, P, P, P, C, False, False, False, False, "system", "none"),
        [("users", "assessing", 7), ("managers", "assessing", 2)],
        ["Accountability and transparency", "Over-regulation", "Skills and time"],
        None,
    ),
    (
        "Good Conversations for Self-directed Support",
        "glenbrae-council",
        ["glenbrae-hscp"],
        "iain",
        "disabled",
        "do",
        None,
        False,
        "Social workers and people plan their own support, starting from what matters to them.",
        (T, T, C, P, N, False, False, False, False, "individual", "none"),
        [("users", "designing", 300), ("frontline", "designing", 30)],
        ["Culture change", "Learning capacity", "Commissioning that ignores co-production"],
        None,
    ),
    (
        "Falls Prevention Classes",
        "nhs-glenbrae",
        [],
        "fiona",
        "long_term",
        "do",
        30000,
        False,
        "Physiotherapists teach strength and balance exercises to people at risk of falls.",
        (P, P, P, P, P, False, False, False, False, "individual", "educated"),
        [("users", "using", 160), ("frontline", "delivering", 6)],
        ["Targets", "Lack of evidence of value"],
        None,
    ),
    (
        "Good Grub Community Meals",
        "good-grub-cafe",
        ["kirkton-community-trust"],
        "fiona",
        "everyone",
        "do",
        9000,
        True,
        "A pay-what-you-can lunch cooked with local volunteers.",
        (P, P, T, T, T, False, False, False, True, "system", "none"),
        [("community", "delivering", 20), ("users", "using", 90)],
        ["Individual leadership", "Short-term funding", "Personal circumstances"],
        None,
    ),
    (
        "Hospital Discharge Redesign",
        "glenbrae-hscp",
        ["nhs-glenbrae", "glenbrae-council"],
        "fiona",
        "older_people",
        "analyse",
        60000,
        False,
        "Getting people home from hospital sooner, with the right support in place.",
        None,
        [("managers", "planning", 6), ("frontline", "planning", 12)],
        ["Working in silos", "Data protection"],
        None,
    ),
]
# The order of the answers in INITIATIVES above.
FIELDS = services.ANSWER_FIELDS

# Self-assessments: initiative, group, label, ratings (assets … catalysts), evidence.
ASSESSMENTS = [
    (
        "Older People's Services Consortium",
        "staff",
        "Service manager",
        (4, 4, 4, 4, 5, 4),
        "We work really well across organisations now.",
    ),
    (
        "Older People's Services Consortium",
        "staff",
        "Third-sector lead",
        (4, 3, 4, 4, 5, 4),
        "The partners trust each other.",
    ),
    (
        "Older People's Services Consortium",
        "users",
        "Day centre member",
        (2, 1, 2, 2, 3, 1),
        "Nobody asked us. We hear about changes after they happen.",
    ),
    (
        "Older People's Services Consortium",
        "carers",
        "Carer of a day centre member",
        (2, 1, 2, 1, 2, 2),
        "Meetings are in the daytime, full of initials I don't know.",
    ),
    (
        "Day Services Review",
        "staff",
        "Review lead",
        (4, 3, 3, 3, 3, 4),
        "Hundreds of people gave their views.",
    ),
    (
        "Day Services Review",
        "users",
        "Day centre member",
        (2, 1, 2, 1, 2, 1),
        "We filled in a survey. Then they decided.",
    ),
    (
        "Inverbrae Dementia Café",
        "staff",
        "Dementia nurse",
        (4, 4, 4, 4, 4, 3),
        "People with dementia choose what happens each month.",
    ),
    (
        "Inverbrae Dementia Café",
        "users",
        "Café regular",
        (4, 3, 4, 5, 4, 3),
        "I bake for it. It feels like ours, but the money side is not.",
    ),
    (
        "Inverbrae Dementia Café",
        "carers",
        "Husband of a café regular",
        (4, 3, 3, 4, 5, 3),
        "It is the one place we both look forward to.",
    ),
    (
        "Strathmuir Men's Shed",
        "staff",
        "Community link worker",
        (3, 3, 3, 3, 3, 3),
        "It runs itself; I am not sure how to measure it.",
    ),
    (
        "Strathmuir Men's Shed",
        "users",
        "Shed member",
        (5, 5, 5, 5, 5, 4),
        "We run it. I teach joinery and I am learning to weld.",
    ),
    (
        "Glenbrae Time Bank",
        "staff",
        "Time broker",
        (5, 4, 4, 5, 4, 4),
        "Everyone's hour counts the same.",
    ),
    (
        "Glenbrae Time Bank",
        "users",
        "Time bank member",
        (4, 3, 4, 3, 4, 3),
        "I give more than I ask for; asking is hard.",
    ),
    (
        "Carers' Commissioning Board",
        "staff",
        "Commissioner",
        (4, 4, 4, 4, 3, 5),
        "The carers decide; we bring the figures.",
    ),
    (
        "Carers' Commissioning Board",
        "carers",
        "Board member",
        (4, 4, 3, 4, 3, 4),
        "We decide, but the paperwork takes over our evenings.",
    ),
    (
        "Carers' Commissioning Board",
        "partners",
        "Carers centre manager",
        (4, 4, 4, 4, 4, 4),
        "A real change in who holds the purse.",
    ),
]

ACTIVITIES = [
    (
        "User ratings of home care",
        "Ask people who use home care to rate their visits.",
        [(5, 2), (4, 2), (4, 1)],
    ),
    (
        "Peer support for carers",
        "Carers supporting carers after diagnosis.",
        [(4, 2), (5, 3), (4, 2)],
    ),
    (
        "A co-produced day services plan",
        "Design the future of day services with members.",
        [(5, 4), (4, 5)],
    ),
    (
        "New case management system",
        "Replace the IT system used by social workers.",
        [(2, 5), (1, 5), (2, 4)],
    ),
    (
        "Newsletter about co-production",
        "A quarterly newsletter to every household.",
        [(2, 2), (1, 2)],
    ),
]
STAKEHOLDERS = [
    ("Integration Joint Board", 5, 4, "Sets the budget; needs evidence."),
    ("Glenbrae Carers Centre", 3, 5, "Champions of the carers' board."),
    ("Elected members", 5, 2, "Interested when constituents complain."),
    ("Day centre members", 2, 5, "Most affected by the review."),
    ("GP practices", 4, 2, "Refer people but rarely involved."),
    ("Residents of Strathmuir", 1, 2, "Mostly unaware of the partnership's plans."),
]


def seed(ctx) -> str:
    partnership = ctx.partnership
    if Initiative.objects.filter(partnership=partnership).exists():
        return ""
    people = personas(partnership)
    orgs = {o.slug: o for o in Organisation.objects.filter(partnership=partnership)}
    factors = {f.name: f for f in Factor.objects.filter(partnership__isnull=True)}
    made = {}
    for index, row in enumerate(INITIATIVES):
        (
            name,
            lead,
            partners,
            owner,
            group,
            stage,
            amount,
            short,
            purpose,
            answers,
            taking_part,
            factor_names,
            link,
        ) = row
        owner = people[owner]
        initiative = Initiative(
            partnership=partnership,
            name=name,
            purpose=purpose,
            owner=owner,
            lead_organisation=orgs[lead],
            client_group=group,
            stage=stage,
            status=Initiative.Status.RUNNING,
            starts_on=ctx.today - datetime.timedelta(days=900 - 60 * index),
            funding_amount=Decimal(amount) if amount else None,
            funding_source="Partnership change fund" if short else "Core budget",
            short_term_funding=short,
        )
        by = owner.user
        services.initiative_save(
            initiative=initiative, partners=[orgs[p] for p in partners], by=by, created=True
        )
        services.participation_set(initiative=initiative, rows=taking_part, by=by)
        services.initiative_factors_set(
            initiative=initiative, factors=[factors[n] for n in factor_names], by=by
        )
        if link:
            _link(initiative, *link, by=by)
        made[name] = (initiative, answers, owner)
    # Classify most, keep last quarter's picture, then the rest: the board sees change.
    names = [row[0] for row in INITIATIVES]
    for name in names[:8]:
        _classify(*made[name])
    last_quarter = ctx.today - datetime.timedelta(days=92)
    services.snapshot_take(
        partnership=partnership,
        period=period_of(last_quarter),
        data=picture(partnership).as_data(),
        by=people["fiona"].user,
        person=people["fiona"],
    )
    for name in names[8:]:
        _classify(*made[name])
    consortium = made["Older People's Services Consortium"][0]
    services.classification_disagree(
        classification=consortium.classification,
        reason="Carers' centre staff sit on the consortium and speak for carers.",
        view="Co-production",
        by=people["fiona"].user,
        person=people["fiona"],
    )
    _assessments(made, people)
    _focus(partnership, people)
    services.snapshot_take(
        partnership=partnership,
        period=period_of(ctx.today),
        data=picture(partnership).as_data(),
        by=people["fiona"].user,
        person=people["fiona"],
    )
    return f"{len(made)} initiatives, {len(ASSESSMENTS)} self-assessments"


def _classify(initiative, answers, owner) -> None:
    if answers is None:
        return
    services.classification_answer(
        initiative=initiative,
        answers=dict(zip(FIELDS, answers, strict=True)),
        by=owner.user,
        person=owner,
    )


def _link(initiative, key, hint, *, by) -> None:
    """Link by name, and only if the app that owns such things is installed here."""
    linkable = linkables.get(key)
    if linkable is None:
        return
    for thing in linkable.choices(initiative.partnership):
        if hint.lower() in str(thing).lower():
            services.link_add(initiative=initiative, key=key, object_id=thing.pk, by=by)
            return


def _assessments(made, people) -> None:
    fiona = people["fiona"]
    ingredients = ("assets", "shared_roles", "capacity", "mutuality", "networks", "catalysts")
    for index, (name, group, label, ratings, words) in enumerate(ASSESSMENTS):
        initiative = made[name][0]
        invitation, _token = services.invitation_create(
            initiative=initiative,
            group=group,
            label=label,
            person=None,
            by=fiona.user,
            inviter=fiona,
        )
        on_paper = group in ("users", "carers") and index % 2 == 0
        services.ingredients_answer(
            invitation=invitation,
            ratings={
                i: (r, words if n == 0 else "")
                for n, (i, r) in enumerate(zip(ingredients, ratings, strict=True))
            },
            by=fiona.user if on_paper else None,
            entered_by=fiona if on_paper else None,
            mode=Invitation.Mode.PAPER if on_paper else Invitation.Mode.ONLINE,
        )
    # Claire has been asked about the time bank and has not answered yet.
    services.invitation_create(
        initiative=made["Glenbrae Time Bank"][0],
        group="users",
        label="Claire",
        person=people["claire"],
        by=fiona.user,
        inviter=fiona,
    )


def _focus(partnership, people) -> None:
    scorers = [people["fiona"], people["bill"], people["alasdair"]]
    for name, description, scores in ACTIVITIES:
        activity = services.activity_add(
            partnership=partnership, name=name, description=description, by=people["fiona"].user
        )
        for scorer, (impact, effort) in zip(scorers, scores, strict=False):
            services.activity_score(
                activity=activity, scorer=scorer, impact=impact, effort=effort, by=scorer.user
            )
    for name, power, influence, note in STAKEHOLDERS:
        services.stakeholder_save(
            stakeholder=Stakeholder(
                partnership=partnership, name=name, power=power, influence=influence, note=note
            ),
            by=people["fiona"].user,
        )
    for step, status, note in (
        ("map", "done", "Every initiative we know of is on the register and classified."),
        ("focus", "under_way", "Candidate activities scored by the board."),
        ("people", "under_way", "Stakeholder grid drafted."),
    ):
        services.step_update(
            partnership=partnership, step=step, status=status, note=note, by=people["fiona"].user
        )
