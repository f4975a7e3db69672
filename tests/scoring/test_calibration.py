import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.calibration import calibration_curve

from forecasts.scoring import (
    DEFAULT_EDGES,
    CalibrationBin,
    calibration_bins,
    quantile_edges,
    uniform_edges,
    wilson_interval,
)


def test_default_edges_are_finer_near_zero_and_one():
    widths = np.diff(DEFAULT_EDGES)
    assert (widths[0], widths[-1], widths[len(widths) // 2]) == pytest.approx((0.02, 0.02, 0.1))


def test_it_fills_the_default_bins_of_a_hand_computed_case():
    bins = calibration_bins([0.01, 0.03, 0.04, 0.5, 1.0], [0, 0, 1, 1, 1])
    used = [[b.lower, b.count, b.mean_forecast, b.observed_frequency] for b in bins if b.count]
    assert np.array(used) == pytest.approx(
        np.array(
            [[0.0, 1, 0.01, 0.0], [0.02, 2, 0.035, 0.5], [0.5, 1, 0.5, 1.0], [0.98, 1, 1.0, 1.0]]
        )
    )


def test_it_keeps_empty_bins_with_a_zero_count_and_no_statistics():
    bins = calibration_bins([0.01], [0], edges=[0.0, 0.5, 1.0])
    assert bins[1] == CalibrationBin(0.5, 1.0, 0, None, None, None, None)


def test_it_keeps_every_bin_without_forecasts():
    assert [b.count for b in calibration_bins([], [])] == [0] * (len(DEFAULT_EDGES) - 1)


@pytest.mark.parametrize(
    ("p", "bin_index"),
    [(0.0, 0), (0.49, 0), (0.5, 1), (0.99, 1), (1.0, 1)],
)
def test_bins_are_closed_on_the_left_and_the_last_bin_holds_one(p, bin_index):
    bins = calibration_bins([p], [1], edges=[0.0, 0.5, 1.0])
    assert bins[bin_index].count == 1


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [(0, 10, 0.0, 0.2775), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0), (1, 1, 0.2065, 1.0)],
)
def test_wilson_interval_matches_published_values(successes, trials, low, high):
    assert wilson_interval(successes, trials) == pytest.approx((low, high), abs=5e-5)


@given(
    st.integers(min_value=1, max_value=10**6).flatmap(
        lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
    )
)
def test_wilson_interval_contains_the_observed_frequency(case):
    successes, trials = case
    low, high = wilson_interval(successes, trials)
    assert low <= successes / trials <= high


def test_quantile_edges_give_bins_of_equal_count():
    p = np.arange(1, 1001) / 1001
    bins = calibration_bins(p, np.zeros(1000), edges=quantile_edges(p, 4))
    assert [b.count for b in bins] == [250, 250, 250, 250]


def test_quantile_edges_merge_bins_left_empty_by_ties():
    assert quantile_edges([0.3] * 50 + [0.7] * 50, 10).tolist() == [0.0, 0.7, 1.0]


@pytest.mark.parametrize("p", [[], [0.4], [0.4, 0.4]])
def test_quantile_edges_fall_back_to_one_bin_when_nothing_separates_forecasts(p):
    assert quantile_edges(p, 5).tolist() == [0.0, 1.0]


@pytest.mark.parametrize("edges", [[0.0, 1.2], [0.0, 0.5, 0.5, 1.0], [0.5, 1.0], [1.0]])
def test_it_rejects_edges_that_do_not_increase_from_zero_to_one(edges):
    with pytest.raises(ValueError, match="edges"):
        calibration_bins([0.5], [1], edges=edges)


def test_observed_frequency_and_mean_forecast_agree_with_scikit_learn():
    rng = np.random.default_rng(7)
    p = rng.random(20_000) ** 2
    y = (rng.random(20_000) < p).astype(int)
    bins = [b for b in calibration_bins(p, y, edges=uniform_edges(10)) if b.count]
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
    ours = ([b.observed_frequency for b in bins], [b.mean_forecast for b in bins])
    assert ours == (pytest.approx(prob_true.tolist()), pytest.approx(prob_pred.tolist()))
