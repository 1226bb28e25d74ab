"""Background tasks (django-tasks): run in the request or by `manage.py db_worker`."""

from django_tasks import task

from .alerts import overdue_alerts_send


@task()
def send_overdue_alerts() -> int:
    return overdue_alerts_send()
