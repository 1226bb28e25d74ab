"""Set up Django for a benchmark, in a throwaway database so no real data is touched."""

import contextlib
import os
import statistics
import time


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings_test")
    import django

    django.setup()


@contextlib.contextmanager
def throwaway_database():
    """Create the test database for DATABASE_URL, migrate it, and drop it afterwards."""
    from django.test.utils import setup_databases, teardown_databases

    state = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(state, verbosity=0)


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    cut = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50": cut[49], "p95": cut[94], "mean": statistics.fmean(ordered)}


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
