import numpy as np
import pytest

from forecasts.scoring import brier, brier_ci
from forecasts.scoring.bootstrap import resampled_means_cells, resampled_means_exact


@pytest.fixture(scope="module")
def forecasts():
    rng = np.random.default_rng(11)
    p = rng.random(2000)
    return p, (rng.random(2000) < p).astype(int)


@pytest.mark.parametrize("n", [0, 1, 9])
def test_it_is_undefined_below_ten_forecasts(n):
    interval = brier_ci([0.3] * n, [1] * n)
    assert (interval.defined, interval.reason) == (
        False,
        f"bootstrap needs at least 10 forecasts, got {n}",
    )


def test_it_is_defined_from_ten_forecasts():
    assert brier_ci(np.linspace(0, 1, 10), [0, 1] * 5).defined


def test_the_interval_brackets_the_brier_score(forecasts):
    interval, score = brier_ci(*forecasts), brier(*forecasts).value
    assert interval.low < score < interval.high


def test_the_same_seed_gives_the_same_interval(forecasts):
    assert brier_ci(*forecasts, seed=5) == brier_ci(*forecasts, seed=5)


def test_a_different_seed_gives_a_different_interval(forecasts):
    assert brier_ci(*forecasts, seed=5) != brier_ci(*forecasts, seed=6)


def test_perfect_forecasts_have_a_zero_width_interval():
    interval = brier_ci([1.0, 0.0] * 10, [1, 0] * 10)
    assert (interval.low, interval.high) == (0.0, 0.0)


def test_a_wider_level_gives_a_wider_interval(forecasts):
    narrow, wide = brier_ci(*forecasts, level=0.5), brier_ci(*forecasts, level=0.99)
    assert (wide.low < narrow.low, wide.high > narrow.high) == (True, True)


def test_the_cell_shortcut_matches_exact_index_resampling(forecasts):
    p, y = forecasts
    errors = (p - y) ** 2
    exact = resampled_means_exact(errors, 4000, np.random.default_rng(1))
    cells = resampled_means_cells(errors, 4000, np.random.default_rng(2))
    assert (cells.mean(), cells.std()) == pytest.approx((exact.mean(), exact.std()), rel=0.05)


def test_a_large_set_uses_the_cell_shortcut_and_still_brackets_the_score():
    rng = np.random.default_rng(3)
    p = rng.random(200_000)
    y = (rng.random(200_000) < p).astype(int)
    interval = brier_ci(p, y, resamples=500)
    assert interval.low < brier(p, y).value < interval.high


@pytest.mark.parametrize(("resamples", "level"), [(0, 0.95), (100, 0.0), (100, 1.0), (100, 95)])
def test_it_rejects_impossible_settings(forecasts, resamples, level):
    with pytest.raises(ValueError, match="resamples|level"):
        brier_ci(*forecasts, resamples=resamples, level=level)
