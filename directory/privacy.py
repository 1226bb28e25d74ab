"""What the directory holds about a person: their export section and erasure."""

from django.utils.translation import gettext_lazy as _

from people import erasure, export

from .models import Referral, Shortlist, Suggestion


@export.register("directory", _("Directory"))
def collect(person) -> dict:
    return {
        "suggestions": [
            {"made": s.created_at.isoformat(), "status": s.status, "proposed": s.proposed}
            for s in Suggestion.objects.filter(suggested_by=person)
        ],
        "referrals": [
            {"service": r.service.name, "made": r.made_at.isoformat(), "route": r.route}
            for r in Referral.objects.filter(person=person).select_related("service")
        ],
    }


@erasure.register
def erase(person) -> None:
    Suggestion.objects.filter(suggested_by=person).update(
        contact_name="", contact_email="", note=""
    )
    Shortlist.objects.filter(person=person).update(note="")
