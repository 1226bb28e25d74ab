"""Small template helpers shared by every app."""

from django import template

register = template.Library()


@register.filter
def elided_pages(page):
    """Page numbers to show around the current one, with ellipses between."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.filter
def minutes_as_hours(minutes) -> str:
    """120 → "2", 90 → "1.5", 20 → "0.33": hours with at most two decimals."""
    if minutes in (None, ""):
        return ""
    hours = int(minutes) / 60
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (for keys with dashes), or None if it is not there."""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None
