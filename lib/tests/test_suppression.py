import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import suppression


def test_small_counts_are_hidden_and_large_ones_shown():
    assert suppression.suppress(3) is None
    assert suppression.suppress(5) == 5
    assert suppression.suppress(0) == 0


def test_a_lone_hidden_cell_takes_the_next_smallest_with_it():
    assert suppression.suppress_row([2, 10, 7]) == [None, 10, None]


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        suppression.suppress(-1)


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=8))
def test_no_row_ever_reveals_exactly_one_small_cell(counts):
    shown = suppression.suppress_row(counts)
    hidden = [i for i, v in enumerate(shown) if v is None]
    # Either nothing is hidden, or at least two cells are, or only one could be.
    nonzero = [c for c in counts if c]
    assert len(hidden) != 1 or len(nonzero) == 1
    for original, value in zip(counts, shown, strict=True):
        assert value is None or value == original
        if 0 < original < suppression.THRESHOLD:
            assert value is None
