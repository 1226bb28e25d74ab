from datetime import date

from django.db.models import QuerySet

from .models import AuditEvent


def audit_events(
    *,
    partnership,
    action_prefix: str = "",
    person=None,
    actor=None,
    since: date | None = None,
    until: date | None = None,
    sensitive_only: bool = False,
) -> QuerySet[AuditEvent]:
    qs = AuditEvent.objects.filter(partnership=partnership).select_related(
        "actor__person", "person", "on_behalf_of", "organisation"
    )
    if action_prefix:
        qs = qs.filter(action__startswith=action_prefix)
    if person is not None:
        qs = qs.filter(person=person)
    if actor is not None:
        qs = qs.filter(actor=actor)
    if since:
        qs = qs.filter(at__date__gte=since)
    if until:
        qs = qs.filter(at__date__lte=until)
    if sensitive_only:
        qs = qs.filter(sensitive=True)
    return qs


def events_about(person) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(person=person).select_related("actor__person", "on_behalf_of")
