import re
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEvent

ACTION_CODE = re.compile(r"^[a-z_]+(\.[a-z_]+){2,}$")


def audit_record(action: str, **details) -> AuditEvent:
    """Write one entry to the audit log. `data` holds ids and codes, never personal text.

    The details are those of audit_event()."""
    event = audit_event(action, **details)
    event.save()
    return event


def audit_event(
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
    """The entry audit_record() writes, unsaved (for a service that writes it in the
    same statement as the record it is about; see timebank.recording)."""
    if not ACTION_CODE.match(action):
        raise ValueError(
            f"Audit action codes are namespaced, like people.person.registered: {action!r}"
        )
    # Ids, not objects: reading a partnership to write its id would cost a query.
    partnership_id = (
        partnership.pk
        if partnership is not None
        else getattr(person, "partnership_id", None)
        or getattr(organisation, "partnership_id", None)
    )
    event = AuditEvent(
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        person=person,
        on_behalf_of=on_behalf_of,
        organisation=organisation,
        partnership_id=partnership_id,
        data=data or {},
        sensitive=sensitive,
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = "" if target.pk is None else str(target.pk)
    return event
