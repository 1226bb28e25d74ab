"""Charts as accessible SVG, drawn on the server with matplotlib.

Every chart has a title and a short description for screen readers, and a
page that shows a chart also shows its data as a table. The same SVG goes
into printed PDFs.
"""

import io
import re
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from django.utils.html import escape  # noqa: E402
from django.utils.safestring import SafeString, mark_safe  # noqa: E402

# Colours from GOV.UK Frontend's palette with enough contrast on white; each
# series also differs in pattern so colour is never the only cue.
PALETTE = ["#106165", "#1d70b8", "#d4351c", "#f47738", "#4c2c92", "#505a5f"]
HATCHES = ["", "//", "..", "xx", "\\\\", "++"]

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",  # keep text as text, so it can be read and searched
        "svg.hashsalt": "coproduce",  # the same chart gives the same SVG every time
    }
)


def svg_from_figure(fig, *, title: str, description: str) -> SafeString:
    """Turn a figure into inline SVG labelled for screen readers, and close it."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    ident = "chart-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]
    label = (
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
    )
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" ', 1)
    svg = re.sub(r"(<svg[^>]*>)", r"\1" + label.replace("\\", "\\\\"), svg, count=1)
    return mark_safe(svg)  # noqa: S308 (matplotlib output plus escaped text)


def bar_chart(
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    title: str,
    description: str,
    ylabel: str = "",
    stacked: bool = False,
    width: float = 7.5,
    height: float = 3.6,
) -> SafeString:
    fig, ax = plt.subplots(figsize=(width, height))
    positions = range(len(categories))
    count = max(len(series), 1)
    bar_width = 0.8 if stacked else 0.8 / count
    bottoms = [0.0] * len(categories)
    for index, (name, values) in enumerate(series.items()):
        offsets = positions if stacked else [p - 0.4 + bar_width * (index + 0.5) for p in positions]
        ax.bar(
            offsets,
            values,
            bar_width,
            label=name,
            bottom=bottoms if stacked else None,
            color=PALETTE[index % len(PALETTE)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="white",
        )
        if stacked:
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    ax.set_xticks(
        list(positions),
        categories,
        rotation=45 if len(categories) > 6 else 0,
        ha="right" if len(categories) > 6 else "center",
    )
    ax.set_ylabel(ylabel)
    if len(series) > 1:
        ax.legend(frameon=False)
    return svg_from_figure(fig, title=title, description=description)


def line_chart(
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    title: str,
    description: str,
    ylabel: str = "",
    width: float = 7.5,
    height: float = 3.6,
) -> SafeString:
    fig, ax = plt.subplots(figsize=(width, height))
    markers = ["o", "s", "^", "D", "v", "P"]
    for index, (name, values) in enumerate(series.items()):
        ax.plot(
            list(categories),
            list(values),
            label=name,
            color=PALETTE[index % len(PALETTE)],
            marker=markers[index % len(markers)],
            linewidth=2,
        )
    ax.set_ylabel(ylabel)
    if len(categories) > 6:
        plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    if len(series) > 1:
        ax.legend(frameon=False)
    return svg_from_figure(fig, title=title, description=description)
