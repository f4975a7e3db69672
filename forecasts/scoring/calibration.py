"""Calibration tables: per-bin counts, mean forecast, observed frequency and Wilson intervals.

Bins are half-open ``[lower, upper)`` except the last, which also holds ``upper`` (so p = 1 counts).
Empty bins are kept, with count 0 and ``None`` statistics, so every report of a given edge set has
the same rows and a reliability diagram can show where forecasters never go.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from forecasts.scoring.score import check_forecasts, check_probabilities

# Finer near 0 and 1, where verbal scales put "remote" and "almost certain" and a few points matter.
DEFAULT_EDGES = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0)
WILSON_Z = 1.959963984540054  # two-sided 95% normal quantile


@dataclass(frozen=True)
class CalibrationBin:
    """One row of a reliability diagram; statistics are ``None`` when the bin is empty."""

    lower: float
    upper: float
    count: int
    mean_forecast: float | None
    observed_frequency: float | None
    wilson_low: float | None
    wilson_high: float | None


@dataclass(frozen=True)
class BinSums:
    """Per-bin sums from one pass over the forecasts; enough for the table and binned Murphy."""

    edges: NDArray[np.float64]
    counts: NDArray[np.int64]
    sum_p: NDArray[np.float64]
    sum_y: NDArray[np.float64]
    sum_pp: NDArray[np.float64]
    sum_py: NDArray[np.float64]

    @classmethod
    def of(cls, p: NDArray[np.float64], y: NDArray[np.float64], edges: ArrayLike) -> BinSums:
        edge_arr = check_edges(edges)
        n_bins = edge_arr.size - 1
        index = np.searchsorted(edge_arr, p, side="right") - 1
        np.clip(index, 0, n_bins - 1, out=index)
        counts = np.bincount(index, minlength=n_bins)
        p_y = p * y

        def total(weights: NDArray[np.float64]) -> NDArray[np.float64]:
            return np.bincount(index, weights=weights, minlength=n_bins).astype(
                np.float64, copy=False
            )

        return cls(edge_arr, counts, total(p), total(y), total(p * p), total(p_y))


def check_edges(edges: ArrayLike) -> NDArray[np.float64]:
    """Bin edges must be strictly increasing and span exactly [0, 1]."""
    arr = np.asarray(edges, dtype=np.float64)
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError("bin edges need at least two values")
    if arr[0] != 0.0 or arr[-1] != 1.0 or not (np.diff(arr) > 0).all():
        raise ValueError(f"bin edges must increase strictly from 0 to 1, got {arr.tolist()}")
    return arr


def uniform_edges(n_bins: int) -> NDArray[np.float64]:
    """``n_bins`` equal-width bins on [0, 1] (the edges sklearn's calibration_curve uses)."""
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1, got {n_bins}")
    return np.linspace(0.0, 1.0, n_bins + 1)


def quantile_edges(p: ArrayLike, n_bins: int) -> NDArray[np.float64]:
    """Edges putting about the same number of forecasts in each bin.

    Edges fall midway between neighbouring forecasts, so no forecast sits on an edge; ties can
    leave a bin empty, and empty bins are merged into a neighbour (fewer, unequal bins).
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1, got {n_bins}")
    ordered = np.sort(check_probabilities(p))
    if ordered.size < 2:
        return uniform_edges(1)
    ranks = np.clip(np.rint(ordered.size * np.arange(1, n_bins) / n_bins).astype(int), 1, None)
    ranks = ranks[ranks < ordered.size]
    inner = (ordered[ranks - 1] + ordered[ranks]) / 2.0
    edges = np.unique(np.concatenate(([0.0], inner[(inner > 0.0) & (inner < 1.0)], [1.0])))
    return _merge_empty_bins(edges, ordered)


def _merge_empty_bins(edges: NDArray[np.float64], p: NDArray[np.float64]) -> NDArray[np.float64]:
    index = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, edges.size - 2)
    occupied = np.bincount(index, minlength=edges.size - 1) > 0
    inner = edges[1:-1][occupied[1:]]  # an empty bin joins the bin on its left
    if not occupied[0] and inner.size:
        inner = inner[1:]  # ...except the first, which joins the bin on its right
    return np.concatenate(([0.0], inner, [1.0]))


def wilson_interval(
    successes: ArrayLike, trials: ArrayLike, z: float = WILSON_Z
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Wilson score interval for a binomial proportion; NaN where ``trials`` is 0."""
    k = np.asarray(successes, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        denominator = n + z * z
        centre = (k + z * z / 2.0) / denominator
        half = z / denominator * np.sqrt(k * (n - k) / n + z * z / 4.0)
        observed = k / n
    # The bounds enclose k/n exactly; rounding alone can leave k = 0 a hair outside.
    low = np.clip(np.fmin(centre - half, observed), 0.0, 1.0)
    high = np.clip(np.fmax(centre + half, observed), 0.0, 1.0)
    return low, high


def calibration_bins(
    p: ArrayLike, y: ArrayLike, edges: ArrayLike = DEFAULT_EDGES
) -> tuple[CalibrationBin, ...]:
    """The calibration table of ``p`` against ``y`` on the given edges (default: DEFAULT_EDGES)."""
    return bins_from_sums(BinSums.of(*check_forecasts(p, y), edges))


def bins_from_sums(sums: BinSums) -> tuple[CalibrationBin, ...]:
    counts = sums.counts
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_p = sums.sum_p / counts
        frequency = sums.sum_y / counts
    low, high = wilson_interval(sums.sum_y, counts)
    rows = zip(sums.edges[:-1], sums.edges[1:], counts, mean_p, frequency, low, high, strict=True)
    return tuple(_row(*row) for row in rows)


def _row(lower, upper, count, mean_p, frequency, low, high) -> CalibrationBin:
    if not count:
        return CalibrationBin(float(lower), float(upper), 0, None, None, None, None)
    return CalibrationBin(
        float(lower),
        float(upper),
        int(count),
        float(mean_p),
        float(frequency),
        float(low),
        float(high),
    )
