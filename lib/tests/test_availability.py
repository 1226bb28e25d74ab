import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import availability

SLOTS = [f"{d}_{p}" for d in availability.DAYS for p in availability.PARTS]


def test_slots_round_trip_through_the_mask():
    mask = availability.from_slots(["mon_morning", "sun_evening"])
    assert availability.to_slots(mask) == ["mon_morning", "sun_evening"]


def test_overlap_counts_shared_slots():
    a = availability.from_slots(["tue_afternoon", "wed_afternoon", "thu_morning"])
    b = availability.from_slots(["wed_afternoon", "thu_morning", "fri_evening"])
    assert availability.overlap(a, b) == 2


def test_an_unknown_day_is_refused():
    with pytest.raises(ValueError):
        availability.from_slots(["funday_morning"])


@given(st.lists(st.sampled_from(SLOTS), unique=True))
def test_any_set_of_slots_survives_a_round_trip(slots):
    mask = availability.from_slots(slots)
    assert set(availability.to_slots(mask)) == set(slots)
    assert 0 <= mask <= availability.ALL
