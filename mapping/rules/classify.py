"""From the plain answers to the four Co's, Osborne, Needham and Carr, and the ladder.

The order of the rules matters where answers contradict each other: "only asked
for views" wins over claims of a bigger part, because the most common failure
is calling consultation co-production (DOMAIN.md §1). Every combination of
answers gives a classification and at least one sentence saying why.
"""

from .types import (
    LED,
    NONE,
    SHARED,
    VIEWS,
    Answers,
    Classification,
    Co,
    Ladder,
    Level,
    OneWay,
    Osborne,
    Scope,
    Sentence,
    Who,
    _,
)

STAGES = {
    "defined": _("defining the problem"),
    "decided": _("deciding"),
    "designed": _("designing"),
    "delivered": _("delivering"),
    "assessed": _("assessing how it went"),
}
WHO_NAMES = {
    Who.NOBODY: _("nobody"),
    Who.PROFESSIONALS: _("professionals"),
    Who.ORGANISATIONS: _("organisations working together"),
    Who.TOGETHER: _("people who use services together with professionals"),
    Who.CITIZENS: _("people who use services themselves"),
}
LADDER_NAMES = {
    Ladder.COERCION: _("coercion"),
    Ladder.EDUCATING: _("educating"),
    Ladder.INFORMING: _("informing"),
    Ladder.CONSULTATION: _("consultation"),
    Ladder.ENGAGEMENT: _("engagement"),
    Ladder.CO_DESIGN: _("co-design"),
    Ladder.CO_PRODUCTION: _("co-production"),
}
LEVEL_NAMES = {
    Level.DESCRIPTIVE: _("descriptive"),
    Level.INTERMEDIATE: _("intermediate"),
    Level.TRANSFORMATIVE: _("transformative"),
}


def classify(answers: Answers) -> Classification:
    a = answers
    warnings: list[Sentence] = []
    stages = {name: getattr(a, name) for name in STAGES}
    claimed = [name for name, who in stages.items() if who.involves_citizens]
    if a.views_only and (claimed or a.budget_moved or a.power_moved):
        warnings.append(
            Sentence(
                _(
                    "You said people were only asked for their views, but also that they had a "
                    "bigger part. We have gone by 'only asked for their views'; change that answer "
                    "if they really did more."
                )
            )
        )
    # Citizens' real part in each stage, once "only asked for views" is applied.
    part = {name: who.involves_citizens and not a.views_only for name, who in stages.items()}
    power = (a.power_moved or a.budget_moved) and not a.views_only

    cos, sub_types = _four_cos(a, stages, part, warnings)
    any_citizen = any(strength >= SHARED for strength in cos.values())
    voice = part["defined"] or part["decided"] or part["designed"] or part["assessed"]
    voice = voice or ((a.budget_moved or a.citizens_fund) and not a.views_only)

    between = []
    if Who.ORGANISATIONS in (a.defined, a.decided, a.designed):
        between.append("co-governance")
    if Who.ORGANISATIONS in (a.delivered, a.assessed):
        between.append("co-management")
    really_between = bool(between) and not any_citizen

    osborne = _osborne(a.scope, voice)
    level = _level(a, part, power, any_citizen, warnings)
    ladder = _ladder(a, part, any_citizen)

    if a.citizens_take_part is False and any_citizen:
        warnings.append(
            Sentence(
                _(
                    "The register says no people who use services, carers, families or community "
                    "members take part, yet the answers give them a part. Check who takes part."
                )
            )
        )

    why = [_headline(a, ladder, level, between, really_between, stages)]
    why += _co_sentences(cos)
    why.append(_osborne_sentence(osborne, really_between))
    why.append(_level_sentence(level))
    why.append(
        Sentence(
            _("On the ladder of participation this is %(rung)s."),
            {"rung": LADDER_NAMES[ladder]},
        )
    )
    return Classification(
        cos=cos,
        sub_types=sub_types,
        osborne=osborne,
        between_organisations=tuple(between),
        really_between_organisations=really_between,
        level=level,
        ladder=ladder,
        why=tuple(why),
        warnings=tuple(warnings),
    )


