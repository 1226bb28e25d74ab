"""Coproduce's profile of HSDS: what the field needs that HSDS 3.0 does not carry.

HSDS lets a profile add tables to the tabular data package. Ours adds one,
`coproduce_service_profile.csv`: for each service, who it is for, whether it
is an informal group, whether its address is kept confidential, whether it is
taking new people, whether it is free, how often it should be checked and
how far it reaches. Other HSDS tools ignore the extra table; a Coproduce
import reads it when it is there, so an export → import round trip keeps
these facts too. The checks follow the same all-or-nothing rules as the rest
of the import: every bad row is reported, and nothing is written if any is.
"""

import csv
import uuid
from pathlib import Path

from .models.extension import Audience, Capacity, ServiceProfile

FILENAME = "coproduce_service_profile.csv"
AUDIENCES = {choice.value for choice in Audience}
CAPACITIES = {choice.value for choice in Capacity}
TRUE, FALSE = "true", "false"

RESOURCE = {
    "name": "coproduce_service_profile",
    "path": FILENAME,
    "profile": "tabular-data-resource",
    "title": "Coproduce service profile",
    "description": "Facts about each service that the field needs beyond HSDS 3.0.",
    "schema": {
        "fields": [
            {
                "name": "service_id",
                "type": "string",
                "format": "uuid",
                "constraints": {"required": True, "unique": True},
            },
            {
                "name": "audience",
                "type": "string",
                "description": "Who it is for, space-separated: " + " ".join(sorted(AUDIENCES)),
            },
            {"name": "informal_group", "type": "boolean"},
            {
                "name": "confidential_address",
                "type": "boolean",
                "description": "Findable, but the address is never published.",
            },
            {"name": "capacity", "type": "string", "constraints": {"enum": sorted(CAPACITIES)}},
            {"name": "is_free", "type": "boolean"},
            {
                "name": "review_interval_months",
                "type": "integer",
                "constraints": {"minimum": 1, "maximum": 60},
            },
            {"name": "radius_km", "type": "number", "constraints": {"minimum": 0}},
        ],
        "primaryKey": ["service_id"],
        "foreignKeys": [
            {"fields": ["service_id"], "reference": {"resource": "service", "fields": ["id"]}}
        ],
    },
}
COLUMNS = [f["name"] for f in RESOURCE["schema"]["fields"]]


def _audience_codes(stored: str) -> list[str]:
    return [code for code in stored.split(",") if code]


def write(folder: Path, profiles) -> int:
    """Write the profile table for these profiles; return how many rows."""
    count = 0
    with (folder / FILENAME).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for profile in profiles:
            writer.writerow(
                [
                    str(profile.service_id),
                    " ".join(_audience_codes(profile.audience)),
                    TRUE if profile.informal_group else FALSE,
                    TRUE if profile.confidential_address else FALSE,
                    profile.capacity,
                    TRUE if profile.is_free else FALSE,
                    profile.review_interval_months,
                    "" if profile.radius_km is None else format(profile.radius_km, "g"),
                ]
            )
            count += 1
    return count


def _boolean(value: str, column: str, problems: list[str]) -> bool:
    value = value.strip().lower()
    if value in ("", FALSE):
        return False
    if value == TRUE:
        return True
    problems.append(f"{column} must be true or false, not {value!r}")
    return False


def _parse(row: dict, service_ids: set) -> tuple[dict, list[str]]:
    problems: list[str] = []
    values: dict = {}
    raw_id = (row.get("service_id") or "").strip()
    try:
        values["service_id"] = uuid.UUID(raw_id)
    except ValueError:
        problems.append("service_id is missing or not a UUID")
    else:
        if values["service_id"] not in service_ids:
            problems.append(f"service_id {raw_id} is not a service in the package or the directory")
    codes = (row.get("audience") or "").split()
    unknown = [code for code in codes if code not in AUDIENCES]
    if unknown:
        problems.append(f"audience has unknown groups: {', '.join(unknown)}")
    values["audience"] = f",{','.join(codes)}," if codes else ""
    for column in ("informal_group", "confidential_address", "is_free"):
        values[column] = _boolean(row.get(column) or "", column, problems)
    capacity = (row.get("capacity") or Capacity.UNKNOWN).strip()
    if capacity not in CAPACITIES:
        problems.append(f"capacity must be one of {', '.join(sorted(CAPACITIES))}")
    values["capacity"] = capacity
    values.update(_reach_and_interval(row, problems))
    return values, problems


def _reach_and_interval(row: dict, problems: list[str]) -> dict:
    values: dict = {"radius_km": None}
    interval = (row.get("review_interval_months") or "12").strip()
    if interval.isdigit() and 1 <= int(interval) <= 60:
        values["review_interval_months"] = int(interval)
    else:
        problems.append("review_interval_months must be a whole number from 1 to 60")
    radius = (row.get("radius_km") or "").strip()
    if radius:
        try:
            values["radius_km"] = float(radius)
        except ValueError:
            problems.append("radius_km must be a number of kilometres")
        else:
            if values["radius_km"] < 0:
                problems.append("radius_km cannot be negative")
    return values


def read(folder: Path, service_ids: set, problem) -> list[dict]:
    """Check every row of the profile table, if the package has one.

    `problem(filename, line, message)` records each problem; the rows that
    passed come back, to be applied once the whole package has passed.
    """
    path = folder / FILENAME
    if not path.exists():
        return []
    rows, seen = [], set()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            values, problems = _parse(row, service_ids)
            if values.get("service_id") in seen:
                problems.append(f"service_id {values['service_id']} appears twice")
            seen.add(values.get("service_id"))
            for message in problems:
                problem(FILENAME, line, message)
            if not problems:
                rows.append(values)
    return rows


def apply(rows: list[dict], *, partnership) -> None:
    """Write checked profile rows (inside the import's transaction)."""
    for values in rows:
        service_id = values.pop("service_id")
        ServiceProfile.objects.update_or_create(
            service_id=service_id, defaults={**values, "partnership": partnership}
        )
