"""HSDS 3.0 JSON records of the directory's objects (for the API and schema checks)."""

import datetime
import decimal
import uuid

from .hsds_io import _columns, resource_fields
from .models import Attribute, Service, TaxonomyTerm

_FIELDS = resource_fields()


def _value(value, kind: str):
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if kind == "number" or isinstance(value, decimal.Decimal):
        number = float(value)
        return int(number) if number.is_integer() else number
    return str(value)


def record(obj, resource: str, **nested) -> dict:
    """The object's HSDS fields (empty ones left out, as the schemas expect), plus nested."""
    columns = _columns(type(obj))
    out = {}
    for f in _FIELDS[resource]:
        if f["name"] in columns:
            value = _value(getattr(obj, columns[f["name"]].attname), f["type"])
            if value is not None:
                out[f["name"]] = value
    out.update({k: v for k, v in nested.items() if v is not None})
    return out


def term_record(term: TaxonomyTerm) -> dict:
    detail = term.taxonomy_detail
    return record(
        term, "taxonomy_term", taxonomy_detail=record(detail, "taxonomy") if detail else None
    )


def attributes_of(obj, entity: str) -> list[dict]:
    attrs = Attribute.objects.filter(link_id=obj.pk, link_entity=entity).select_related(
        "taxonomy_term", "taxonomy_term__taxonomy_detail"
    )
    return [record(a, "attribute", taxonomy_term=term_record(a.taxonomy_term)) for a in attrs]


def location_record(location, *, confidential: bool) -> dict:
    if confidential:
        # Findable, never locatable: no address, coordinates or directions.
        return {"id": str(location.id), "location_type": location.location_type}
    return record(
        location,
        "location",
        addresses=[record(a, "address") for a in location.addresses.all()],
        phones=[record(p, "phone") for p in location.phones.all()],
        accessibility=[record(a, "accessibility") for a in location.accessibility.all()],
        languages=[record(lg, "language") for lg in location.languages.all()],
        schedules=[record(s, "schedule") for s in location.schedules.all()],
    )


def service_summary(service: Service) -> dict:
    return record(
        service,
        "service",
        organization=record(service.organization, "organization"),
        attributes=attributes_of(service, "service"),
    )


def service_full(service: Service) -> dict:
    profile = getattr(service, "profile", None)
    confidential = bool(profile and profile.confidential_address)
    return record(
        service,
        "service",
        organization=record(service.organization, "organization"),
        program=record(service.program, "program") if service.program else None,
        phones=[record(p, "phone") for p in service.phones.all()],
        schedules=[record(s, "schedule") for s in service.schedules.all()],
        service_areas=[record(a, "service_area") for a in service.service_areas.all()],
        service_at_locations=[
            record(
                sal,
                "service_at_location",
                location=location_record(sal.location, confidential=confidential),
            )
            for sal in service.service_at_locations.select_related("location")
        ],
        languages=[record(lg, "language") for lg in service.languages.all()],
        funding=[record(f, "funding") for f in service.funding.all()],
        cost_options=[record(c, "cost_option") for c in service.cost_options.all()],
        required_documents=[
            record(d, "required_document") for d in service.required_documents.all()
        ],
        contacts=[record(c, "contact") for c in service.contacts.all()],
        attributes=attributes_of(service, "service"),
    )


def organization_full(org) -> dict:
    return record(
        org,
        "organization",
        phones=[record(p, "phone") for p in org.phones.all()],
        contacts=[record(c, "contact") for c in org.contacts.all()],
        programs=[record(p, "program") for p in org.programs.all()],
        organization_identifiers=[
            record(i, "organization_identifier") for i in org.organization_identifiers.all()
        ],
    )
