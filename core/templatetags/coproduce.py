"""Small template helpers shared by every app."""

from django import template

register = template.Library()


@register.filter
def elided_pages(page):
    """Page numbers to show around the current one, with ellipses between."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def page_links(context, page) -> dict:
    """The pagination component's addresses, worked out together: the query string
    without `page` is encoded once, not once per link (on the directory's search
    page a {% querystring %} per link was a tenth of the work)."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    prefix = "?" + (params.urlencode() + "&" if params else "") + "page="
    ellipsis = page.paginator.ELLIPSIS
    return {
        "previous": f"{prefix}{page.previous_page_number()}" if page.has_previous() else None,
        "next": f"{prefix}{page.next_page_number()}" if page.has_next() else None,
        "numbers": [
            (number, None if number == ellipsis else f"{prefix}{number}", number == page.number)
            for number in elided_pages(page)
        ],
    }


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
