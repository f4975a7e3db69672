"""Consensus forecasts by log-odds pooling (the geometric mean of the experts' odds).

Averaging logits rather than probabilities keeps a confident minority from being washed out
and is symmetric in the order of the experts. Probabilities are clipped to [1e-6, 1 - 1e-6]
before the logit; the result is then held inside [min, max] of the inputs, so experts who all
say 0 pool to 0 rather than to the clip.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from forecasts.scoring.score import check_index, check_probabilities

POOL_CLIP = 1e-6


@dataclass(frozen=True)
class QuestionConsensus:
    """Per question: ``questions[i]`` pools to ``p[i]`` from ``n_experts[i]`` experts."""

    questions: NDArray[np.int64]
    p: NDArray[np.float64]
    n_experts: NDArray[np.int64]


def logit(p: NDArray[np.float64], clip: float = POOL_CLIP) -> NDArray[np.float64]:
    clipped = np.clip(p, clip, 1.0 - clip)
    return np.log(clipped) - np.log1p(-clipped)


def pool_log_odds(probabilities: ArrayLike, weights: ArrayLike | None = None) -> float:
    """Pool one question's expert probabilities into a consensus P(yes)."""
    p = check_probabilities(probabilities, "probabilities")
    if not p.size:
        raise ValueError("pooling needs at least one probability")
    w = _check_weights(weights, p.size)
    order = np.lexsort((w, p))  # a fixed summation order makes the result exactly order-free
    pooled = _sigmoid(np.dot(w[order], logit(p[order])) / w.sum())
    return float(np.clip(pooled, p.min(), p.max()))


def pool_by_question(
    question_index: ArrayLike,
    expert_index: ArrayLike,
    p: ArrayLike,
    expert_weights: ArrayLike | None = None,
) -> QuestionConsensus:
    """Pool per question; one forecast per (question, expert) (pass each expert's latest)."""
    p_arr = check_probabilities(p)
    questions, experts = (
        check_index(question_index, p_arr.size),
        check_index(expert_index, p_arr.size),
    )
    _check_one_per_expert(questions, experts)
    w = np.ones_like(p_arr) if expert_weights is None else _expert_weights(expert_weights, experts)
    ids, slot = np.unique(questions, return_inverse=True)
    weight_sum = np.bincount(slot, weights=w, minlength=ids.size)
    if (weight_sum <= 0.0).any():
        raise ValueError("every question needs a positive total expert weight")
    pooled = _sigmoid(np.bincount(slot, weights=w * logit(p_arr), minlength=ids.size) / weight_sum)
    low, high = _range_by_slot(slot, p_arr, ids.size)
    n_experts = np.bincount(slot, minlength=ids.size)
    return QuestionConsensus(ids, np.clip(pooled, low, high), n_experts)


def _sigmoid(x: NDArray[np.float64] | float) -> NDArray[np.float64]:
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x)))


def _range_by_slot(
    slot: NDArray[np.intp], p: NDArray[np.float64], n_slots: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    low, high = np.full(n_slots, np.inf), np.full(n_slots, -np.inf)
    np.minimum.at(low, slot, p)
    np.maximum.at(high, slot, p)
    return low, high


def _check_weights(weights: ArrayLike | None, n: int) -> NDArray[np.float64]:
    if weights is None:
        return np.ones(n)
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != (n,):
        raise ValueError(f"weights must have one value per probability: {w.shape} != ({n},)")
    if not np.isfinite(w).all() or (w < 0.0).any() or w.sum() <= 0.0:
        raise ValueError("weights must be finite, non-negative and not all zero")
    return w


def _expert_weights(expert_weights: ArrayLike, experts: NDArray[np.int64]) -> NDArray[np.float64]:
    table = np.asarray(expert_weights, dtype=np.float64)
    if table.ndim != 1 or (experts.size and experts.max() >= table.size):
        raise ValueError("expert_weights must be indexed by expert_index (one weight per expert)")
    if not np.isfinite(table).all() or (table < 0.0).any():
        raise ValueError("expert_weights must be finite and non-negative")
    return table[experts]


def _check_one_per_expert(questions: NDArray[np.int64], experts: NDArray[np.int64]) -> None:
    if not questions.size:
        return
    pairs = questions * (int(experts.max()) + 1) + experts
    if (np.diff(np.sort(pairs)) == 0).any():  # a sort beats np.unique's hashing here
        raise ValueError("an expert has several forecasts on one question: pass only the latest")
