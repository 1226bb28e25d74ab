"""Two alert runs at once (cron overlapping a worker) alert each overdue visit once."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from people.models import Notice
from safeguarding import services
from safeguarding.alerts import overdue_alerts_send

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="tested on PostgreSQL"),
]
RUNS = 6


def test_overlapping_alert_runs_alert_each_visit_once(world):
    end = timezone.now() - datetime.timedelta(hours=2)
    for _ in range(5):
        services.visit_schedule(
            subject="",
            helper=world.claire,
            member=world.anne,
            organisation=world.timebank_org,
            starts_at=end - datetime.timedelta(hours=1),
            ends_at=end,
            by=None,
        )
    start = threading.Barrier(RUNS)
    sent, errors = [], []

    def run() -> None:
        try:
            start.wait()
            sent.append(overdue_alerts_send())
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and sum(sent) == 5
    assert Notice.objects.filter(person=world.morag).count() == 5
