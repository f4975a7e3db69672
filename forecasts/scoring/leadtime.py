"""Brier score by lead time: how far ahead of resolution a forecast was made."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from forecasts.scoring.score import NO_FORECASTS, Score, check_forecasts

# Lower bounds (days) of the buckets 0-7, 8-30, 31-90, 91-365, >365.
DEFAULT_BUCKET_STARTS = (0, 8, 31, 91, 366)


@dataclass(frozen=True)
class LeadTimeBucket:
    """Forecasts made ``min_days``..``max_days`` ahead (``max_days`` None: open-ended)."""

    label: str
    min_days: int
    max_days: int | None
    n: int
    brier: Score


def lead_days(forecast_at: ArrayLike, resolves_at: ArrayLike) -> NDArray[np.int64]:
    """Whole days from forecast to resolution (datetime64 arrays, floored to the day)."""
    made = np.asarray(forecast_at, dtype="datetime64[D]")
    resolved = np.asarray(resolves_at, dtype="datetime64[D]")
    if made.shape != resolved.shape:
        raise ValueError(
            f"forecast and resolution dates differ in length: {made.shape} != {resolved.shape}"
        )
    if np.isnat(made).any() or np.isnat(resolved).any():
        raise ValueError("forecast and resolution dates must not be missing (NaT)")
    return (resolved - made).astype(np.int64)


def by_lead_time(
    p: ArrayLike,
    y: ArrayLike,
    days: ArrayLike,
    bucket_starts: tuple[int, ...] = DEFAULT_BUCKET_STARTS,
) -> tuple[LeadTimeBucket, ...]:
    """n and Brier per lead-time bucket; ``days`` are whole days ahead (see ``lead_days``)."""
    p_arr, y_arr = check_forecasts(p, y)
    day_arr = _check_days(days, p_arr.size)
    starts = _check_starts(bucket_starts)
    index = np.searchsorted(starts, day_arr, side="right") - 1
    counts = np.bincount(index, minlength=starts.size)
    error = p_arr - y_arr
    totals = np.bincount(index, weights=error * error, minlength=starts.size)
    return tuple(
        _bucket(int(lo), hi, int(n), total)
        for lo, hi, n, total in zip(starts, _ends(starts), counts, totals, strict=True)
    )


def _bucket(lo: int, hi: int | None, n: int, total: float) -> LeadTimeBucket:
    label = f"{lo}-{hi} days" if hi is not None else f">{lo - 1} days"
    brier = Score.of(total / n) if n else Score.undefined(NO_FORECASTS)
    return LeadTimeBucket(label, lo, hi, n, brier)


def _ends(starts: NDArray[np.int64]) -> list[int | None]:
    return [int(s) - 1 for s in starts[1:]] + [None]


def _check_days(days: ArrayLike, n: int) -> NDArray[np.int64]:
    arr = np.asarray(days)
    if arr.dtype.kind == "m":
        arr = arr.astype("timedelta64[D]").astype(np.int64)
    if arr.shape != (n,):
        raise ValueError(f"days must be one lead time per forecast: shape {arr.shape}, need ({n},)")
    if arr.dtype.kind not in "iu":
        raise ValueError(
            f"days must be whole days (integers or timedelta64), got dtype {arr.dtype}"
        )
    if n and arr.min() < 0:
        raise ValueError(
            "days must not be negative: a forecast made after its resolution is not one"
        )
    return arr


def _check_starts(bucket_starts: tuple[int, ...]) -> NDArray[np.int64]:
    starts = np.asarray(bucket_starts, dtype=np.int64)
    if starts.ndim != 1 or not starts.size or starts[0] != 0 or (np.diff(starts) <= 0).any():
        raise ValueError(f"bucket starts must increase strictly from 0, got {list(bucket_starts)}")
    return starts
