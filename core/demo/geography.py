"""Glenbrae's made-up geography: areas, postcodes and where they are.

The postcodes use the area letters "GB", which no real UK postcode uses, so
the demo can never be mistaken for a real place. The codes for the council,
health board and partnership follow the GSS pattern with numbers no real body
has. The directory's sample postcode file is generated from this module.
"""

COUNCIL_CODE = "S12000099"
HEALTH_BOARD_CODE = "S08000099"
PARTNERSHIP_CODE = "S37000099"

# (area name, postcode district, centre latitude, centre longitude)
AREAS = [
    ("Glenbrae Town", "GB1", 56.2000, -3.2000),
    ("Kirkton", "GB2", 56.2350, -3.1500),
    ("Inverbrae", "GB3", 56.1650, -3.2650),
    ("Strathmuir", "GB4", 56.2600, -3.2900),
    ("Balgownie", "GB5", 56.1500, -3.1300),
    ("Eastfield", "GB6", 56.2050, -3.0900),
]

SECTORS = "12345"
UNITS = [
    "AA",
    "AB",
    "AD",
    "AE",
    "AF",
    "AG",
    "AH",
    "AJ",
    "AL",
    "AN",
    "AP",
    "AQ",
    "AR",
    "AS",
    "AT",
    "AU",
    "AW",
    "AX",
    "AY",
    "AZ",
    "BA",
    "BB",
    "BD",
    "BE",
    "BF",
]


def postcodes() -> list[dict]:
    """Every demo postcode with its centroid and codes, the same on every run."""
    rows = []
    for area_index, (area, district, lat, lng) in enumerate(AREAS):
        for s, sector in enumerate(SECTORS):
            for u, unit in enumerate(UNITS[:6]):
                # Spread postcodes over roughly 3 km around the area's centre.
                dlat = ((s - 2) * 0.006) + ((u % 3) - 1) * 0.0018
                dlng = ((u - 2.5) * 0.006) + ((s % 2) * 0.002)
                rows.append(
                    {
                        "postcode": f"{district} {sector}{unit}",
                        "area": area,
                        "latitude": round(lat + dlat, 6),
                        "longitude": round(lng + dlng, 6),
                        "council": COUNCIL_CODE,
                        "health_board": HEALTH_BOARD_CODE,
                        "partnership": PARTNERSHIP_CODE,
                        "ward": f"S13009{area_index + 90:03d}",
                    }
                )
    return rows


def postcodes_in(area: str) -> list[str]:
    return [row["postcode"] for row in postcodes() if row["area"] == area]
