"""Reads about people for dashboards: counts only, never who."""

from django.db.models import Count, Q
from django.utils import timezone

from lib.suppression import suppress

from .models import AgeBand, CarerRelationship, Organisation, Person


def partnership_numbers(partnership) -> dict:
    """Headline counts for commissioners and the board; small counts are suppressed."""
    people = Person.objects.for_partnership(partnership).active()
    since = timezone.now() - timezone.timedelta(days=90)
    carers = CarerRelationship.objects.filter(carer__in=people).values("carer").distinct().count()
    bands = {band: 0 for band in AgeBand.values}
    for person in people.only("date_of_birth", "age_band"):
        band = person.effective_age_band()
        if band:
            bands[band] += 1
    organisations = (
        Organisation.objects.filter(partnership=partnership, is_active=True)
        .values("kind")
        .annotate(n=Count("pk", filter=Q(is_active=True)))
    )
    kinds = dict(Organisation.Kind.choices)
    return {
        "people": people.count(),
        "new_people": suppress(people.filter(registered_at__gte=since).count()),
        "carers": suppress(carers),
        "age_bands": [(label, suppress(bands[value])) for value, label in AgeBand.choices],
        "organisations": [(kinds[row["kind"]], row["n"]) for row in organisations],
    }
