"""Small-number suppression for figures meant for funders and the public.

A count about fewer than `threshold` people could identify someone, so it is
shown as "fewer than 5"; totals stay, so nobody can subtract to find it.
"""

THRESHOLD = 5


def suppress(count: int, threshold: int = THRESHOLD) -> int | None:
    """The count if it is safe to show, otherwise None (a suppressed cell)."""
    if count < 0:
        raise ValueError("counts cannot be negative")
    return count if count == 0 or count >= threshold else None


def suppress_row(counts: list[int], threshold: int = THRESHOLD) -> list[int | None]:
    """Suppress small cells, and a second cell too if only one would be hidden,
    so the hidden one cannot be worked out from the row total."""
    shown = [suppress(c, threshold) for c in counts]
    hidden = [i for i, value in enumerate(shown) if value is None]
    if len(hidden) == 1:
        candidates = [i for i, value in enumerate(shown) if value not in (None, 0)]
        if candidates:
            smallest = min(candidates, key=lambda i: counts[i])
            shown[smallest] = None
    return shown


def label(value: int | None, threshold: int = THRESHOLD) -> str:
    return f"fewer than {threshold}" if value is None else str(value)
