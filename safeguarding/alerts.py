"""Overdue check-outs: tell the brokers, once per visit.

Run by `manage.py safeguarding_alerts` (every few minutes from cron) or as the
`safeguarding.tasks.send_overdue_alerts` task. Each visit is marked in the
same transaction as its notices, and only if nobody marked it first, so two
runs at once never alert twice.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from people.models import Partnership
from people.notices import notice_send

from .access import people_to_tell
from .models import Visit
from .selectors import overdue_visits


@transaction.atomic
def _alert(visit: Visit, now: datetime.datetime) -> bool:
    claimed = Visit.objects.filter(pk=visit.pk, overdue_alert_sent_at__isnull=True).update(
        overdue_alert_sent_at=now
    )
    if not claimed:
        return False
    due = timezone.localtime(visit.ends_at).strftime("%H:%M on %d %B")
    for person in people_to_tell(visit.organisation):
        notice_send(
            person=person,
            subject=_("A check-out is overdue"),
            # No names: the notice may go by email, and must not outlive an erasure.
            body=_(
                "A helper has not checked out of a visit that was due to end at %(due)s. "
                "Please open the visit, phone them to make sure they and the person they "
                "visited are safe, then record it: %(url)s"
            )
            % {
                "due": due,
                "url": settings.SITE_URL + reverse("safeguarding:visit-detail", args=[visit.pk]),
            },
            by=None,
            source="safeguarding.visit.overdue_alerted",
        )
    audit_record(
        "safeguarding.visit.overdue_alerted",
        person=visit.helper,
        organisation=visit.organisation,
        target=visit,
    )
    return True


def overdue_alerts_send(*, now: datetime.datetime | None = None) -> int:
    """Alert brokers about each overdue visit not yet alerted; return how many."""
    now = now or timezone.now()
    sent = 0
    for partnership in Partnership.objects.order_by("pk"):
        organisations = partnership.organisations.filter(is_active=True)
        for visit in overdue_visits(organisations, now):
            if visit.overdue_alert_sent_at is None and _alert(visit, now):
                sent += 1
    return sent
