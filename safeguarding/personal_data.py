"""Safeguarding records in a person's data export, and what erasure clears.

A person's export holds their own checks (with the certificate numbers: they
are that person's data), whether they are marked as needing extra care, the
concerns they raised in their own words, and their visits. It leaves out
brokers' notes and concerns raised about them: telling someone a concern was
raised about them could put the person who raised it at risk (the data
protection exemption for safeguarding). Erasure clears every free-text and
number field; the rows stay so counts stay right.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people import erasure, export
from people.models import Person

from .models import Check, Concern, ConcernAction, ExtraCareFlag, Visit

REMOVED = erasure.REMOVED


@export.register("safeguarding", _("Safeguarding"))
def _export(person: Person) -> dict:
    return {
        "checks": [
            {
                "organisation": c.organisation.name,
                "check": str(c),
                "number": c.reference_number,
                "issued": c.issued_on.isoformat(),
                "renew by": c.expires_on.isoformat() if c.expires_on else "",
                "withdrawn": c.withdrawn_at.isoformat() if c.withdrawn_at else "",
            }
            for c in Check.objects.filter(helper=person).select_related("organisation")
        ],
        "marked as needing extra care": [
            {
                "organisation": f.organisation.name,
                "since": f.set_at.isoformat(),
                "review by": f.review_on.isoformat() if f.review_on else "",
                "removed": f.removed_at.isoformat() if f.removed_at else "",
            }
            for f in ExtraCareFlag.objects.filter(person=person).select_related("organisation")
        ],
        "concerns you raised": [
            {
                "raised": c.raised_at.isoformat(),
                "about": c.get_category_display(),
                "what happened": c.what_happened,
                "status": c.get_status_display(),
            }
            for c in Concern.objects.filter(raised_by_person=person)
        ],
        "visits": [
            {
                "planned start": v.starts_at.isoformat(),
                "planned end": v.ends_at.isoformat(),
                "checked in": v.checked_in_at.isoformat() if v.checked_in_at else "",
                "checked out": v.checked_out_at.isoformat() if v.checked_out_at else "",
            }
            for v in Visit.objects.filter(Q(helper=person) | Q(member=person))
        ],
    }


@erasure.register
def _erase(person: Person) -> None:
    Check.objects.filter(helper=person).update(reference_number="", notes="", withdrawn_reason="")
    ExtraCareFlag.objects.filter(person=person).update(reason=REMOVED)
    concerns = Concern.objects.filter(
        Q(raised_by_person=person) | Q(about=person) | Q(on_behalf_of=person)
    )
    ConcernAction.objects.filter(concern__in=concerns).update(note=REMOVED)
    concerns.exclude(outcome="").update(outcome=REMOVED)
    concerns.update(what_happened=REMOVED)
