"""A directory entry as people see it, mapped onto the HSDS objects behind it.

Suggestions, editors and organisations all change an entry through these
plain fields; `apply_entry` writes them to the organisation, service,
location, address, phone, schedule and category attribute HSDS expects.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib import postcode as postcodes

from .models import (
    Address,
    Attribute,
    Location,
    Organization,
    Phone,
    Postcode,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceProfile,
    TaxonomyTerm,
)
from .models.extension import DAYS
from .search import reindex

FIELDS = [
    ("name", _("Name")),
    ("organization", _("Who runs it")),
    ("description", _("What it offers")),
    ("category", _("Category")),
    ("audience", _("Who it is for")),
    ("free", _("Free")),
    ("address_1", _("Address")),
    ("city", _("Town")),
    ("postal_code", _("Postcode")),
    ("days", _("Days")),
    ("opens_at", _("Opens")),
    ("closes_at", _("Closes")),
    ("phone", _("Phone")),
    ("email", _("Email")),
    ("url", _("Website")),
    ("informal_group", _("Informal group")),
    ("capacity", _("Taking new people?")),
]
LABELS = dict(FIELDS)


def _main_location(service: Service) -> Location | None:
    sal = service.service_at_locations.select_related("location").order_by("id").first()
    return sal.location if sal else None


def entry_values(service: Service) -> dict[str, str]:
    """The entry's current values, as strings, in the fields people edit."""
    profile = getattr(service, "profile", None)
    location = _main_location(service)
    address = location.addresses.order_by("id").first() if location else None
    schedule = service.schedules.order_by("id").first()
    phone = service.phones.order_by("id").first()
    term = (
        Attribute.objects.filter(link_id=service.pk, link_entity="service")
        .order_by("id")
        .values_list("taxonomy_term_id", flat=True)
        .first()
    )
    return {
        "name": service.name,
        "organization": service.organization.name,
        "description": service.description,
        "category": str(term or ""),
        "audience": ",".join(profile.audiences) if profile else "",
        "free": "yes" if profile and profile.is_free else "",
        "address_1": address.address_1 if address else "",
        "city": address.city if address else "",
        "postal_code": address.postal_code if address else "",
        "days": schedule.byday if schedule else "",
        "opens_at": schedule.opens_at.strftime("%H:%M") if schedule and schedule.opens_at else "",
        "closes_at": schedule.closes_at.strftime("%H:%M")
        if schedule and schedule.closes_at
        else "",
        "phone": phone.number if phone else "",
        "email": service.email,
        "url": service.url,
        "informal_group": "yes" if profile and profile.informal_group else "",
        "capacity": profile.capacity if profile else "unknown",
    }


def display_value(key: str, value: str) -> str:
    """A value as an editor reads it in the diff."""
    if key == "category" and value:
        term = TaxonomyTerm.objects.filter(pk=value).first()
        return term.name if term else value
    if key in ("free", "informal_group"):
        return str(_("Yes")) if value else str(_("No"))
    return value or ""


def diff(before: dict, after: dict) -> list[dict]:
    rows = []
    for key, label in FIELDS:
        old, new = before.get(key, "") or "", after.get(key, "") or ""
        if key in after and old != new:
            rows.append(
                {
                    "label": label,
                    "before": display_value(key, old),
                    "after": display_value(key, new),
                }
            )
    return rows


def _time(text: str):
    return datetime.time.fromisoformat(text) if text else None


def apply_entry(*, partnership, data: dict, service: Service | None = None) -> Service:
    """Create or change the HSDS records behind an entry. The caller audits and checks."""
    org_name = (data.get("organization") or data.get("name")).strip()
    organization = Organization.objects.filter(partnership=partnership, name=org_name).first()
    if organization is None:
        organization = Organization.objects.create(
            partnership=partnership, name=org_name, description=org_name
        )
    if service is None:
        service = Service(partnership=partnership)
    service.organization = organization
    service.name = data["name"].strip()
    service.description = data.get("description", "")
    service.email = data.get("email", "")
    service.url = data.get("url", "")
    service.assured_date = timezone.localdate()
    service.last_modified = timezone.now()
    service.save()
    _apply_place(service, partnership, data)
    _apply_contact_and_time(service, data)
    Attribute.objects.filter(link_id=service.pk, link_entity="service").delete()
    if data.get("category"):
        Attribute.objects.create(
            link_id=service.pk,
            link_entity="service",
            link_type="category",
            taxonomy_term_id=data["category"],
        )
    profile, _ = ServiceProfile.objects.get_or_create(
        service=service, defaults={"partnership": partnership}
    )
    audience = [a for a in (data.get("audience") or "").split(",") if a]
    profile.audience = f",{','.join(audience)}," if audience else ""
    profile.is_free = bool(data.get("free"))
    profile.informal_group = bool(data.get("informal_group"))
    profile.capacity = data.get("capacity") or "unknown"
    profile.reminders_sent = 0
    profile.freshness = 0
    profile.save()
    reindex(service)
    return service


def _apply_place(service, partnership, data):
    code = postcodes.normalise(data.get("postal_code", "")) or data.get("postal_code", "")
    if not data.get("address_1") and not code:
        return
    location = _main_location(service)
    if location is None:
        location = Location.objects.create(
            partnership=partnership,
            organization=service.organization,
            name=data.get("address_1", "") or service.name,
        )
        ServiceAtLocation.objects.create(service=service, location=location)
    point = Postcode.objects.filter(postcode=code).first()
    location.latitude = point.latitude if point else location.latitude
    location.longitude = point.longitude if point else location.longitude
    location.save()
    address = location.addresses.order_by("id").first() or Address(location=location)
    address.address_1 = data.get("address_1", "") or service.name
    address.city = data.get("city", "")
    address.state_province = "Scotland"
    address.postal_code = code
    address.country = "GB"
    address.save()


def _apply_contact_and_time(service, data):
    if data.get("phone"):
        phone = service.phones.order_by("id").first() or Phone(service=service)
        phone.number = data["phone"]
        phone.type = "voice"
        phone.save()
    else:
        service.phones.all().delete()
    days = [d for d in (data.get("days") or "").split(",") if d in DAYS]
    service.schedules.all().delete()
    if days:
        Schedule.objects.create(
            service=service,
            freq="WEEKLY",
            wkst="MO",
            byday=",".join(days),
            opens_at=_time(data.get("opens_at", "")),
            closes_at=_time(data.get("closes_at", "")),
        )
