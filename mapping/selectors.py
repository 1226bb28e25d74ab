"""Reads for the mapping pages: the register with its filters, and the
partnership picture (the star, the ingredients by group, levels, ladder
rungs, drivers and barriers, and the plain list of gaps)."""

import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    Classification,
    ClientGroup,
    Factor,
    Ingredient,
    IngredientAnswer,
    Initiative,
    InitiativeFactor,
    Ladder,
    Level,
    Osborne,
    RespondentGroup,
)
from .rules import CO_LABELS, Co

CO_FIELDS = [co.value for co in Co]
PERIOD = re.compile(r"^(\d{4})(?: Q([1-4]))?$")


def period_bounds(period: str) -> tuple[datetime.date, datetime.date] | None:
    """ "2026" or "2026 Q3" as first and last day; anything else is no period."""
    match = PERIOD.match((period or "").strip())
    if not match:
        return None
    year = int(match.group(1))
    if not 1900 < year < 2200:
        return None
    if match.group(2) is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    quarter = int(match.group(2))
    start = datetime.date(year, 3 * quarter - 2, 1)
    end_month = 3 * quarter
    end = (
        datetime.date(year, 12, 31)
        if end_month == 12
        else datetime.date(year, end_month + 1, 1) - datetime.timedelta(days=1)
    )
    return start, end


@dataclass
class Filters:
    organisation: int | None = None
    client_group: str = ""
    period: str = ""
    status: str = ""
    q: str = ""

    @classmethod
    def from_query(cls, query, partnership) -> "Filters":
        org = query.get("organisation", "")
        org_id = int(org) if org.isdigit() and len(org) < 10 else None
        if org_id and not partnership.organisations.filter(pk=org_id).exists():
            org_id = None
        group = query.get("client_group", "")
        status = query.get("status", "")
        period = query.get("period", "")
        return cls(
            organisation=org_id,
            client_group=group if group in ClientGroup.values else "",
            period=period if period_bounds(period) else "",
            status=status if status in Initiative.Status.values else "",
            q=query.get("q", "").strip()[:100],
        )

    def apply(self, qs: QuerySet[Initiative]) -> QuerySet[Initiative]:
        if self.organisation:
            qs = qs.filter(
                Q(lead_organisation_id=self.organisation) | Q(partners__id=self.organisation)
            ).distinct()
        if self.client_group:
            qs = qs.filter(client_group=self.client_group)
        if self.status:
            qs = qs.filter(status=self.status)
        if self.q:
            qs = qs.filter(Q(name__icontains=self.q) | Q(purpose__icontains=self.q))
        bounds = period_bounds(self.period)
        if bounds:
            start, end = bounds
            qs = qs.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=end)).filter(
                Q(ends_on__isnull=True) | Q(ends_on__gte=start)
            )
        return qs

    @property
    def active(self) -> bool:
        return bool(self.organisation or self.client_group or self.period or self.status or self.q)


@dataclass
class Picture:
    total: int = 0
    classified: int = 0
    star: list = field(default_factory=list)  # rows: label, practised, led, views, mean
    levels: list = field(default_factory=list)  # (label, count)
    ladder: list = field(default_factory=list)
    osborne: list = field(default_factory=list)
    between_organisations: int = 0
    ingredients: list = field(default_factory=list)  # rows: label, {group: mean}, gap
    groups: list = field(default_factory=list)  # (group value, label, respondents)
    factors: dict = field(default_factory=dict)  # kind -> [(name, count)]
    gaps: list = field(default_factory=list)
    short_term: int = 0

    def as_data(self) -> dict:
        """What a snapshot keeps: plain numbers and words, for comparing periods."""
        return {
            "total": self.total,
            "classified": self.classified,
            "star": {row["key"]: row["practised"] for row in self.star},
            "levels": {str(label): count for label, count in self.levels},
            "ladder": {str(label): count for label, count in self.ladder},
            "gaps": [str(gap) for gap in self.gaps],
        }


def picture(partnership, filters: Filters | None = None) -> Picture:
    filters = filters or Filters()
    initiatives = filters.apply(Initiative.objects.filter(partnership=partnership))
    ids = list(initiatives.values_list("pk", flat=True))
    pic = Picture(total=len(ids))
    pic.short_term = initiatives.filter(short_term_funding=True).count()
    rows = list(
        Classification.objects.filter(initiative_id__in=ids).values(
            *CO_FIELDS, "level", "ladder", "osborne", "really_between_organisations"
        )
    )
    pic.classified = len(rows)
    for co in Co:
        values = [row[co.value] for row in rows]
        pic.star.append(
            {
                "key": co.value,
                "label": _(CO_LABELS[co]),
                "practised": sum(1 for v in values if v >= 2),
                "led": sum(1 for v in values if v == 3),
                "views": sum(1 for v in values if v == 1),
                "mean": round(sum(values) / len(values), 2) if values else 0,
            }
        )
    levels = Counter(row["level"] for row in rows)
    pic.levels = [(label, levels.get(value, 0)) for value, label in Level.choices]
    ladder = Counter(row["ladder"] for row in rows)
    pic.ladder = [(label, ladder.get(value, 0)) for value, label in Ladder.choices]
    osborne = Counter(row["osborne"] for row in rows)
    pic.osborne = [(label, osborne.get(value, 0)) for value, label in Osborne.choices]
    pic.between_organisations = sum(1 for row in rows if row["really_between_organisations"])
    _ingredients(pic, ids)
    _factors(pic, ids)
    pic.gaps = gaps(pic, ladder, osborne, levels)
    return pic


