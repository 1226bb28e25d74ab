"""UK postcodes: check the shape and write them the standard way ("KY1 1AA")."""

import re

_SHAPE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise(text: str) -> str | None:
    """Return the postcode in standard form, or None if it is not shaped like one."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = _SHAPE.match(compact)
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


def outward(postcode: str) -> str:
    return postcode.split(" ", 1)[0]
