"""HSDS 3.0 tabular data packages in and out: CSV files plus `datapackage.json`.

Import is all-or-nothing: every row of every file is checked first, every
problem is reported with its file, line and reason, and nothing is written
unless there are none. References to records that are not in the package
and not already in the directory are errors when HSDS requires them, and are
dropped with a warning when it does not (the official example has some).
"""

import contextlib
import csv
import datetime
import decimal
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction
from django.utils.dateparse import parse_datetime

from . import hsds_profile
from .models import HSDS_MODELS, Location, ServiceProfile
from .search import reindex

HERE = Path(__file__).parent
DESCRIPTOR = HERE / "hsds" / "datapackage.json"
SCHEMAS = HERE / "hsds" / "schema"
SCOPED = {"organization", "service", "location", "taxonomy"}
ENUMS = {
    ("service", "status"): {"active", "inactive", "defunct", "temporarily closed"},
    ("location", "location_type"): {"physical", "postal", "virtual"},
    ("address", "address_type"): {"physical", "postal", "virtual"},
}


def descriptor() -> dict:
    return json.loads(DESCRIPTOR.read_text())


def resource_fields() -> dict[str, list[dict]]:
    return {r["name"]: r["schema"]["fields"] for r in descriptor()["resources"]}


@dataclass
class Problem:
    file: str
    line: int
    message: str

    def __str__(self):
        return f"{self.file} line {self.line}: {self.message}"


@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFailed(Exception):
    def __init__(self, report: ImportReport):
        self.report = report
        super().__init__(f"{len(report.errors)} problem(s); nothing was imported")


def _columns(model) -> dict[str, models.Field]:
    return {f.column: f for f in model._meta.concrete_fields}


def _to_datetime(value: str):
    parsed = parse_datetime(value.replace("Z", "+00:00"))
    if parsed is None:
        raise ValueError("is not a date and time")
    return parsed


def _to_int(value: str) -> int:
    number = float(value)
    if number != int(number):
        raise ValueError("is not a whole number")
    return int(number)


def _to_decimal(value: str):
    try:
        return decimal.Decimal(value)
    except decimal.InvalidOperation as exc:
        raise ValueError("is not a number") from exc


# Most specific first: a DateTimeField is also a DateField.
CONVERTERS = [
    ((models.ForeignKey, models.UUIDField), uuid.UUID),
    (models.DateTimeField, _to_datetime),
    (models.DateField, datetime.date.fromisoformat),
    (models.TimeField, datetime.time.fromisoformat),
    (models.IntegerField, _to_int),
    (models.FloatField, float),
    (models.DecimalField, _to_decimal),
]


def _convert(value: str, f: models.Field):
    """The typed value of one cell, or raise ValueError with a plain reason."""
    for kinds, convert in CONVERTERS:
        if isinstance(f, kinds):
            return convert(value)
    return value


