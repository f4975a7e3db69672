"""Seeded, vectorised percentile-bootstrap confidence interval for the Brier score.

A resample's Brier score depends only on how many times each squared error is drawn, and those
counts are multinomial. Small sets resample indices directly (exact), in chunks of resamples
that bound memory. Large sets draw the multinomial counts over value cells of width 1/CELLS of the
squared error, each cell represented by the mean of its members: this replaces O(n) work per
resample by O(CELLS). It only drops the within-cell variance, at most 1/(4 * CELLS^2) ~ 1e-6
against a typical squared-error variance of ~0.05, so the interval moves by ~1e-5 of its width.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from forecasts.scoring.score import Interval, check_forecasts

MIN_FORECASTS = 10
RESAMPLES = 1000
CELLS = 512
# Above this many drawn indices the exact path would dominate a report's time.
EXACT_DRAW_LIMIT = 20_000_000
CHUNK_ELEMENTS = 4_000_000


def brier_ci(
    p: ArrayLike,
    y: ArrayLike,
    resamples: int = RESAMPLES,
    seed: int | np.random.Generator = 0,
    level: float = 0.95,
) -> Interval:
    """Percentile bootstrap interval of the Brier score; undefined below 10 forecasts."""
    p_arr, y_arr = check_forecasts(p, y)
    return brier_ci_of_errors((p_arr - y_arr) ** 2, resamples, seed, level)


def brier_ci_of_errors(
    squared_errors: NDArray[np.float64],
    resamples: int = RESAMPLES,
    seed: int | np.random.Generator = 0,
    level: float = 0.95,
) -> Interval:
    """The same interval from precomputed squared errors (p - y)^2."""
    _check_settings(resamples, level)
    n = squared_errors.size
    if n < MIN_FORECASTS:
        return Interval.undefined(f"bootstrap needs at least {MIN_FORECASTS} forecasts, got {n}")
    rng = np.random.default_rng(seed)
    if n * resamples <= EXACT_DRAW_LIMIT:
        means = resampled_means_exact(squared_errors, resamples, rng)
    else:
        means = resampled_means_cells(squared_errors, resamples, rng)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return Interval.of(low, high)


def resampled_means_exact(
    values: NDArray[np.float64], resamples: int, rng: np.random.Generator
) -> NDArray[np.float64]:
    """Means of ``resamples`` index resamples, drawn a memory-bounded chunk at a time."""
    n = values.size
    chunk = max(1, CHUNK_ELEMENTS // n)
    parts = [
        values[rng.integers(0, n, size=(min(chunk, resamples - start), n))].mean(axis=1)
        for start in range(0, resamples, chunk)
    ]
    return np.concatenate(parts)


def resampled_means_cells(
    values: NDArray[np.float64], resamples: int, rng: np.random.Generator, cells: int = CELLS
) -> NDArray[np.float64]:
    """Means of resamples drawn as multinomial counts over value cells of ``values`` in [0, 1]."""
    n = values.size
    cell = np.rint(values * cells).astype(np.intp)
    counts = np.bincount(cell, minlength=cells + 1)
    sums = np.bincount(cell, weights=values, minlength=cells + 1)
    used = counts > 0
    cell_means, shares = sums[used] / counts[used], counts[used] / n
    chunk = max(1, CHUNK_ELEMENTS // cell_means.size)
    parts = [
        rng.multinomial(n, shares, size=min(chunk, resamples - start)) @ cell_means / n
        for start in range(0, resamples, chunk)
    ]
    return np.concatenate(parts)


def _check_settings(resamples: int, level: float) -> None:
    if resamples < 1:
        raise ValueError(f"resamples must be at least 1, got {resamples}")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
