"""Difficulty-adjusted skill: experts compared only where they answered the same questions.

Raw Brier scores reward experts who pick easy questions. Here each forecast's target is its
squared error minus the mean squared error of all forecasts on that question (centring, which
stands in for question fixed effects), and a ridge regression on a one-hot expert design shrinks
each expert's mean target toward 0 (alpha acts as alpha pseudo-forecasts at the average).

``skill`` is the NEGATED coefficient, so HIGHER IS BETTER: +0.05 means the expert's Brier score is
0.05 lower than the average forecaster's on the same questions. Questions with a single forecast
carry no comparison and are left out (they do not count in ``n``).

With a one-hot design X'X is diagonal, so the ridge solution is sum(target) / (n + alpha) per
expert; the bootstrap (resampling whole questions) uses that closed form on per-question sums.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import sparse
from sklearn.linear_model import Ridge

from forecasts.scoring.score import Interval, Score, check_forecasts, check_index

NO_SHARED = "no question shared with another forecaster"
# Resampling a single question always draws that question: the interval would have zero width.
MIN_BOOTSTRAP_QUESTIONS = 2
SKILL_RESAMPLES = 200
CHUNK_ELEMENTS = 4_000_000


@dataclass(frozen=True)
class ExpertSkill:
    """One expert's difficulty-adjusted skill (higher is better) over ``n`` shared forecasts."""

    expert: int
    n: int
    skill: Score
    ci: Interval


@dataclass(frozen=True)
class _SharedForecasts:
    questions: NDArray[np.intp]  # dense 0..Q-1
    experts: NDArray[np.intp]  # dense 0..E-1
    target: NDArray[np.float64]
    n_questions: int
    n_experts: int


def fit_skill(
    question_index: ArrayLike,
    expert_index: ArrayLike,
    p: ArrayLike,
    y: ArrayLike,
    alpha: float = 1.0,
    resamples: int = SKILL_RESAMPLES,
    seed: int | np.random.Generator = 0,
) -> tuple[ExpertSkill, ...]:
    """Per-expert adjusted skill with a question-bootstrap 95% CI, ordered by expert id."""
    if alpha <= 0.0 or resamples < 1:
        raise ValueError(f"alpha must be > 0 and resamples >= 1, got {alpha} and {resamples}")
    p_arr, y_arr = check_forecasts(p, y)
    questions = check_index(question_index, p_arr.size)
    expert_ids, experts = np.unique(check_index(expert_index, p_arr.size), return_inverse=True)
    _check_one_outcome_per_question(questions, y_arr)
    shared = _shared_forecasts(questions, experts, (p_arr - y_arr) ** 2, expert_ids.size)
    skill = -_ridge_coefficients(shared, alpha)
    counts = np.bincount(shared.experts, minlength=shared.n_experts)
    low, high = _bootstrap_skill(shared, alpha, resamples, np.random.default_rng(seed))
    return tuple(
        _expert(int(e), int(n), s, _interval(lo, hi, shared.n_questions))
        for e, n, s, lo, hi in zip(expert_ids, counts, skill, low, high, strict=True)
    )


def _shared_forecasts(
    questions: NDArray[np.int64],
    experts: NDArray[np.intp],
    error: NDArray[np.float64],
    n_experts: int,
) -> _SharedForecasts:
    _, slot = np.unique(questions, return_inverse=True)
    per_question = np.bincount(slot)
    mean_error = np.bincount(slot, weights=error) / per_question
    keep = per_question[slot] >= 2
    _, kept_slot = np.unique(slot[keep], return_inverse=True)
    target = error[keep] - mean_error[slot[keep]]
    n_questions = int(kept_slot.max()) + 1 if kept_slot.size else 0
    return _SharedForecasts(kept_slot, experts[keep], target, n_questions, n_experts)


def _check_one_outcome_per_question(questions: NDArray[np.int64], y: NDArray[np.float64]) -> None:
    _, slot = np.unique(questions, return_inverse=True)
    yes = np.bincount(slot, weights=y)
    if ((yes != 0) & (yes != np.bincount(slot))).any():
        raise ValueError("forecasts on the same question disagree about its outcome")


def _ridge_coefficients(shared: _SharedForecasts, alpha: float) -> NDArray[np.float64]:
    if not shared.target.size:
        return np.zeros(shared.n_experts)
    design = _one_hot(np.arange(shared.target.size), shared.experts, shared.n_experts)
    model = Ridge(alpha=alpha, fit_intercept=False, solver="cholesky")
    return model.fit(design, shared.target).coef_


def _one_hot(
    rows: NDArray[np.intp], columns: NDArray[np.intp], n_columns: int
) -> sparse.csr_matrix:
    ones = np.ones(rows.size)
    return sparse.csr_matrix((ones, (rows, columns)), shape=(int(rows.max()) + 1, n_columns))


def _bootstrap_skill(
    shared: _SharedForecasts, alpha: float, resamples: int, rng: np.random.Generator
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    if not shared.n_questions:
        return np.full(shared.n_experts, np.nan), np.full(shared.n_experts, np.nan)
    shape = (shared.n_experts, shared.n_questions)
    sums = sparse.csr_matrix((shared.target, (shared.experts, shared.questions)), shape=shape)
    counts = sparse.csr_matrix(
        (np.ones(shared.target.size), (shared.experts, shared.questions)), shape=shape
    )
    chunk = max(1, CHUNK_ELEMENTS // shared.n_questions)
    draws = [
        _resampled_skill(sums, counts, alpha, min(chunk, resamples - start), rng)
        for start in range(0, resamples, chunk)
    ]
    low, high = np.quantile(np.hstack(draws), [0.025, 0.975], axis=1)
    return low, high


def _resampled_skill(
    sums: sparse.csr_matrix,
    counts: sparse.csr_matrix,
    alpha: float,
    size: int,
    rng: np.random.Generator,
) -> NDArray[np.float64]:
    """Skill under ``size`` resamples of whole questions: experts x resamples."""
    n_questions = sums.shape[1]
    picks = rng.integers(0, n_questions, size=(size, n_questions))
    offsets = (np.arange(size) * n_questions)[:, None]
    weights = np.bincount((picks + offsets).ravel(), minlength=size * n_questions)
    weights = weights.reshape(size, n_questions).T.astype(np.float64)
    return -(sums @ weights) / (counts @ weights + alpha)


def _interval(low: float, high: float, n_questions: int) -> Interval:
    if n_questions < MIN_BOOTSTRAP_QUESTIONS:
        return Interval.undefined(
            f"the question bootstrap needs at least {MIN_BOOTSTRAP_QUESTIONS} shared questions, "
            f"got {n_questions}"
        )
    return Interval.of(low, high)


def _expert(expert: int, n: int, skill: float, ci: Interval) -> ExpertSkill:
    if not n:
        return ExpertSkill(expert, 0, Score.undefined(NO_SHARED), Interval.undefined(NO_SHARED))
    return ExpertSkill(expert, n, Score.of(skill), ci)