def _read(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _known_ids(tables: dict, existing: dict) -> dict[str, set]:
    """Every id in the package and already in the directory, table by table."""
    ids = {table: set(existing.get(table, set())) for table in tables}
    for table, rows in tables.items():
        for row in rows:
            with contextlib.suppress(ValueError):
                ids[table].add(uuid.UUID((row.get("id") or "").strip()))
    return ids


def _cell_problem(table, column, value, f) -> str | None:
    if (table, column) in ENUMS and value not in ENUMS[(table, column)]:
        return f"{column} {value!r} is not one of: {', '.join(sorted(ENUMS[(table, column)]))}"
    if isinstance(f, models.CharField) and len(value) > f.max_length:
        return f"{column} is longer than {f.max_length}"
    return None


def _parse_row(table, columns, row) -> tuple[dict, list[str]]:
    """The row's typed values, and what is wrong with it."""
    kwargs, problems = {}, []
    for column, raw in row.items():
        if column is None or column not in columns:
            continue
        f = columns[column]
        value = (raw or "").strip()
        if not value:
            if not f.blank and not f.null and column != "id":
                problems.append(f"{column} is required")
            kwargs[f.attname] = None if f.null else ""
            continue
        try:
            kwargs[f.attname] = _convert(value, f)
        except ValueError as exc:
            problems.append(f"{column} {value!r} {_reason(exc, f)}")
            continue
        problem = _cell_problem(table, column, value, f)
        if problem:
            problems.append(problem)
    for column, f in columns.items():
        if column in row or column in ("id", "partnership_id"):
            continue
        if not f.blank and not f.null and not f.has_default():
            problems.append(f"{column} is required")
    return kwargs, problems


def parse_package(folder: Path, report: ImportReport, existing: dict[str, set]) -> list:
    """Check every row; return (table, model, kwargs) in load order. Problems go to the report."""
    known_files = {name for _, name, _ in HSDS_MODELS} | {hsds_profile.FILENAME}
    report.skipped_files += [
        p.name for p in sorted(folder.glob("*.csv")) if p.name not in known_files
    ]
    tables = {
        table: _read(folder / filename) if (folder / filename).exists() else []
        for table, filename, _model in HSDS_MODELS
    }
    ids = _known_ids(tables, existing)
    rows = []
    for table, filename, model in HSDS_MODELS:
        columns = _columns(model)
        seen = set()
        for line, row in enumerate(tables[table], start=2):
            kwargs, problems = _parse_row(table, columns, row)
            pk = kwargs.get("id")
            if pk is None:
                problems.append("id is missing or not a UUID")
            elif pk in seen:
                problems.append(f"id {pk} appears twice")
            seen.add(pk)
            report.errors += [Problem(filename, line, p) for p in problems]
            if (
                pk is not None
                and _check_references(model, filename, line, kwargs, ids, report)
                and not problems
            ):
                rows.append((table, model, kwargs))
    return rows


def _reason(exc: ValueError, f) -> str:
    text = str(exc)
    if text.startswith("is "):
        return text
    kind = {
        models.ForeignKey: "is not a UUID",
        models.UUIDField: "is not a UUID",
        models.DateField: "is not a date (YYYY-MM-DD)",
        models.TimeField: "is not a time (HH:MM:SS)",
        models.IntegerField: "is not a whole number",
        models.FloatField: "is not a number",
    }
    for cls, message in kind.items():
        if isinstance(f, cls):
            return message
    return "is not valid"


def _check_references(model, filename, line, kwargs, ids, report) -> bool:
    ok = True
    for f in model._meta.concrete_fields:
        if not isinstance(f, models.ForeignKey) or f.related_model._meta.app_label != "directory":
            continue
        value = kwargs.get(f.attname)
        if value is None:
            continue
        target = _table_of(f.related_model)
        if value in ids.get(target, set()):
            continue
        if f.null:
            kwargs[f.attname] = None
            report.warnings.append(
                Problem(filename, line, f"{f.column} {value} is not in the package; left empty")
            )
        else:
            report.errors.append(
                Problem(filename, line, f"{f.column} {value} is not in the package")
            )
            ok = False
    return ok


def _table_of(model) -> str:
    for table, _, m in HSDS_MODELS:
        if m is model:
            return table
    return ""


def import_package(folder, *, partnership) -> ImportReport:
    """Load a tabular data package into the directory, all or nothing."""
    folder = Path(folder)
    report = ImportReport()
    if not folder.is_dir():
        report.errors.append(Problem(str(folder), 0, "is not a folder"))
        raise ImportFailed(report)
    existing = {
        table: set(model.objects.values_list("id", flat=True)) for table, _, model in HSDS_MODELS
    }
    rows = parse_package(folder, report, existing)
    service_ids = existing["service"] | {kw["id"] for t, _, kw in rows if t == "service"}
    profiles = hsds_profile.read(
        folder,
        service_ids,
        lambda name, line, message: report.errors.append(Problem(name, line, message)),
    )
    if report.errors:
        raise ImportFailed(report)
    with transaction.atomic():
        services = []
        for table, model, kwargs in rows:
            if table in SCOPED:
                kwargs["partnership"] = partnership
            pk = kwargs.pop("id")
            obj, _ = model.objects.update_or_create(id=pk, defaults=kwargs)
            report.counts[table] = report.counts.get(table, 0) + 1
            if table == "service":
                services.append(obj)
        for service in services:
            ServiceProfile.objects.get_or_create(
                service=service, defaults={"partnership": partnership}
            )
        hsds_profile.apply(profiles, partnership=partnership)
        for service in services:
            reindex(service)
    return report


# ---------------------------------------------------------------- export


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, decimal.Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def _scoped_querysets(partnership) -> dict:
    """What belongs to this partnership, HSDS table by table."""
    from .models import (
        Accessibility,
        Address,
        Attribute,
        Contact,
        CostOption,
        Funding,
        Language,
        Organization,
        OrganizationIdentifier,
        Phone,
        Program,
        RequiredDocument,
        Schedule,
        Service,
        ServiceArea,
        ServiceAtLocation,
        Taxonomy,
        TaxonomyTerm,
    )

    p = partnership
    orgs = Organization.objects.filter(partnership=p)
    services = Service.objects.filter(partnership=p)
    locations = Location.objects.filter(partnership=p)
    confidential = ServiceProfile.objects.filter(partnership=p, confidential_address=True).values(
        "service_id"
    )
    hidden_locations = set(
        ServiceAtLocation.objects.filter(service_id__in=confidential).values_list(
            "location_id", flat=True
        )
    )
    linked = set(orgs.values_list("id", flat=True)) | set(services.values_list("id", flat=True))
    linked |= set(locations.values_list("id", flat=True))
    return {
        "taxonomy": Taxonomy.objects.filter(partnership__in=[p.pk])
        | Taxonomy.objects.filter(partnership__isnull=True),
        "taxonomy_term": TaxonomyTerm.objects.all(),
        "organization": orgs,
        "organization_identifier": OrganizationIdentifier.objects.filter(organization__in=orgs),
        "program": Program.objects.filter(organization__in=orgs),
        "service": services,
        "location": locations,
        "service_at_location": ServiceAtLocation.objects.filter(service__in=services),
        "address": Address.objects.filter(location__in=locations).exclude(
            location_id__in=hidden_locations
        ),
        "contact": Contact.objects.filter(
            models.Q(organization__in=orgs) | models.Q(service__in=services)
        ),
        "phone": Phone.objects.filter(
            models.Q(organization__in=orgs)
            | models.Q(service__in=services)
            | models.Q(location__in=locations)
        ),
        "schedule": Schedule.objects.filter(
            models.Q(service__in=services) | models.Q(location__in=locations)
        ),
        "service_area": ServiceArea.objects.filter(service__in=services),
        "cost_option": CostOption.objects.filter(service__in=services),
        "language": Language.objects.filter(
            models.Q(service__in=services) | models.Q(location__in=locations)
        ),
        "accessibility": Accessibility.objects.filter(location__in=locations),
        "funding": Funding.objects.filter(
            models.Q(organization__in=orgs) | models.Q(service__in=services)
        ),
        "required_document": RequiredDocument.objects.filter(service__in=services),
        "attribute": Attribute.objects.filter(link_id__in=linked),
        "_hidden_locations": hidden_locations,
    }


def export_package(folder, *, partnership) -> dict[str, int]:
    """Write the partnership's directory as an HSDS tabular data package."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fields_by_resource = resource_fields()
    querysets = _scoped_querysets(partnership)
    hidden = querysets.pop("_hidden_locations")
    models_by_table = {table: model for table, _, model in HSDS_MODELS}
    counts = {}
    meta = descriptor()
    for resource in meta["resources"]:
        name = resource["name"]
        names = [f["name"] for f in fields_by_resource[name]]
        path = folder / resource["path"]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(names)
            model = models_by_table.get(name)
            if model is None:
                counts[name] = 0
                continue
            columns = _columns(model)
            count = 0
            for obj in querysets[name].distinct().order_by("id").iterator():
                row = {c: getattr(obj, columns[c].attname) for c in names if c in columns}
                if name == "location" and obj.id in hidden:
                    # A confidential service's place is findable, never locatable.
                    row.update(latitude=None, longitude=None, transportation="")
                writer.writerow([_cell(row.get(c)) for c in names])
                count += 1
            counts[name] = count
    exported = querysets["service"].distinct().values("id")
    profiles = ServiceProfile.objects.filter(service__in=exported).order_by("service_id")
    counts[hsds_profile.RESOURCE["name"]] = hsds_profile.write(folder, profiles.iterator())
    meta["resources"].append(hsds_profile.RESOURCE)
    (folder / "datapackage.json").write_text(json.dumps(meta, indent=2))
    return counts


# ---------------------------------------------------------------- validation


def schema_registry():
    from referencing import Registry, Resource

    resources = []
    for path in SCHEMAS.glob("*.json"):
        if path.name == "openapi.json":
            continue
        resources.append(
            (
                path.name,
                Resource.from_contents(
                    json.loads(path.read_text()), default_specification=_draft()
                ),
            )
        )
    return Registry().with_resources(resources)


def _draft():
    from referencing.jsonschema import DRAFT202012

    return DRAFT202012


def validate_record(record: dict, schema_name: str) -> list[str]:
    """Messages for every way a record breaks the HSDS JSON schema (empty when valid)."""
    import jsonschema

    schema = json.loads((SCHEMAS / f"{schema_name}.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, registry=schema_registry())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(record)]


def csv_records(folder, resource: str) -> list[dict]:
    """Rows of one exported CSV as JSON records typed as the descriptor says."""
    fields = {f["name"]: f for f in resource_fields()[resource]}
    path = Path(folder) / next(
        r["path"] for r in descriptor()["resources"] if r["name"] == resource
    )
    records = []
    for row in _read(path):
        record = {}
        for name, value in row.items():
            if value == "":
                continue
            record[name] = float(value) if fields[name]["type"] == "number" else value
        records.append(record)
    return records
