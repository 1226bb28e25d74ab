"""Focus it and People it (DOMAIN.md §3.2): where an activity or a stakeholder falls.

Scores run from 1 to 5; 3 and above counts as high, so the middle of the
scale leans towards taking something seriously.
"""

from .types import _

HIGH = 3

QUICK_WIN, BIG_BET, SMALL_JOB, HARD_SLOG = "quick_win", "big_bet", "small_job", "hard_slog"
PRIORITY_LABELS = {
    QUICK_WIN: _("Quick win: high impact, low effort. Start here."),
    BIG_BET: _("Big project: high impact, high effort. Make a business case."),
    SMALL_JOB: _("Small job: low impact, low effort. Do it if it is easy."),
    HARD_SLOG: _("Hard slog: low impact, high effort. Avoid."),
}


def priority(impact: float, effort: float) -> str:
    if impact >= HIGH:
        return BIG_BET if effort >= HIGH else QUICK_WIN
    return HARD_SLOG if effort >= HIGH else SMALL_JOB


PARTNERS, KEEP_SATISFIED, INVITE_IN, SILENT = "partners", "keep_satisfied", "invite_in", "silent"
STAKEHOLDER_LABELS = {
    PARTNERS: _(
        "High power, high influence: partners and champions, or potential opponents to win "
        "over. Work closely with them."
    ),
    KEEP_SATISFIED: _("High power, low influence: keep them informed and supportive."),
    INVITE_IN: _("High influence, low power: inform them, show appreciation and invite them in."),
    SILENT: _(
        "Low power, low influence: the silent majority. Find out what they think and explain."
    ),
}


def stakeholder_quadrant(power: float, influence: float) -> str:
    if power >= HIGH:
        return PARTNERS if influence >= HIGH else KEEP_SATISFIED
    return INVITE_IN if influence >= HIGH else SILENT
