"""The role navigation: each app registers the items its users need.

An item says who sees it with a predicate on the request, so apps can use
their own rules (a broker of any bank, a directory editor) without this
module knowing them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

Visible = Callable[[HttpRequest], bool]


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url_name: str
    visible: Visible
    order: int = 100


_items: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _items[item.key] = item


def items_for(request: HttpRequest) -> list[dict]:
    path = request.path
    shown = []
    for item in sorted(_items.values(), key=lambda i: (i.order, i.key)):
        if not item.visible(request):
            continue
        url = reverse(item.url_name)
        current = path == url or (url != "/" and path.startswith(url))
        shown.append({"key": item.key, "label": item.label, "url": url, "current": current})
    return shown
