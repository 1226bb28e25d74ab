"""A page of search results as cards: the few facts the results list shows.

The search page is the directory's busiest, so a page of results is read as
plain rows (`.values()`) rather than profiles with their services attached,
and each card's sentences are put together here once rather than by a dozen
template tags per result. The sentences are the same translatable strings
the template used.
"""

import uuid
from typing import TypedDict

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat, truncatewords
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Capacity
from .search import KM_PER_MILE

PER_PAGE = 20
# What a card needs, and nothing else (never an address: confidential ones stay hidden).
CARD_FIELDS = (
    "service_id",
    "service__name",
    "service__description",
    "service__assured_date",
    "is_free",
    "capacity",
    "score",
)


class Card(TypedDict):
    """One result. A dict, not an object: the template engine looks keys up first."""

    url: str
    name: str
    summary: str
    facts: str
    miles: float | None


class _Words:
    """A page's sentences and links, translated and reversed once for its twenty cards."""

    # Any id will do: the page's addresses are this one with the id swapped in.
    ANY_ID = uuid.UUID(int=0)

    def __init__(self, place):
        self.serves = _("Serves your area.") if place else None
        self.free = _("Free.")
        self.capacity = {
            Capacity.FULL: _("Full just now."),
            Capacity.WAITING_LIST: _("Has a waiting list."),
        }
        self.miles = _("%(miles)s miles away.")
        self.checked = _("Last checked %(date)s.")
        self.unchecked = _("Not checked yet.")
        self.url = reverse("directory:service", args=[self.ANY_ID])

    def facts(self, row: dict, miles: float | None) -> str:
        words = []
        if miles is not None:
            words.append(self.miles % {"miles": floatformat(miles, 1)})
        elif self.serves:
            words.append(self.serves)
        if row["is_free"]:
            words.append(self.free)
        if row["capacity"] in self.capacity:
            words.append(self.capacity[row["capacity"]])
        if row["service__assured_date"]:
            words.append(self.checked % {"date": date_filter(row["service__assured_date"], "F Y")})
        else:
            words.append(self.unchecked)
        return " ".join(words)

    def card(self, row: dict) -> Card:
        distance = row.get("distance")
        miles = distance / KM_PER_MILE if distance is not None else None
        return Card(
            url=self.url.replace(str(self.ANY_ID), str(row["service_id"])),
            name=row["service__name"],
            summary=truncatewords(row["service__description"], 30),
            facts=self.facts(row, miles),
            miles=miles,
        )


def page_of_cards(qs, number_text, place) -> Page:
    """A page of cards and the total in one query (COUNT(*) OVER ()), not two."""
    try:
        number = max(1, int(number_text or 1))
    except ValueError:
        number = 1
    fields = CARD_FIELDS + (("distance",) if place else ())
    rows_qs = qs.values(*fields)
    start = (number - 1) * PER_PAGE
    rows = list(rows_qs.annotate(total=Window(Count("pk")))[start : start + PER_PAGE])
    total = rows[0]["total"] if rows else qs.count()
    paginator = Paginator(range(total), PER_PAGE)
    paginator.count = total
    if not rows and total:
        # Past the last page: show the last one, as Paginator.get_page does.
        number = paginator.num_pages
        start = (number - 1) * PER_PAGE
        rows = list(rows_qs[start : start + PER_PAGE])
    words = _Words(place)
    return Page([words.card(row) for row in rows], number, paginator)
