"""Small builders for the directory's tests."""

from directory.entries import apply_entry
from directory.models import Suggestion, Taxonomy, TaxonomyTerm


def category(name="Lunch clubs", partnership=None) -> TaxonomyTerm:
    taxonomy, _ = Taxonomy.objects.get_or_create(
        name="Test categories", defaults={"description": "Test", "partnership": partnership}
    )
    term, _ = TaxonomyTerm.objects.get_or_create(
        name=name, defaults={"description": name, "taxonomy_detail": taxonomy, "code": name}
    )
    return term


def entry(partnership, name="Kirkton Lunch Club", **data):
    values = {
        "name": name,
        "organization": data.pop("organization", "Kirkton Community Trust"),
        "description": "A hot lunch and good company every week.",
        "audience": "older_people",
        "capacity": "taking",
    }
    values.update(data)
    return apply_entry(partnership=partnership, data=values)


def suggestion(partnership, name="Kirkton Riverside Walkers", **extra) -> Suggestion:
    return Suggestion.objects.create(
        partnership=partnership,
        kind="new",
        proposed={"name": name, "organization": name, "description": "Walks by the river."},
        contact_email="walker@example.org",
        **extra,
    )
