"""HSDS tabular data packages: the official example imports, exports are valid HSDS."""

import shutil
from pathlib import Path

import pytest

from directory import hsds_io
from directory.models import Address, Location, Organization, Service, ServiceProfile

EXAMPLE = Path(__file__).parent / "data" / "hsds_example"


def test_the_official_example_imports(world):
    report = hsds_io.import_package(EXAMPLE, partnership=world.partnership)
    assert report.ok
    service = Service.objects.get(pk="ac148810-d857-441c-9679-408f346de14b")
    assert service.name == "Community Counselling"
    assert service.organization.name == "Example Organization Inc."
    assert service.cost_options.get().amount == 35
    assert service.schedules.get().byday == "TH,FR"
    assert ServiceProfile.objects.filter(service=service).exists()
    # Its dangling optional references are reported, not fatal.
    assert any("organization_id" in str(w) for w in report.warnings)
    assert "metadata.csv" in report.skipped_files


def test_a_bad_package_imports_nothing_and_reports_every_bad_row(world, tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "pkg")
    services = tmp_path / "pkg" / "services.csv"
    text = services.read_text()
    lines = text.splitlines()
    header = lines[0]
    bad_status = lines[1].replace(",active,", ",open-ish,")
    bad_id = "not-a-uuid" + lines[1][36:].replace("ac148810", "bc148810")
    services.write_text("\n".join([header, bad_status, bad_id]) + "\n")
    with pytest.raises(hsds_io.ImportFailed) as failure:
        hsds_io.import_package(tmp_path / "pkg", partnership=world.partnership)
    messages = [str(p) for p in failure.value.report.errors]
    assert any("services.csv line 2" in m and "status" in m for m in messages)
    assert any("services.csv line 3" in m and "id" in m for m in messages)
    assert not Organization.objects.exists()
    assert not Service.objects.exists()


def test_a_missing_required_reference_is_an_error(world, tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "pkg")
    (tmp_path / "pkg" / "organizations.csv").write_text(
        (tmp_path / "pkg" / "organizations.csv").read_text().splitlines()[0] + "\n"
    )
    with pytest.raises(hsds_io.ImportFailed) as failure:
        hsds_io.import_package(tmp_path / "pkg", partnership=world.partnership)
    assert any("organization_id" in str(p) for p in failure.value.report.errors)


def test_export_of_the_example_round_trips(world, tmp_path):
    hsds_io.import_package(EXAMPLE, partnership=world.partnership)
    hsds_io.export_package(tmp_path / "out", partnership=world.partnership)
    assert (tmp_path / "out" / "datapackage.json").exists()
    assert Location.objects.count() == 1
    assert Address.objects.count() == 1


@pytest.fixture
def demo(db):
    from django.core.management import call_command

    call_command("seed_demo", quiet=True)
    from people.models import Partnership

    return Partnership.objects.get(slug="glenbrae")


HSDS_TABLES = [t for t, _, _ in __import__("directory.models", fromlist=["x"]).HSDS_MODELS]


def _snapshot():
    from directory.models import HSDS_MODELS

    out = {}
    for table, _, model in HSDS_MODELS:
        columns = hsds_io._columns(model)
        fields = [f.attname for c, f in columns.items() if c != "partnership_id"]
        out[table] = sorted(
            tuple(str(v) for v in row) for row in model.objects.values_list(*fields)
        )
    return out


def test_the_demo_export_is_a_valid_package_of_valid_hsds_records(demo, tmp_path):
    from frictionless import validate

    counts = hsds_io.export_package(tmp_path / "out", partnership=demo)
    assert counts["service"] >= 250
    report = validate(str(tmp_path / "out" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    for resource in hsds_io.resource_fields():
        for record in hsds_io.csv_records(tmp_path / "out", resource):
            assert hsds_io.validate_record(record, resource) == [], (resource, record)


def test_confidential_addresses_never_leave_in_an_export(demo, tmp_path):
    hidden = ServiceProfile.objects.filter(confidential_address=True).first()
    location = hidden.service.service_at_locations.get().location
    assert Address.objects.filter(location=location).exists()  # editors know it
    hsds_io.export_package(tmp_path / "out", partnership=demo)
    assert hidden.service.name in (tmp_path / "out" / "services.csv").read_text()  # findable
    assert str(location.id) not in (tmp_path / "out" / "addresses.csv").read_text()
    rows = hsds_io.csv_records(tmp_path / "out", "location")
    exported = next(r for r in rows if r["id"] == str(location.id))
    assert "latitude" not in exported and "transportation" not in exported


def test_export_then_import_into_an_empty_database_reproduces_every_entry(demo, tmp_path):
    from directory.models import HSDS_MODELS

    # Confidential places are withheld on purpose (tested above); everything else returns.
    ServiceProfile.objects.update(confidential_address=False)
    hsds_io.export_package(tmp_path / "out", partnership=demo)
    before = _snapshot(), _profiles()
    assert any(p[1] for p in before[1]) and any(p[4] != "unknown" for p in before[1])
    for _, _, model in reversed(HSDS_MODELS):
        model.objects.all().delete()
    assert not Service.objects.exists() and not ServiceProfile.objects.exists()
    report = hsds_io.import_package(tmp_path / "out", partnership=demo)
    assert report.ok and not report.warnings
    assert "coproduce_service_profile.csv" not in report.skipped_files
    assert (_snapshot(), _profiles()) == before


PROFILE_FACTS = (
    "audience",
    "informal_group",
    "confidential_address",
    "is_free",
    "capacity",
    "review_interval_months",
    "radius_km",
)


def _profiles():
    return sorted(
        (str(sid), *facts)
        for sid, *facts in ServiceProfile.objects.values_list("service_id", *PROFILE_FACTS)
    )


def test_a_bad_profile_row_is_reported_and_nothing_is_imported(world, tmp_path):
    from directory import hsds_profile

    shutil.copytree(EXAMPLE, tmp_path / "pkg")
    service_id = hsds_io.csv_records(tmp_path / "pkg", "service")[0]["id"]
    (tmp_path / "pkg" / hsds_profile.FILENAME).write_text(
        ",".join(hsds_profile.COLUMNS)
        + "\n"
        + f"{service_id},older_people pirates,maybe,false,full,true,12,\n"
        + "not-a-uuid,,false,false,taking,false,0,-3\n"
    )
    with pytest.raises(hsds_io.ImportFailed) as failed:
        hsds_io.import_package(tmp_path / "pkg", partnership=world.partnership)
    messages = [str(p) for p in failed.value.report.errors]
    assert any("line 2" in m and "unknown groups: pirates" in m for m in messages)
    assert any("line 2" in m and "informal_group must be true or false" in m for m in messages)
    assert any("line 3" in m and "not a UUID" in m for m in messages)
    assert any("line 3" in m and "review_interval_months" in m for m in messages)
    assert any("line 3" in m and "radius_km cannot be negative" in m for m in messages)
    assert not Service.objects.exists()
