"""Links from a person's record to what other capabilities hold about them.

A broker looking at Anne's record should reach her time bank statement, her
safeguarding checks or a shortlist of groups for her in one step. Each app
registers its links here (from its `home.py`), so the record page grows with
the platform without the people app knowing about the others.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest

from .models import Person


@dataclass(frozen=True)
class RecordLink:
    key: str
    label: str
    # (request, person, staff) -> the address, or None when it does not apply
    url: Callable[[HttpRequest, Person, bool], str | None]
    order: int = 100


_links: dict[str, RecordLink] = {}


def register(link: RecordLink) -> None:
    _links[link.key] = link


def links_for(request: HttpRequest, person: Person, *, staff: bool) -> list[tuple[str, str]]:
    """(label, address) for each registered link that applies to this person and viewer."""
    shown = []
    for link in sorted(_links.values(), key=lambda item: (item.order, item.key)):
        address = link.url(request, person, staff)
        if address:
            shown.append((link.label, address))
    return shown
