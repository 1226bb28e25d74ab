"""The mapping rules, free of any framework: answers in, an explained classification out.

Plain dataclasses in (`Answers`), a `Classification` out, with sentences that
say why in plain words. The Django side (`mapping.classify`) only converts
models to answers and stores what comes back. See DOMAIN.md §1 and §3.
"""

from .classify import classify
from .types import (
    CO_LABELS,
    INGREDIENTS,
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
)

__all__ = [
    "CO_LABELS",
    "INGREDIENTS",
    "Answers",
    "Classification",
    "Co",
    "Ladder",
    "Level",
    "OneWay",
    "Osborne",
    "Scope",
    "Sentence",
    "Who",
    "classify",
]
