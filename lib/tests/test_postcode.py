import pytest

from lib import postcode


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("ky11aa", "KY1 1AA"),
        ("  eh1   1yz ", "EH1 1YZ"),
        ("GB2 3AB", "GB2 3AB"),
        ("g2 4ab", "G2 4AB"),
        ("SW1A 1AA", "SW1A 1AA"),
    ],
)
def test_postcodes_are_written_the_standard_way(typed, expected):
    assert postcode.normalise(typed) == expected


@pytest.mark.parametrize("typed", ["", "hello", "12345", "KY1", "KY1 1A", "<script>"])
def test_things_that_are_not_postcodes_are_refused(typed):
    assert postcode.normalise(typed) is None


def test_outward_code():
    assert postcode.outward("KY1 1AA") == "KY1"
