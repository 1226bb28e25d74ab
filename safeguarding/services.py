"""Writes about safeguarding: each validates, writes and records what happened."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import DomainError

from .models import Visit


@transaction.atomic
def visit_schedule(*, subject: str, helper, member, organisation, starts_at, ends_at, by) -> Visit:
    """Plan a visit the helper will check in and out of (subject like "timebank.exchange:42")."""
    if ends_at <= starts_at:
        raise DomainError(_("The visit must end after it starts."), field="ends_at")
    if helper.partnership_id != organisation.partnership_id:
        raise DomainError(_("This helper is not part of this partnership."))
    visit = Visit.objects.create(
        organisation=organisation,
        subject=subject[:100],
        helper=helper,
        member=member,
        starts_at=starts_at,
        ends_at=ends_at,
        created_by=by,
        created_at=timezone.now(),
    )
    audit_record(
        "safeguarding.visit.scheduled",
        actor=by,
        person=helper,
        organisation=organisation,
        target=visit,
        data={"subject": visit.subject, "member": getattr(member, "pk", None)},
    )
    return visit