def _strength(who: Who, views_only: bool) -> int:
    if who is Who.NOBODY:
        return NONE
    if views_only:
        return VIEWS
    if who is Who.CITIZENS:
        return LED
    return SHARED if who is Who.TOGETHER else NONE


def _four_cos(a, stages, part, warnings):
    v = a.views_only
    commissioning = max(_strength(a.defined, v), _strength(a.decided, v))
    planning = []
    if part["defined"]:
        planning.append("co-planning")
    if part["decided"] or (a.budget_moved and not v):
        planning.append("co-prioritisation")
    if a.citizens_fund and not v:
        planning.append("co-financing")
    if planning:
        commissioning = max(commissioning, SHARED)
    if a.budget_moved and not v and not part["decided"]:
        warnings.append(
            Sentence(
                _(
                    "You said people controlled a budget, but not that they decided anything. "
                    "Whoever spends a budget decides: check the answer about who decided."
                )
            )
        )
    delivery_types = {Who.CITIZENS: ("co-managing",), Who.TOGETHER: ("co-performing",)}
    assessment_types = {Who.TOGETHER: ("co-monitoring",), Who.CITIZENS: ("co-evaluation",)}
    cos = {
        Co.COMMISSIONING: commissioning,
        Co.DESIGN: _strength(a.designed, v),
        Co.DELIVERY: _strength(a.delivered, v),
        Co.ASSESSMENT: _strength(a.assessed, v),
    }
    sub_types = {
        Co.COMMISSIONING: tuple(planning),
        Co.DESIGN: (),
        Co.DELIVERY: () if v else delivery_types.get(a.delivered, ()),
        Co.ASSESSMENT: () if v else assessment_types.get(a.assessed, ()),
    }
    return cos, sub_types


def _osborne(scope: Scope, voluntary: bool) -> Osborne:
    """Osborne's two dimensions: one person's service or the system; taken part by choice or not."""
    if scope is Scope.INDIVIDUAL:
        return Osborne.CO_DESIGN if voluntary else Osborne.CO_PRODUCTION
    return Osborne.CO_INNOVATION if voluntary else Osborne.CO_CONSTRUCTION


def _level(a, part, power, any_citizen, warnings) -> Level:
    if power and (part["decided"] or part["defined"]):
        return Level.TRANSFORMATIVE
    if power:
        warnings.append(
            Sentence(
                _(
                    "You said power or budget moved to people who use services, but professionals "
                    "or organisations still decided. Until they share the decisions, this is not "
                    "transformative."
                )
            )
        )
    return Level.INTERMEDIATE if any_citizen else Level.DESCRIPTIVE


def _ladder(a, part, any_citizen) -> Ladder:
    shaped = part["designed"] or part["decided"] or part["defined"]
    if part["designed"] and part["delivered"] and (part["decided"] or part["defined"]):
        return Ladder.CO_PRODUCTION
    if shaped:
        return Ladder.CO_DESIGN
    if any_citizen:
        return Ladder.ENGAGEMENT
    if a.views_only:
        return Ladder.CONSULTATION
    return {
        OneWay.REQUIRED: Ladder.COERCION,
        OneWay.EDUCATED: Ladder.EDUCATING,
    }.get(a.one_way, Ladder.INFORMING)


