"""Result types shared by the scoring modules, and the one place input arrays are checked.

A metric that cannot be computed on a set (no forecasts, a single outcome class...) returns an
undefined ``Score`` carrying the reason, so callers never meet NaN or a surprise exception.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

NO_FORECASTS = "no forecasts"


@dataclass(frozen=True)
class Score:
    """A metric value, or ``None`` with the reason it is undefined on this set."""

    value: float | None
    reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None

    @classmethod
    def of(cls, value: float) -> Score:
        return cls(float(value), None)

    @classmethod
    def undefined(cls, reason: str) -> Score:
        return cls(None, reason)


@dataclass(frozen=True)
class Interval:
    """A confidence interval ``[low, high]``, or undefined with the reason."""

    low: float | None
    high: float | None
    reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.low is not None

    @classmethod
    def of(cls, low: float, high: float) -> Interval:
        return cls(float(low), float(high), None)

    @classmethod
    def undefined(cls, reason: str) -> Interval:
        return cls(None, None, reason)


def check_probabilities(p: ArrayLike, name: str = "p") -> NDArray[np.float64]:
    """Return ``p`` as a 1-D float64 array, or raise ValueError if any value is not in [0, 1]."""
    arr = np.asarray(p, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size and np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN")
    if arr.size and (arr.min() < 0.0 or arr.max() > 1.0):
        raise ValueError(f"{name} must lie in [0, 1], got values in [{arr.min()}, {arr.max()}]")
    return arr


def check_outcomes(y: ArrayLike) -> NDArray[np.float64]:
    """Return outcomes as a 1-D float64 array of 0.0/1.0, or raise ValueError."""
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(f"y must be one-dimensional, got shape {arr.shape}")
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"y must be numeric 0/1 outcomes, got dtype {arr.dtype}")
    arr = arr.astype(np.float64, copy=False)
    if arr.size and not ((arr == 0.0) | (arr == 1.0)).all():
        raise ValueError("y must contain only 0 and 1 (NaN and other values are rejected)")
    return arr


def check_forecasts(p: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Validate a set of binary forecasts ``p = P(yes)`` against outcomes ``y``."""
    p_arr, y_arr = check_probabilities(p), check_outcomes(y)
    if p_arr.shape != y_arr.shape:
        raise ValueError(f"p and y differ in length: {p_arr.size} != {y_arr.size}")
    return p_arr, y_arr


def check_index(index: ArrayLike, n: int) -> NDArray[np.int64]:
    """Return ids (questions, experts) as int64, one per forecast, or raise ValueError."""
    arr = np.asarray(index)
    if arr.shape != (n,):
        raise ValueError(f"index arrays must have one entry per forecast: {arr.shape} != ({n},)")
    if arr.dtype.kind not in "iu" or (n and arr.min() < 0):
        raise ValueError(f"indexes must be non-negative integers, got dtype {arr.dtype}")
    return arr.astype(np.int64, copy=False)
