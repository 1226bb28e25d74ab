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
