import datetime
import random
from dataclasses import dataclass, field

from django.utils import timezone

DEMO_PASSWORD = "glenbrae-demo"


@dataclass
class DemoContext:
    partnership: object
    today: datetime.date = field(default_factory=timezone.localdate)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def random(self, name: str) -> random.Random:
        """A generator of its own for each seeder, so one app's data never shifts another's."""
        return random.Random(f"glenbrae:{name}")

    def days_ago(self, days: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
        day = self.today - datetime.timedelta(days=days)
        naive = datetime.datetime.combine(day, datetime.time(hour, minute))
        return timezone.make_aware(naive)
