import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import ageband


def test_an_81_year_old_is_in_the_75_to_84_band():
    today = datetime.date(2026, 11, 23)
    assert ageband.band_for_birth_date(datetime.date(1945, 3, 27), today) == "75_84"


def test_the_birthday_itself_counts_as_the_new_age():
    today = datetime.date(2026, 3, 27)
    assert ageband.age_on(datetime.date(1961, 3, 27), today) == 65
    assert ageband.age_on(datetime.date(1961, 3, 28), today) == 64


def test_bands_have_no_gaps_at_their_edges():
    assert ageband.band_for_age(17) == "under_18"
    assert ageband.band_for_age(18) == "18_24"
    assert ageband.band_for_age(84) == "75_84"
    assert ageband.band_for_age(85) == "85_plus"


def test_a_negative_age_is_refused():
    with pytest.raises(ValueError):
        ageband.band_for_age(-1)


@given(st.integers(min_value=0, max_value=130))
def test_every_age_has_exactly_one_band(age):
    codes = [code for code, _ in ageband.BANDS]
    assert ageband.band_for_age(age) in codes
