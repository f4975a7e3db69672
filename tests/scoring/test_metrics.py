import math

import numpy as np
import pytest
from hypothesis import given
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from forecasts.scoring import auc, brier, brier_skill, hit_rate, log_score
from forecasts.scoring.score import Score
from tests.scoring.strategies import forecast_sets, scale_probability


@pytest.mark.parametrize(
    ("p", "y", "expected"),
    [
        ([1.0], [1], 0.0),
        ([0.0], [1], 1.0),
        ([0.5], [0], 0.25),
        ([0.8, 0.3], [1, 0], 0.065),
        ([0.7, 0.7, 0.7], [1, 1, 0], 0.67 / 3),
        ([0.1, 0.9, 0.4, 0.6], [0, 1, 1, 0], (0.01 + 0.01 + 0.36 + 0.36) / 4),
    ],
)
def test_brier_matches_hand_computed_values(p, y, expected):
    assert brier(p, y).value == pytest.approx(expected, abs=1e-15)


@pytest.mark.parametrize(
    ("p", "y", "expected"),
    [
        ([0.5], [1], math.log(2)),
        ([0.8], [1], -math.log(0.8)),
        ([0.8], [0], -math.log(0.2)),
        ([0.0], [1], -math.log(1e-6)),
        ([1.0], [0], -math.log(1e-6)),
        ([1.0], [1], -math.log(1 - 1e-6)),
        ([0.9, 0.2], [1, 1], -(math.log(0.9) + math.log(0.2)) / 2),
    ],
)
def test_log_score_matches_hand_computed_values(p, y, expected):
    assert log_score(p, y).value == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("p", "y", "climatology", "expected"),
    [
        ([0.5, 0.5], [1, 0], None, 0.0),
        ([1.0, 0.0], [1, 0], None, 1.0),
        ([0.0, 1.0], [1, 0], None, -3.0),
        ([0.25] * 4, [1, 0, 0, 0], None, 0.0),
        ([0.25] * 4, [1, 0, 0, 0], 0.3, 1 - 0.1875 / 0.19),
        ([1.0, 1.0], [1, 1], 0.5, 1.0),
    ],
)
def test_brier_skill_matches_hand_computed_values(p, y, climatology, expected):
    assert brier_skill(p, y, climatology).value == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    ("p", "y", "expected"),
    [
        ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75),
        ([0.2, 0.8], [0, 1], 1.0),
        ([0.8, 0.2], [0, 1], 0.0),
        ([0.5, 0.5], [0, 1], 0.5),
        ([0.3, 0.3, 0.6], [0, 1, 1], 0.75),
    ],
)
def test_auc_matches_hand_computed_values(p, y, expected):
    assert auc(p, y).value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("p", "y", "expected"),
    [
        ([0.9, 0.2], [1, 0], 1.0),
        ([0.9, 0.2], [0, 1], 0.0),
        ([0.5, 0.5], [0, 1], 0.5),
        ([0.9, 0.2, 0.5, 0.6], [1, 0, 1, 0], 0.625),
    ],
)
def test_hit_rate_counts_the_side_of_one_half_and_half_credits_a_coin_flip(p, y, expected):
    assert hit_rate(p, y).value == pytest.approx(expected)


@pytest.mark.parametrize("function", [brier, log_score, brier_skill, auc, hit_rate])
def test_every_metric_is_undefined_without_forecasts(function):
    assert function([], []) == Score.undefined("no forecasts")


@pytest.mark.parametrize(
    ("p", "y", "climatology"),
    [([0.3, 0.6], [1, 1], None), ([0.3, 0.6], [0, 0], None), ([0.3, 0.6], [1, 1], 1.0)],
)
def test_brier_skill_is_undefined_when_the_reference_is_perfect(p, y, climatology):
    score = brier_skill(p, y, climatology)
    assert (score.value, "all outcomes are equal" in score.reason) == (None, True)


@pytest.mark.parametrize("y", [[1, 1, 1], [0, 0, 0]])
def test_auc_is_undefined_with_a_single_outcome_class(y):
    score = auc([0.2, 0.5, 0.9], y)
    assert (score.value, "AUC needs both outcomes" in score.reason) == (None, True)


def test_brier_skill_rejects_a_climatology_outside_zero_one():
    with pytest.raises(ValueError, match="climatology"):
        brier_skill([0.5], [1], climatology=1.5)


@pytest.fixture(scope="module")
def random_forecasts():
    rng = np.random.default_rng(20220114)
    p = rng.random(5000)
    y = (rng.random(5000) < p).astype(int)
    return p, y


def test_brier_agrees_with_scikit_learn(random_forecasts):
    p, y = random_forecasts
    assert brier(p, y).value == pytest.approx(brier_score_loss(y, p), rel=1e-12)


def test_log_score_agrees_with_scikit_learn(random_forecasts):
    p, y = random_forecasts
    assert log_score(p, y).value == pytest.approx(log_loss(y, p), rel=1e-9)


def test_auc_agrees_with_scikit_learn_including_ties(random_forecasts):
    p, y = random_forecasts
    rounded = np.round(p, 1)  # many ties
    assert (auc(p, y).value, auc(rounded, y).value) == pytest.approx(
        (roc_auc_score(y, p), roc_auc_score(y, rounded)), rel=1e-12
    )


@given(forecast_sets())
def test_brier_lies_between_zero_and_one(forecasts):
    assert 0.0 <= brier(*forecasts).value <= 1.0


@given(forecast_sets())
def test_log_score_is_never_negative(forecasts):
    assert log_score(*forecasts).value >= 0.0


@given(forecast_sets())
def test_hit_rate_lies_between_zero_and_one(forecasts):
    assert 0.0 <= hit_rate(*forecasts).value <= 1.0


@given(forecast_sets(values=scale_probability), scale_probability, scale_probability)
def test_auc_agrees_with_scikit_learn_on_any_set_with_both_outcomes(forecasts, yes, no):
    p, y = np.append(forecasts[0], [yes, no]), np.append(forecasts[1], [1, 0])
    assert auc(p, y).value == pytest.approx(roc_auc_score(y, p), abs=1e-12)
