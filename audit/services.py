import re
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEvent

ACTION_CODE = re.compile(r"^[a-z_]+(\.[a-z_]+){2,}$")


def audit_record(
    action: str,
    *,
    actor=None,
    person=None,
    on_behalf_of=None,
    organisation=None,
    partnership=None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    sensitive: bool = False,
) -> AuditEvent:
    """Write one entry to the audit log. `data` holds ids and codes, never personal text."""
    if not ACTION_CODE.match(action):
        raise ValueError(
            f"Audit action codes are namespaced, like people.person.registered: {action!r}"
        )
    if partnership is None:
        partnership = getattr(person, "partnership", None) or getattr(
            organisation, "partnership", None
        )
    event = AuditEvent(
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        person=person,
        on_behalf_of=on_behalf_of,
        organisation=organisation,
        partnership=partnership,
        data=data or {},
        sensitive=sensitive,
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = str(target.pk)
    event.save()
    return event