def _headline(a, ladder, level, between, really_between, stages) -> Sentence:
    if really_between:
        kind = " and ".join(between)
        return Sentence(
            _(
                "Organisations worked together, but people who use services had no part in "
                "defining, deciding, designing, delivering or assessing it: this is %(kind)s "
                "between organisations, not co-production."
            ),
            {"kind": kind},
        )
    if ladder is Ladder.CONSULTATION:
        return Sentence(
            _(
                "People were asked for their views, but %(decider)s decided: this is "
                "consultation, not co-design."
            ),
            {"decider": WHO_NAMES[_decider(a.decided)]},
        )
    if ladder < Ladder.CONSULTATION:
        return Sentence(
            _(
                "People who use services had no say in it: this is done to or for people "
                "(%(rung)s), not with them."
            ),
            {"rung": LADDER_NAMES[ladder]},
        )
    if level is Level.TRANSFORMATIVE:
        return Sentence(
            _(
                "People who use services share the decisions and power or budget moved to "
                "them: this is transformative co-production, at the %(rung)s step of the ladder."
            ),
            {"rung": LADDER_NAMES[ladder]},
        )
    if ladder is Ladder.CO_DESIGN:
        return Sentence(
            _(
                "People who use services had a real say in shaping it, but did not also see "
                "it through in delivery: this is co-design, at the %(level)s level."
            ),
            {"level": LEVEL_NAMES[level]},
        )
    if ladder is Ladder.ENGAGEMENT:
        return Sentence(
            _(
                "People who use services take part in delivering or checking it, but "
                "professionals shaped and decided it: this is engagement, at the %(level)s level."
            ),
            {"level": LEVEL_NAMES[level]},
        )
    return Sentence(
        _(
            "People who use services shaped, decided and delivered it with professionals, but "
            "power did not move to them: this is co-production at the %(level)s level."
        ),
        {"level": LEVEL_NAMES[level]},
    )


def _decider(who: Who) -> Who:
    """Who really decided when people were only consulted: never the citizens."""
    return who if who in (Who.PROFESSIONALS, Who.ORGANISATIONS) else Who.PROFESSIONALS


def _co_sentences(cos) -> list[Sentence]:
    practised = [co for co, strength in cos.items() if strength >= SHARED]
    led = [co for co, strength in cos.items() if strength == LED]
    names = {
        Co.COMMISSIONING: _("co-commissioning"),
        Co.DESIGN: _("co-design"),
        Co.DELIVERY: _("co-delivery"),
        Co.ASSESSMENT: _("co-assessment"),
    }
    sentences = []
    if not practised:
        sentences.append(Sentence(_("None of the four Co's is practised with citizens here.")))
    for co in practised:
        template = (
            _("It practises %(co)s, led by citizens.")
            if co in led
            else _("It practises %(co)s, with citizens and professionals together.")
        )
        sentences.append(Sentence(template, {"co": names[co]}))
    if Co.ASSESSMENT not in practised:
        sentences.append(
            Sentence(_("Citizens do not help judge how well it works (no co-assessment)."))
        )
    return sentences


def _osborne_sentence(osborne: Osborne, really_between: bool) -> Sentence:
    text = {
        Osborne.CO_PRODUCTION: _(
            "In Osborne's terms it is co-production in the everyday sense: each person's support "
            "is made in the meeting between them and staff, without them choosing to shape it."
        ),
        Osborne.CO_CONSTRUCTION: _(
            "In Osborne's terms it is co-construction: people shape the service only through "
            "their experience of using it, not by choosing to change it."
        ),
        Osborne.CO_DESIGN: _(
            "In Osborne's terms it is co-design: people choose to shape their own support."
        ),
        Osborne.CO_INNOVATION: _(
            "In Osborne's terms it is co-innovation: people choose to shape the service for "
            "everyone, for the future."
        ),
    }[osborne]
    if really_between:
        return Sentence(
            _(
                "%(osborne)s What is described is organisations working together, which is real "
                "but is not co-production with the people who use services."
            ),
            {"osborne": text},
        )
    return Sentence(text)


def _level_sentence(level: Level) -> Sentence:
    return Sentence(
        {
            Level.DESCRIPTIVE: _(
                "Needham and Carr would call this descriptive: it relies on what people already "
                "do, and nothing about who holds power changes."
            ),
            Level.INTERMEDIATE: _(
                "Needham and Carr would call this intermediate: people's contributions are "
                "recognised and supported, but power stays where it was."
            ),
            Level.TRANSFORMATIVE: _(
                "Needham and Carr would call this transformative: power and control have moved "
                "to people who use services."
            ),
        }[level]
    )
