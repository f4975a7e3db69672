"""Proper scores and discrimination for binary forecasts ``p = P(yes)`` against outcomes ``y``."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from forecasts.scoring.score import NO_FORECASTS, Score, check_forecasts, check_probabilities

LOG_CLIP = 1e-6
ONE_OUTCOME = "all outcomes are equal"


@dataclass(frozen=True)
class ForecastGroups:
    """Forecasts grouped by distinct value (ascending): one sort shared by AUC and Murphy."""

    values: NDArray[np.float64]
    counts: NDArray[np.int64]
    positives: NDArray[np.float64]

    @classmethod
    def of(cls, p: NDArray[np.float64], y: NDArray[np.float64]) -> ForecastGroups:
        order = np.argsort(p)
        p_sorted = p[order]
        starts = np.flatnonzero(np.diff(p_sorted)) + 1
        starts = np.concatenate(([0], starts)) if p.size else starts
        counts = np.diff(np.append(starts, p.size))
        return cls(p_sorted[starts], counts, np.add.reduceat(y[order], starts) if p.size else y)


def brier(p: ArrayLike, y: ArrayLike) -> Score:
    """Brier score mean((p - y)^2): 0 is perfect, 1 is certain and wrong every time."""
    return _brier(*check_forecasts(p, y))


def log_score(p: ArrayLike, y: ArrayLike) -> Score:
    """Mean negative log-likelihood, p clipped to [1e-6, 1 - 1e-6] so a sure miss costs ~13.8."""
    return _log_score(*check_forecasts(p, y))


def brier_skill(p: ArrayLike, y: ArrayLike, climatology: float | None = None) -> Score:
    """1 - Brier / Brier(reference); the reference is the set's base rate unless given."""
    p_arr, y_arr = check_forecasts(p, y)
    if climatology is not None:
        check_probabilities([climatology], "climatology")
    return _brier_skill(_brier(p_arr, y_arr), y_arr, climatology)


def auc(p: ArrayLike, y: ArrayLike) -> Score:
    """ROC AUC (Mann-Whitney): chance a 'yes' got a higher p than a 'no', ties count half."""
    p_arr, y_arr = check_forecasts(p, y)
    return _auc(ForecastGroups.of(p_arr, y_arr))


def hit_rate(p: ArrayLike, y: ArrayLike) -> Score:
    """Share of forecasts on the right side of 0.5; p == 0.5 exactly earns half a hit."""
    return _hit_rate(*check_forecasts(p, y))


def _brier(p: NDArray[np.float64], y: NDArray[np.float64]) -> Score:
    if not p.size:
        return Score.undefined(NO_FORECASTS)
    error = p - y
    return Score.of(np.dot(error, error) / p.size)


def _log_score(p: NDArray[np.float64], y: NDArray[np.float64]) -> Score:
    if not p.size:
        return Score.undefined(NO_FORECASTS)
    clipped = np.clip(p, LOG_CLIP, 1.0 - LOG_CLIP)
    likelihood = np.where(y == 1.0, clipped, 1.0 - clipped)
    return Score.of(-np.log(likelihood).mean())


def _brier_skill(score: Score, y: NDArray[np.float64], climatology: float | None) -> Score:
    if not score.defined:
        return score
    base = y.mean()
    if climatology is None:
        reference = base * (1.0 - base)
    else:
        reference = climatology**2 + base * (1.0 - 2.0 * climatology)
    if reference <= 0.0:
        return Score.undefined(f"{ONE_OUTCOME}: the reference forecast is perfect")
    return Score.of(1.0 - score.value / reference)


def _auc(groups: ForecastGroups) -> Score:
    n = groups.counts.sum()
    if not n:
        return Score.undefined(NO_FORECASTS)
    negatives = groups.counts - groups.positives
    n_pos, n_neg = groups.positives.sum(), negatives.sum()
    if n_pos == 0 or n_neg == 0:
        return Score.undefined(f"{ONE_OUTCOME}: AUC needs both outcomes")
    negatives_below = np.cumsum(negatives) - negatives
    wins = np.dot(groups.positives, negatives_below + 0.5 * negatives)
    return Score.of(wins / (n_pos * n_neg))


def _hit_rate(p: NDArray[np.float64], y: NDArray[np.float64]) -> Score:
    if not p.size:
        return Score.undefined(NO_FORECASTS)
    said_yes = np.sign(p - 0.5)
    hits = np.count_nonzero(said_yes == 2.0 * y - 1.0) + 0.5 * np.count_nonzero(said_yes == 0.0)
    return Score.of(hits / p.size)
