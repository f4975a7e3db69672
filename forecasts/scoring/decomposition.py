"""Murphy's decomposition of the Brier score: reliability - resolution + uncertainty.

With one group per distinct forecast value the identity is exact (Murphy 1973). With wider bins
the forecasts inside a bin differ, and Stephenson, Coelho & Jolliffe (2008, Weather and
Forecasting 23:752-757) show two extra terms close the gap:

    Brier = REL - RES + UNC + WBV - WBC
    WBV = (1/n) sum_k sum_i (p_ki - pbar_k)^2                 within-bin variance of forecasts
    WBC = (2/n) sum_k sum_i (o_ki - obar_k)(p_ki - pbar_k)    within-bin covariance

``residual`` is ``brier - (reliability - resolution + uncertainty)``, i.e. WBV - WBC up to rounding;
for distinct-value grouping it is rounding noise (~1e-16).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from forecasts.scoring.calibration import DEFAULT_EDGES, BinSums
from forecasts.scoring.metrics import ForecastGroups, _brier
from forecasts.scoring.score import NO_FORECASTS, Score, check_forecasts


@dataclass(frozen=True)
class Decomposition:
    """Brier = reliability - resolution + uncertainty + residual (lower reliability is better)."""

    brier: Score
    reliability: Score
    resolution: Score
    uncertainty: Score
    residual: Score
    within_bin_variance: Score
    within_bin_covariance: Score


def decompose(p: ArrayLike, y: ArrayLike) -> Decomposition:
    """Exact decomposition, one group per distinct forecast value."""
    p_arr, y_arr = check_forecasts(p, y)
    return decompose_groups(ForecastGroups.of(p_arr, y_arr), _brier(p_arr, y_arr))


def decompose_binned(p: ArrayLike, y: ArrayLike, edges: ArrayLike = DEFAULT_EDGES) -> Decomposition:
    """Decomposition on fixed bins, with the Stephenson et al. within-bin terms."""
    p_arr, y_arr = check_forecasts(p, y)
    return decompose_bins(BinSums.of(p_arr, y_arr, edges), _brier(p_arr, y_arr))


def decompose_groups(groups: ForecastGroups, brier: Score) -> Decomposition:
    zero = np.zeros_like(groups.values)
    sums = groups.values * groups.counts
    return _decomposition(groups.counts, sums, groups.positives, zero, zero, brier)


def decompose_bins(sums: BinSums, brier: Score) -> Decomposition:
    counts, sum_p = sums.counts, sums.sum_p
    spread = sums.sum_pp - np.divide(sum_p**2, counts, out=np.zeros_like(sum_p), where=counts > 0)
    co_move = sums.sum_py - np.divide(
        sum_p * sums.sum_y, counts, out=np.zeros_like(sum_p), where=counts > 0
    )
    return _decomposition(counts, sum_p, sums.sum_y, spread, 2.0 * co_move, brier)


def _decomposition(
    counts: NDArray[np.int64],
    sum_p: NDArray[np.float64],
    sum_y: NDArray[np.float64],
    spread: NDArray[np.float64],
    co_move: NDArray[np.float64],
    brier: Score,
) -> Decomposition:
    n = counts.sum()
    if not n:
        return Decomposition(*[Score.undefined(NO_FORECASTS)] * 7)
    keep = counts > 0
    counts, sum_p, sum_y = counts[keep], sum_p[keep], sum_y[keep]
    base = sum_y.sum() / n
    reliability = np.sum((sum_p - sum_y) ** 2 / counts) / n
    resolution = np.sum((sum_y - base * counts) ** 2 / counts) / n
    uncertainty = base * (1.0 - base)
    residual = brier.value - (reliability - resolution + uncertainty)
    terms = (reliability, resolution, uncertainty, residual, spread.sum() / n, co_move.sum() / n)
    return Decomposition(brier, *(Score.of(term) for term in terms))
