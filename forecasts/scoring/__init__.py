"""Pure-numpy scoring of binary forecasts (p = P(yes), y in {0, 1}); imports no Django.

Arrays in, frozen dataclasses out. A metric that cannot be computed returns an undefined
``Score``/``Interval`` carrying its reason; malformed input raises ValueError.
"""

from forecasts.scoring.bootstrap import brier_ci
from forecasts.scoring.calibration import (
    DEFAULT_EDGES,
    CalibrationBin,
    calibration_bins,
    quantile_edges,
    uniform_edges,
    wilson_interval,
)
from forecasts.scoring.decomposition import Decomposition, decompose, decompose_binned
from forecasts.scoring.leadtime import LeadTimeBucket, by_lead_time, lead_days
from forecasts.scoring.metrics import auc, brier, brier_skill, hit_rate, log_score
from forecasts.scoring.pooling import QuestionConsensus, pool_by_question, pool_log_odds
from forecasts.scoring.score import Interval, Score
from forecasts.scoring.skill import ExpertSkill, fit_skill
from forecasts.scoring.summary import Summary, summarize

__all__ = [
    "DEFAULT_EDGES",
    "CalibrationBin",
    "Decomposition",
    "ExpertSkill",
    "Interval",
    "LeadTimeBucket",
    "QuestionConsensus",
    "Score",
    "Summary",
    "auc",
    "brier",
    "brier_ci",
    "brier_skill",
    "by_lead_time",
    "calibration_bins",
    "decompose",
    "decompose_binned",
    "fit_skill",
    "hit_rate",
    "lead_days",
    "log_score",
    "pool_by_question",
    "pool_log_odds",
    "quantile_edges",
    "summarize",
    "uniform_edges",
    "wilson_interval",
]
