"""Home page panels: what each person can do next, contributed by each app.

A panel is a template with a context function; it appears when its
predicate says so. The home view lays out whatever panels apply, so a new
capability adds itself to people's home pages without touching core.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class HomePanel:
    key: str
    template: str
    visible: Callable[[HttpRequest], bool]
    context: Callable[[HttpRequest], dict] = field(default=lambda request: {})
    order: int = 100


_panels: dict[str, HomePanel] = {}


def register(panel: HomePanel) -> None:
    _panels[panel.key] = panel


def panels_for(request: HttpRequest) -> list[SafeString]:
    """Each visible panel rendered with its own context, in order."""
    shown = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        if panel.visible(request):
            shown.append(render_to_string(panel.template, panel.context(request), request=request))
    return shown
