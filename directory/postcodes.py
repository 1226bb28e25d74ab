"""Loading UK postcode centroids from the ONS Postcode Directory (ONSPD) CSV.

The user supplies the published file; the repository ships a small sample
for the demo area (`directory/data/onspd_sample.csv`). Columns read: `pcds`
(the postcode), `lat` and `long`, `oslaua` (council), `oshlthau` (health
board) and, for Scotland's health and social care partnerships, `pct` when it
holds an HSCP code (S37…), else a council → partnership lookup, because
partnerships follow council boundaries.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from lib import postcode as postcodes

from .models import Postcode

HERE = Path(__file__).parent
SAMPLE = HERE / "data" / "onspd_sample.csv"
HSCP_LOOKUP = HERE / "data" / "hscp_lookup.csv"
# ONSPD marks postcodes without a grid reference with this latitude.
NO_LOCATION = 99.999999


@dataclass
class PostcodeReport:
    loaded: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


class PostcodeImportFailed(Exception):
    def __init__(self, report):
        self.report = report
        super().__init__(f"{len(report.errors)} bad row(s); nothing was loaded")


def read_lookup(path: Path = HSCP_LOOKUP) -> dict[str, str]:
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        return {row["council_code"]: row["partnership_code"] for row in csv.DictReader(handle)}


def _row(row: dict, line: int, lookup: dict, report: PostcodeReport) -> Postcode | None:
    row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
    if row.get("doterm"):
        report.skipped += 1
        return None
    code = postcodes.normalise(row.get("pcds") or row.get("pcd") or "")
    if not code:
        report.errors.append(f"line {line}: {row.get('pcds')!r} is not a postcode")
        return None
    try:
        lat, lng = float(row.get("lat", "")), float(row.get("long", ""))
    except ValueError:
        report.errors.append(f"line {line}: {code} has no usable latitude and longitude")
        return None
    if abs(lat - NO_LOCATION) < 1e-6:
        report.skipped += 1
        return None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        report.errors.append(f"line {line}: {code} latitude or longitude is out of range")
        return None
    council = row.get("oslaua", "")
    pct = row.get("pct", "")
    partnership = pct if pct.startswith("S37") else lookup.get(council, "")
    return Postcode(
        postcode=code,
        latitude=lat,
        longitude=lng,
        council_code=council,
        health_board_code=row.get("oshlthau", "") or row.get("hlthau", ""),
        partnership_code=partnership,
    )


def import_postcodes(path, *, lookup: dict | None = None) -> PostcodeReport:
    """Load or update every postcode in the file; nothing at all if any row is bad."""
    lookup = read_lookup() if lookup is None else lookup
    report = PostcodeReport()
    rows = {}
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        headers = {h.strip().lower() for h in reader.fieldnames or []}
        missing = {"lat", "long"} - headers
        if missing or not headers & {"pcds", "pcd"}:
            report.errors.append(
                "the file needs the ONSPD columns pcds, lat and long (and oslaua, oshlthau)"
            )
            raise PostcodeImportFailed(report)
        for line, raw in enumerate(reader, start=2):
            postcode = _row(raw, line, lookup, report)
            if postcode:
                rows[postcode.postcode] = postcode
    if report.errors:
        raise PostcodeImportFailed(report)
    with transaction.atomic():
        existing = set(
            Postcode.objects.filter(postcode__in=list(rows)).values_list("postcode", flat=True)
        )
        Postcode.objects.bulk_create([p for c, p in rows.items() if c not in existing], 2000)
        for code in existing:
            p = rows[code]
            Postcode.objects.filter(postcode=code).update(
                latitude=p.latitude,
                longitude=p.longitude,
                council_code=p.council_code,
                health_board_code=p.health_board_code,
                partnership_code=p.partnership_code,
            )
    report.loaded = len(rows)
    return report