def _ingredients(pic: Picture, ids: list[int]) -> None:
    means = defaultdict(dict)
    for row in (
        IngredientAnswer.objects.filter(invitation__initiative_id__in=ids, rating__isnull=False)
        .values("ingredient", "invitation__group")
        .annotate(mean=Avg("rating"))
    ):
        means[row["ingredient"]][row["invitation__group"]] = round(float(row["mean"]), 1)
    respondents = dict(
        IngredientAnswer.objects.filter(invitation__initiative_id__in=ids)
        .values("invitation__group")
        .annotate(n=Count("invitation", distinct=True))
        .values_list("invitation__group", "n")
    )
    pic.groups = [
        (value, label, respondents.get(value, 0)) for value, label in RespondentGroup.choices
    ]
    for value, label in Ingredient.choices:
        by_group = means.get(value, {})
        staff, users = by_group.get("staff"), by_group.get("users")
        gap = round(staff - users, 1) if staff is not None and users is not None else None
        pic.ingredients.append(
            {
                "key": value,
                "label": label,
                "means": [by_group.get(g) for g, _label, _n in pic.groups],
                "gap": gap,
            }
        )


def _factors(pic: Picture, ids: list[int]) -> None:
    counts = (
        InitiativeFactor.objects.filter(initiative_id__in=ids)
        .values("factor__kind", "factor__name")
        .annotate(n=Count("initiative", distinct=True))
        .order_by("-n", "factor__name")
    )
    pic.factors = {Factor.Kind.BARRIER: [], Factor.Kind.DRIVER: []}
    for row in counts:
        pic.factors[row["factor__kind"]].append((row["factor__name"], row["n"]))


def gaps(pic: Picture, ladder: Counter, osborne: Counter, levels: Counter) -> list[str]:
    """The plain list of what is missing, most telling first."""
    found: list[str] = []
    total, classified = pic.total, pic.classified
    if not total:
        return [_("No initiatives are on the register yet.")]
    if classified < total:
        found.append(
            ngettext(
                "%(n)d of %(total)d initiatives has not been classified yet.",
                "%(n)d of %(total)d initiatives have not been classified yet.",
                total - classified,
            )
            % {"n": total - classified, "total": total}
        )
    if not classified:
        return found
    found += _star_gaps(pic, classified)
    if pic.between_organisations:
        found.append(
            _(
                "%(n)d of %(total)d are organisations working together, with no part for "
                "people who use services (co-governance or co-management, not co-production)."
            )
            % {"n": pic.between_organisations, "total": classified}
        )
    low = sum(ladder.get(rung, 0) for rung in range(1, Ladder.CONSULTATION + 1))
    if low:
        found.append(
            _("%(n)d of %(total)d go no further than consultation.")
            % {"n": low, "total": classified}
        )
    if not osborne.get(Osborne.CO_INNOVATION):
        found.append(_("No initiative reaches co-innovation."))
    if not levels.get(Level.TRANSFORMATIVE):
        found.append(_("No initiative is transformative: power has not moved anywhere."))
    if not ladder.get(Ladder.CO_PRODUCTION):
        found.append(_("No initiative reaches co-production on the ladder of participation."))
    found += _ingredient_gaps(pic)
    if pic.short_term:
        found.append(
            _("%(n)d of %(total)d initiatives rely on short-term funding.")
            % {"n": pic.short_term, "total": total}
        )
    return found


def _ingredient_gaps(pic: Picture) -> list[str]:
    found = []
    users = next(g[2] for g in pic.groups if g[0] == "users")
    if not users:
        found.append(_("No one who uses services has rated the six ingredients yet."))
    for row in sorted(
        (r for r in pic.ingredients if r["gap"] is not None), key=lambda r: -abs(r["gap"])
    ):
        if abs(row["gap"]) >= 1:
            found.append(
                _(
                    "Staff and people who use services see %(ingredient)s differently: "
                    "%(gap)s points apart on a scale of 1 to 5."
                )
                % {"ingredient": str(row["label"]).lower(), "gap": abs(row["gap"])}
            )
    return found


def _star_gaps(pic: Picture, classified: int) -> list[str]:
    found = []
    names = {
        Co.COMMISSIONING: _("co-commissioning"),
        Co.DESIGN: _("co-design"),
        Co.DELIVERY: _("co-delivery"),
        Co.ASSESSMENT: _("co-assessment"),
    }
    for row in sorted(pic.star, key=lambda r: r["practised"]):
        missing = classified - row["practised"]
        if missing:
            found.append(
                ngettext(
                    "%(n)d of %(total)d initiative has no %(co)s.",
                    "%(n)d of %(total)d initiatives have no %(co)s.",
                    classified,
                )
                % {"n": missing, "total": classified, "co": names[Co(row["key"])]}
            )
    return found
