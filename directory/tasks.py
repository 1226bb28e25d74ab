"""Background work: reminders to check entries, and the website link check."""

from django.utils import timezone
from django_tasks import task

from people.models import Partnership

from . import services


@task()
def send_directory_reminders() -> dict:
    totals = {}
    for partnership in Partnership.objects.all():
        counts = services.send_reminders(partnership=partnership, today=timezone.localdate())
        totals[partnership.slug] = counts
    return totals


def fetch_status(url: str, timeout: float = 10.0) -> int:
    """The HTTP status of a HEAD request (GET if HEAD is refused)."""
    import urllib.request

    request = urllib.request.Request(
        url, method="HEAD", headers={"User-Agent": "Coproduce link check"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 405:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
                return response.status
        return error.code
