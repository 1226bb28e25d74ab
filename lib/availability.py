"""Availability as a bit mask: seven days times three parts of the day.

Bit (day * 3 + part) is set when the person is free then; day 0 is Monday,
part 0 the morning. Two masks overlap where their AND is non-zero, which
makes matching cheap.
"""

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS = ("morning", "afternoon", "evening")
ALL = (1 << (len(DAYS) * len(PARTS))) - 1


def slot(day: int, part: int) -> int:
    if not (0 <= day < len(DAYS) and 0 <= part < len(PARTS)):
        raise ValueError("no such day or part of the day")
    return 1 << (day * len(PARTS) + part)


def from_slots(slots: list[str]) -> int:
    """Build a mask from codes like "mon_morning"."""
    mask = 0
    for code in slots:
        day, _, part = code.partition("_")
        mask |= slot(DAYS.index(day), PARTS.index(part))
    return mask


def to_slots(mask: int) -> list[str]:
    return [
        f"{day}_{part}"
        for d, day in enumerate(DAYS)
        for p, part in enumerate(PARTS)
        if mask & slot(d, p)
    ]


def overlap(a: int, b: int) -> int:
    """How many slots two masks share."""
    return (a & b).bit_count()
