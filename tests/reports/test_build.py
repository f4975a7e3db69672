"""From a forecast set to a report's content (no database)."""
import json

import numpy as np
import pytest

from forecasts.reports.build import build_content, consensus_comparison, lead_days
from tests.reports.forecast_sets import forecast_set


def test_lead_days_are_whole_days_before_resolution():
    fs = forecast_set([0.5, 0.5], [1, 0], lead_days=[0.4, 30.9])
    assert lead_days(fs).tolist() == [0, 30]


def test_the_metrics_are_strict_json():
    fs = forecast_set(np.linspace(0.05, 0.95, 20), [0, 1] * 10)
    json.dumps(build_content(fs, resamples=50).metrics(), allow_nan=False)


def test_the_metrics_carry_the_non_forecast_counts_and_lead_time():
    metrics = build_content(forecast_set([0.8, 0.2], [1, 0]), resamples=10).metrics()
    assert metrics["not_counted"]["neutral"] == 2
    assert [b["n"] for b in metrics["lead_time"]] == [0, 2, 0, 0, 0]


def test_an_empty_set_has_undefined_scores_and_no_consensus():
    metrics = build_content(forecast_set([], []), resamples=10).metrics()
    assert (metrics["n"], metrics["brier"], metrics["consensus"], metrics["base_rate"]) == (0, None, None, None)


def test_one_experts_set_has_no_consensus_comparison():
    assert consensus_comparison(forecast_set([0.9, 0.1], [1, 0], experts=[7, 7])) is None


def test_the_consensus_pools_each_question_in_log_odds():
    fs = forecast_set([0.9, 0.5, 0.2], [1, 1, 0], experts=[1, 2, 1], questions=[10, 10, 11])
    consensus = consensus_comparison(fs, resamples=10)
    pooled_yes = 1 / (1 + np.sqrt(1 / 9))  # geometric mean of the odds 9 and 1
    expected = ((pooled_yes - 1) ** 2 + 0.2**2) / 2
    assert consensus.summary.brier.value == pytest.approx(expected)
    assert (consensus.n_questions_pooled, consensus.experts_compared) == (1, 2)


def test_an_expert_worse_than_the_pool_on_their_questions_is_counted():
    fs = forecast_set([0.9, 0.1], [1, 1], experts=[1, 2], questions=[5, 5])
    assert consensus_comparison(fs, resamples=10).experts_beaten == 1
