"""From the forecasts that count to everything a report shows (no database access here).

A ForecastSet goes in; the scoring package does the math; a frozen ReportContent comes out with
the metrics dict that is stored as JSON and written as report.json.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from forecasts.scoring import (
    LeadTimeBucket,
    Summary,
    by_lead_time,
    pool_by_question,
    summarize,
)
from forecasts.selectors.forecasts import ForecastSet

SECONDS_PER_DAY = 86_400.0
RULES_VERSION = "2026-11-25"


@dataclass(frozen=True)
class ConsensusComparison:
    """The log-odds pool of the experts' forecasts per question, scored beside the individuals."""

    summary: Summary
    n_questions_pooled: int
    individuals_brier: float | None
    experts_compared: int
    experts_beaten: int

    def as_dict(self) -> dict[str, Any]:
        scores = self.summary.as_dict()
        return {
            "n_questions": self.summary.n,
            "n_questions_pooled": self.n_questions_pooled,
            **{key: scores[key] for key in ("brier", "brier_ci", "log_score", "brier_skill", "auc")},
            "individuals_brier": self.individuals_brier,
            "experts_compared": self.experts_compared,
            "experts_worse_than_consensus": self.experts_beaten,
        }


@dataclass(frozen=True)
class ReportContent:
    forecasts: ForecastSet
    summary: Summary
    lead_time: tuple[LeadTimeBucket, ...]
    consensus: ConsensusComparison | None

    @property
    def question_ids(self) -> list[int]:
        return np.unique(self.forecasts.question_ids).tolist()

    def metrics(self) -> dict[str, Any]:
        """JSON-safe metrics: the scores, the counts, lead time and the consensus comparison."""
        fs = self.forecasts
        return {
            **self.summary.as_dict(),
            "n_questions": int(np.unique(fs.question_ids).size),
            "n_experts": int(np.unique(fs.expert_ids).size),
            "base_rate": float(fs.y.mean()) if fs.n else None,
            "not_counted": fs.counts.as_dict(),
            "lead_time": [_bucket_dict(bucket) for bucket in self.lead_time],
            "consensus": self.consensus.as_dict() if self.consensus else None,
            "rules": RULES_VERSION,
        }


def _bucket_dict(bucket: LeadTimeBucket) -> dict[str, Any]:
    row = asdict(bucket)
    row["brier"] = bucket.brier.value
    return row


def lead_days(forecasts: ForecastSet) -> NDArray[np.int64]:
    days = np.floor((forecasts.resolved_at - forecasts.made_at) / SECONDS_PER_DAY)
    return np.clip(days, 0, None).astype(np.int64)


def build_content(forecasts: ForecastSet, resamples: int = 1000, seed: int = 0) -> ReportContent:
    summary = summarize(forecasts.p, forecasts.y, resamples=resamples, seed=seed)
    lead_time = by_lead_time(forecasts.p, forecasts.y, lead_days(forecasts))
    return ReportContent(forecasts, summary, lead_time, consensus_comparison(forecasts, resamples, seed))


def _first_per_question(question_ids: NDArray[np.int64], values: NDArray[np.float64], pooled):
    index = np.searchsorted(pooled.questions, question_ids)
    outcome = np.empty(pooled.questions.size)
    outcome[index] = values
    return index, outcome


def consensus_comparison(
    forecasts: ForecastSet, resamples: int = 1000, seed: int = 0
) -> ConsensusComparison | None:
    if np.unique(forecasts.expert_ids).size < 2:
        return None  # one expert's pool is the expert: nothing to compare
    pooled = pool_by_question(forecasts.question_ids, forecasts.expert_ids, forecasts.p)
    slot, outcome = _first_per_question(forecasts.question_ids, forecasts.y, pooled)
    summary = summarize(pooled.p, outcome, resamples=resamples, seed=seed)
    own_error = (forecasts.p - forecasts.y) ** 2
    pooled_error = ((pooled.p - outcome) ** 2)[slot]
    compared, beaten = _experts_beaten(forecasts.expert_ids, own_error, pooled_error)
    return ConsensusComparison(
        summary=summary,
        n_questions_pooled=int((pooled.n_experts >= 2).sum()),
        individuals_brier=float(own_error.mean()),
        experts_compared=compared,
        experts_beaten=beaten,
    )


def _experts_beaten(
    expert_ids: NDArray[np.int64], own: NDArray[np.float64], pooled: NDArray[np.float64]
) -> tuple[int, int]:
    """How many experts scored worse than the consensus on the very questions they answered."""
    _, slot = np.unique(expert_ids, return_inverse=True)
    own_total = np.bincount(slot, weights=own)
    pooled_total = np.bincount(slot, weights=pooled)
    return int(own_total.size), int((own_total > pooled_total).sum())
