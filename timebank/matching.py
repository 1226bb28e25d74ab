"""Suggested helpers for a request, each score explained in words.

A helper scores for offering this kind of help, living near, being free
when the help is wanted, and not having helped a lot lately (so the load is
spread). Safeguarding decides whether they may take it on at all: those who
may not are listed last, with the reasons, so the broker sees why.
"""

import datetime
import math
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lib import availability
from lib.postcode import normalise
from people.models import PersonAsset

from .models import Account, Exchange, Listing, Where

RECENT_DAYS = 30


@lru_cache(maxsize=1)
def _demo_centroids() -> dict[str, tuple[float, float]]:
    """The demo geography's postcode centres (used when none were imported)."""
    from core.demo.geography import postcodes

    return {row["postcode"]: (row["latitude"], row["longitude"]) for row in postcodes()}


def centroids(postcodes) -> dict[str, tuple[float, float]]:
    """Where these postcodes are: from the postcode directory loaded with
    `manage.py import_postcodes` (one query for them all), else the demo's."""
    from django.apps import apps

    codes = {code for code in (normalise(p or "") for p in postcodes) if code}
    found: dict[str, tuple[float, float]] = {}
    if codes and apps.is_installed("directory"):
        from directory.models import Postcode

        rows = Postcode.objects.filter(postcode__in=codes)
        found = {
            code: (lat, lng)
            for code, lat, lng in rows.values_list("postcode", "latitude", "longitude")
        }
    demo = _demo_centroids()
    found.update({code: demo[code] for code in codes - found.keys() if code in demo})
    return found


KM_PER_MILE = 1.609344


def distance_km(a: str, b: str, known: dict | None = None) -> float | None:
    known = centroids([a, b]) if known is None else known
    pa, pb = known.get(normalise(a or "") or ""), known.get(normalise(b or "") or "")
    if pa is None or pb is None:
        return None
    lat1, lng1, lat2, lng2 = map(math.radians, (*pa, *pb))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


@dataclass
class Suggestion:
    account: Account
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    allowed: bool = True
    needs_second_person: bool = False
    cautions: list[str] = field(default_factory=list)

    @property
    def rank_key(self):
        return (not self.allowed and not self.needs_second_person, -self.score, self.account.pk)


def _offer_score(s: Suggestion, request: Listing, offers: dict, assets: set) -> None:
    offer = offers.get(s.account.pk)
    if offer is not None:
        s.score += 3
        s.reasons.append(
            _("Offers %(category)s: “%(title)s”.")
            % {"category": request.category, "title": offer.title}
        )
    elif s.account.person_id in assets:
        s.score += 1.5
        s.reasons.append(
            _("Lists %(category)s among what they bring.") % {"category": request.category}
        )
    else:
        s.reasons.append(_("Has not offered this kind of help."))


def _distance_score(s: Suggestion, request: Listing, requester, known: dict) -> None:
    helper = s.account.person
    if request.where == Where.REMOTE:
        s.score += 1
        s.reasons.append(_("By phone or online, so distance does not matter."))
        return
    km = (
        distance_km(helper.postcode, getattr(requester, "postcode", ""), known)
        if requester
        else None
    )
    if km is not None:
        points = 2 if km < 1 else 1.5 if km < 3 else 1 if km < 6 else 0
        s.score += points
        # Miles, as people in the UK reckon distance (and as the directory shows it).
        s.reasons.append(_("Lives about %(miles).1f miles away.") % {"miles": km / KM_PER_MILE})
    elif request.area_id and helper.area_id == request.area_id:
        s.score += 1
        s.reasons.append(_("Lives in the same area (%(area)s).") % {"area": request.area})
    else:
        s.reasons.append(_("Distance not known."))


def _availability_score(s: Suggestion, request: Listing, offers: dict) -> None:
    wanted = request.availability
    if not wanted:
        return
    offer = offers.get(s.account.pk)
    free = s.account.person.availability | (offer.availability if offer else 0)
    shared = availability.overlap(wanted, free)
    if shared:
        s.score += min(shared, 3) * 0.5
        s.reasons.append(_("Free at %(n)s of the times wanted.") % {"n": shared})
    elif free:
        s.reasons.append(_("Not usually free at the times wanted."))
    else:
        s.reasons.append(_("Has not said when they are free."))


def _load_score(s: Suggestion, recent: dict) -> None:
    n = recent.get(s.account.pk, 0)
    if n == 0:
        s.score += 1
        s.reasons.append(
            _("Has not helped in the last %(days)s days: a chance to share the load.")
            % {"days": RECENT_DAYS}
        )
    elif n <= 2:
        s.score += 0.5
        s.reasons.append(
            _("Helped %(n)s times in the last %(days)s days.") % {"n": n, "days": RECENT_DAYS}
        )
    else:
        s.reasons.append(
            _("Helped %(n)s times in the last %(days)s days: perhaps give someone else a turn.")
            % {"n": n, "days": RECENT_DAYS}
        )


def _clearances(shortlist: list[Suggestion], request: Listing, on: datetime.date) -> None:
    """Ask safeguarding about every helper on the shortlist at once (three queries in all)."""
    from safeguarding.policy import clearances

    answers = clearances(
        helpers=[s.account.person for s in shortlist],
        member=request.account.person,
        organisation=request.bank.organisation,
        at_home=request.where == Where.HOME,
        on=on,
    )
    for s in shortlist:
        answer = answers[s.account.person.pk]
        s.allowed = answer.allowed
        s.needs_second_person = answer.needs_second_person
        s.cautions = list(answer.reasons)
        if not answer.allowed and answer.needs_second_person:
            s.score -= 1


def suggest_helpers(
    request: Listing, *, on: datetime.date | None = None, limit: int = 15
) -> list[Suggestion]:
    on = on or timezone.localdate()
    bank = request.bank
    requester = request.account.person
    candidates = list(
        Account.objects.filter(
            bank=bank,
            kind=Account.Kind.PERSON,
            closed_at__isnull=True,
            person__erased_at__isnull=True,
        )
        .exclude(pk=request.account_id)
        .select_related("person__area", "bank")
    )
    offers = {}
    for offer in Listing.objects.filter(
        bank=bank, kind=Listing.Kind.OFFER, status=Listing.Status.OPEN, category=request.category
    ).order_by("created_at"):
        offers.setdefault(offer.account_id, offer)
    assets = set(
        PersonAsset.objects.filter(
            category=request.category, person__in=[a.person_id for a in candidates]
        ).values_list("person_id", flat=True)
    )
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    recent = dict(
        Account.objects.filter(pk__in=[a.pk for a in candidates])
        .annotate(
            n=Count(
                "gave",
                filter=Q(
                    gave__exchange__status=Exchange.Status.CONFIRMED,
                    gave__exchange__confirmed_at__gte=since,
                ),
            )
        )
        .values_list("pk", "n")
    )
    known = centroids(
        [getattr(requester, "postcode", ""), *(a.person.postcode for a in candidates)]
    )
    suggestions = []
    for account in candidates:
        s = Suggestion(account=account)
        _offer_score(s, request, offers, assets)
        _distance_score(s, request, requester, known)
        _availability_score(s, request, offers)
        _load_score(s, recent)
        suggestions.append(s)
    # Safeguarding is asked only for the most promising, since it reads each helper's checks.
    suggestions.sort(key=lambda s: (-s.score, s.account.pk))
    shortlist = suggestions[: limit * 2]
    _clearances(shortlist, request, on)
    shortlist.sort(key=lambda s: s.rank_key)
    return shortlist[:limit]
