"""The mapping charts, drawn on the server as accessible SVG. Every page that
shows one also shows its data as a table."""

import math
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.charts import PALETTE, bar_chart, plt, svg_from_figure

# Drawing with matplotlib takes far longer than counting, and the same numbers
# give the same chart: keep recent charts, keyed by their data and language.
cached = lru_cache(maxsize=256)


def star_chart(picture) -> str:
    """The co-production star: a radar of how many initiatives practise each Co."""
    return _star(
        tuple(str(row["label"]) for row in picture.star),
        tuple(row["practised"] for row in picture.star),
        tuple(row["led"] for row in picture.star),
        picture.classified,
        get_language(),
    )


@cached
def _star(labels, practised, led, classified, language) -> str:
    labels, practised, led = list(labels), list(practised), list(led)
    angles = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    fig, ax = plt.subplots(figsize=(5.2, 5.2), subplot_kw={"projection": "polar"})
    # Co-commissioning at the top, the others clockwise, as on the Star.
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    top = max([classified, 1])
    for values, name, colour, style in (
        (practised, _("Practised with citizens"), PALETTE[0], "-"),
        (led, _("Led by citizens"), PALETTE[2], "--"),
    ):
        ax.plot(
            angles + angles[:1],
            values + values[:1],
            style,
            color=colour,
            linewidth=2,
            marker="o",
            label=name,
        )
        ax.fill(angles + angles[:1], values + values[:1], color=colour, alpha=0.15)
    ax.set_xticks(angles, labels)
    ax.set_thetalim(0, 2 * math.pi)
    ax.set_ylim(0, top)
    ax.set_yticks(sorted({0, top // 2, top}))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), frameon=False, ncol=2)
    description = "; ".join(
        _("%(co)s: %(n)d of %(total)d initiatives") % {"co": label, "n": n, "total": classified}
        for label, n in zip(labels, practised, strict=True)
    )
    return svg_from_figure(
        fig, title=_("The co-production star across initiatives"), description=description
    )


def ingredients_chart(picture) -> str:
    categories = tuple(str(row["label"]) for row in picture.ingredients)
    series = []
    for index, (_value, label, respondents) in enumerate(picture.groups):
        if respondents:
            series.append(
                (str(label), tuple(row["means"][index] or 0 for row in picture.ingredients))
            )
    return _ingredients(categories, tuple(series), get_language())


@cached
def _ingredients(categories, series, language) -> str:
    series = dict(series)
    categories = list(categories)
    return bar_chart(
        categories,
        series or {_("No answers yet"): [0] * len(categories)},
        title=_("The six ingredients by respondent group"),
        description=_("Average rating from 1 (not at all) to 5 (fully), for each group."),
        ylabel=_("Average rating"),
    )


def counts_chart(rows, *, title: str) -> str:
    return _counts(tuple((str(label), count) for label, count in rows), str(title), get_language())


@cached
def _counts(rows, title, language) -> str:
    return bar_chart(
        [str(label) for label, _count in rows],
        {_("Initiatives"): [count for _label, count in rows]},
        title=title,
        description="; ".join(f"{label}: {count}" for label, count in rows),
        ylabel=_("Initiatives"),
        height=3.2,
    )


def quadrant_chart(points, *, title: str, x_label: str, y_label: str, corners) -> str:
    """Points (label, x, y) on a 1–5 grid split into four named quadrants."""
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.axhline(3, color="#505a5f", linewidth=1)
    ax.axvline(3, color="#505a5f", linewidth=1)
    for (x, y), text in corners.items():
        ax.text(x, y, str(text), ha="center", va="center", fontsize=10, color="#505a5f")
    for index, (label, x, y) in enumerate(points):
        ax.plot(x, y, "o", color=PALETTE[index % len(PALETTE)], markersize=8)
        ax.annotate(str(label)[:28], (x, y), textcoords="offset points", xytext=(6, 4), fontsize=9)
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    description = "; ".join(f"{label}: {x:.1f}, {y:.1f}" for label, x, y in points)
    return svg_from_figure(fig, title=title, description=description or title)
