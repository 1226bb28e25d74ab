"""Things on the platform that other records can point at.

The mapping register links an initiative to what it uses (a time bank,
directory entries, later a budgeting round). Each app registers its kinds of
thing here, so a new capability becomes linkable without changing the apps
that link to it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Linkable:
    key: str  # "app_label.model_name", e.g. "timebank.timebank"
    label: str  # what people call it, e.g. "Time bank"
    choices: Callable[[object], QuerySet]  # partnership -> the things that can be linked

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.key)


_linkables: dict[str, Linkable] = {}


def register(linkable: Linkable) -> None:
    _linkables[linkable.key] = linkable


def all_linkables() -> list[Linkable]:
    return list(_linkables.values())


def get(key: str) -> Linkable | None:
    return _linkables.get(key)
