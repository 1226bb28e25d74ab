"""Everything held about a person, as one document (JSON, and a readable page).

Each app registers a section; the export gathers them all, so a new
capability's data is included without changing this module.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.actions import label_for
from audit.selectors import events_about
from audit.services import audit_record

from . import consent as consents
from .models import Person


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    collect: Callable[[Person], object]


_sections: list[Section] = []


def register(key: str, label: str) -> Callable:
    def decorator(collect: Callable[[Person], object]) -> Callable:
        _sections.append(Section(key, label, collect))
        return collect

    return decorator


def person_export(person: Person) -> dict:
    return {
        "exported_at": timezone.now().isoformat(),
        "sections": [
            {"key": s.key, "label": str(s.label), "data": s.collect(person)} for s in _sections
        ],
    }


def person_export_recorded(
    *, person: Person, by, on_behalf_of: Person | None = None, fmt: str
) -> dict:
    """The export, with a note in the audit log of who took it (sensitive if staff did)."""
    audit_record(
        "people.person.exported",
        actor=by,
        person=person,
        on_behalf_of=on_behalf_of,
        target=person,
        data={"format": fmt},
        sensitive=by is not None and person.user_id != by.pk,
    )
    return person_export(person)


@register("details", _("Your details"))
def _details(person: Person) -> dict:
    return {
        "first name": person.given_name,
        "last name": person.family_name,
        "preferred name": person.preferred_name,
        "date of birth": person.date_of_birth.isoformat() if person.date_of_birth else "",
        "age group": person.get_effective_age_band_display(),
        "email": person.email,
        "phone": person.phone,
        "address": person.address,
        "postcode": person.postcode,
        "area": str(person.area or ""),
        "best way to get in touch": person.get_contact_route_display(),
        "person to go through": person.contact_via_name,
        "how to reach them": person.contact_via_details,
        "access needs": ", ".join(person.access_needs),
        "other access needs": person.other_access_needs,
        "considers themselves disabled": person.get_disability_display(),
        "what matters to you": person.what_matters,
        "registered": person.registered_at.isoformat(),
        "has a login": bool(person.user_id),
    }


@register("assets", _("What you bring"))
def _assets(person: Person) -> list[dict]:
    return [
        {
            "kind": a.category.get_kind_display(),
            "category": a.category.name,
            "in your words": a.in_their_words,
        }
        for a in person.assets.select_related("category")
    ]


@register("caring", _("Caring"))
def _caring(person: Person) -> list[dict]:
    rows = [
        {
            "you care for": str(link.cared_for or link.cared_for_description),
            "relationship": link.get_relationship_display(),
        }
        for link in person.caring_for.select_related("cared_for")
    ]
    rows += [
        {"cares for you": str(link.carer), "relationship": link.get_relationship_display()}
        for link in person.cared_for_by.select_related("carer")
    ]
    return rows


@register("consents", _("What you agreed to"))
def _consents(person: Person) -> list[dict]:
    return [
        {
            "purpose": str(consents.get(c.purpose).label)
            if c.purpose in {p.code for p in consents.purposes()}
            else c.purpose,
            "given": c.given_at.isoformat(),
            "given by": c.get_given_by_display(),
            "name": c.given_by_name,
            "how": c.get_method_display(),
            "withdrawn": c.withdrawn_at.isoformat() if c.withdrawn_at else "",
        }
        for c in person.consents.all()
    ]


@register("memberships", _("Organisations and roles"))
def _memberships(person: Person) -> list[dict]:
    return [
        {
            "organisation": m.organisation.name,
            "role": m.get_role_display(),
            "from": m.started_on.isoformat(),
            "to": m.ended_on.isoformat() if m.ended_on else "",
        }
        for m in person.memberships.select_related("organisation")
    ]


@register("notices", _("Letters and messages"))
def _notices(person: Person) -> list[dict]:
    return [
        {
            "when": n.created_at.isoformat(),
            "how": n.get_route_display(),
            "subject": n.subject,
            "message": n.body,
            "status": n.get_status_display(),
        }
        for n in person.notices.all()
    ]


@register("history", _("What was done with your record"))
def _history(person: Person) -> list[dict]:
    return [
        {
            "when": e.at.isoformat(),
            "what": label_for(e.action),
            "by": _actor_name(e),
            "on your behalf": bool(e.on_behalf_of_id),
        }
        for e in events_about(person)
    ]


def _actor_name(event) -> str:
    actor = event.actor
    if actor is None:
        return ""
    person = getattr(actor, "person", None)
    return person.display_name if person else actor.email
