"""What a concern or a visit is about, in another app's words.

A subject is a string like "timebank.exchange:42". An app may register a
function that turns its ids into a label and a link for staff pages; without
one, the subject is shown as it is.
"""

from collections.abc import Callable

Describe = Callable[[int], tuple[str, str] | None]
_describers: dict[str, Describe] = {}


def register(prefix: str, describe: Describe) -> None:
    """register("timebank.exchange", lambda pk: (label, url) or None)."""
    _describers[prefix] = describe


def describe(subject: str) -> dict | None:
    if not subject:
        return None
    prefix, _sep, pk = subject.partition(":")
    found = None
    if prefix in _describers and pk.isdigit():
        found = _describers[prefix](int(pk))
    if found is None:
        return {"label": subject, "url": ""}
    return {"label": found[0], "url": found[1]}
