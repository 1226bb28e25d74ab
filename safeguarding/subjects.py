"""What a concern or a visit is about, in another app's words.

A subject is a string like "timebank.exchange:42" (app label, model name and
id). An app may register a function that turns its ids into a label and a
link; otherwise the model's own name and `get_absolute_url()` are used, and
the page linked to checks its own permissions. Shown only to staff.
"""

from collections.abc import Callable

from django.apps import apps

Describe = Callable[[int], tuple[str, str] | None]
_describers: dict[str, Describe] = {}


def register(prefix: str, describe: Describe) -> None:
    """register("timebank.exchange", lambda pk: (label, url) or None)."""
    _describers[prefix] = describe


def _by_model(prefix: str, pk: int) -> tuple[str, str] | None:
    app_label, _dot, model_name = prefix.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None
    instance = model._default_manager.filter(pk=pk).first()
    if instance is None:
        return None
    label = f"{str(model._meta.verbose_name).capitalize()} {pk}"
    url = instance.get_absolute_url() if hasattr(instance, "get_absolute_url") else ""
    return label, url


def describe(subject: str) -> dict | None:
    if not subject:
        return None
    prefix, _sep, pk = subject.partition(":")
    found = None
    if pk.isdigit():
        describer = _describers.get(prefix)
        found = describer(int(pk)) if describer else _by_model(prefix, int(pk))
    if found is None:
        return {"label": subject, "url": ""}
    return {"label": found[0], "url": found[1]}
