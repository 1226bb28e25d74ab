"""Reading the directory."""

from django.db.models import Prefetch

from .models import (
    Attribute,
    Claim,
    Service,
    ServiceAtLocation,
    ServiceProfile,
    Suggestion,
    TaxonomyTerm,
)
from .models.extension import Freshness


def queue_counts(partnership) -> dict:
    return {
        "suggestions": Suggestion.objects.filter(
            partnership=partnership, status=Suggestion.Status.WAITING
        ).count(),
        "claims": Claim.objects.filter(
            service__partnership=partnership, status=Claim.Status.WAITING
        ).count(),
        "stale": ServiceProfile.objects.filter(
            partnership=partnership, freshness__gt=Freshness.CURRENT
        ).count(),
    }


def service_for_page(partnership, pk):
    """One service with everything its page shows, or None."""
    return (
        Service.objects.filter(partnership=partnership, pk=pk)
        .select_related("organization", "profile", "profile__owner")
        .prefetch_related(
            "phones",
            "schedules",
            "cost_options",
            "languages",
            "service_areas",
            "contacts",
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                    "location__addresses", "location__accessibility", "location__schedules"
                ),
            ),
        )
        .first()
    )


def categories_of(service) -> list[TaxonomyTerm]:
    ids = Attribute.objects.filter(link_id=service.pk, link_entity="service").values(
        "taxonomy_term_id"
    )
    return list(TaxonomyTerm.objects.filter(pk__in=ids))
