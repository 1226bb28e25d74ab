"""Loading the ONS Postcode Directory: the sample loads, bad files load nothing."""

import pytest
from django.core.management import CommandError, call_command

from directory.models import Postcode
from directory.postcodes import SAMPLE, PostcodeImportFailed, import_postcodes

HEADER = "pcd,pcds,doterm,oslaua,oshlthau,pct,lat,long\n"


def test_the_shipped_sample_loads_with_council_board_and_partnership(db):
    call_command("import_postcodes", str(SAMPLE))
    assert Postcode.objects.count() == 180
    row = Postcode.objects.get(postcode="GB2 1AA")
    assert row.council_code == "S12000099"
    assert row.health_board_code == "S08000099"
    assert row.partnership_code == "S37000099"  # from the council lookup
    call_command("import_postcodes", str(SAMPLE))
    assert Postcode.objects.count() == 180


def test_bad_rows_are_all_reported_and_nothing_loads(db, tmp_path):
    path = tmp_path / "onspd.csv"
    path.write_text(
        HEADER
        + "GB11AA,GB1 1AA,,S12000099,S08000099,,56.1,-3.2\n"
        + "XX,not a postcode,,S12000099,S08000099,,56.1,-3.2\n"
        + "GB11AB,GB1 1AB,,S12000099,S08000099,,north,-3.2\n"
    )
    with pytest.raises(PostcodeImportFailed) as failure:
        import_postcodes(path)
    assert len(failure.value.report.errors) == 2
    assert "line 3" in failure.value.report.errors[0]
    assert not Postcode.objects.exists()
    with pytest.raises(CommandError):
        call_command("import_postcodes", str(path))


def test_terminated_and_unlocated_postcodes_are_skipped_and_pct_hscp_codes_used(db, tmp_path):
    path = tmp_path / "onspd.csv"
    path.write_text(
        HEADER
        + "GB11AA,GB1 1AA,201001,S12000099,S08000099,,56.1,-3.2\n"
        + "GB11AB,GB1 1AB,,S12000099,S08000099,,99.999999,0.000000\n"
        + "GB11AD,GB1 1AD,,S12000098,S08000099,S37000098,56.1,-3.2\n"
    )
    report = import_postcodes(path)
    assert report.loaded == 1 and report.skipped == 2
    assert Postcode.objects.get().partnership_code == "S37000098"


def test_a_file_without_the_onspd_columns_is_refused(db, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("postcode,x\nGB1 1AA,1\n")
    with pytest.raises(PostcodeImportFailed):
        import_postcodes(path)
