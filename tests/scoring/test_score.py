import subprocess
import sys

import numpy as np
import pytest

from forecasts.scoring import (
    auc,
    brier,
    brier_ci,
    brier_skill,
    calibration_bins,
    decompose,
    decompose_binned,
    hit_rate,
    log_score,
    summarize,
)
from forecasts.scoring.score import Interval, Score

SET_FUNCTIONS = [
    brier,
    log_score,
    brier_skill,
    auc,
    hit_rate,
    decompose,
    decompose_binned,
    calibration_bins,
    brier_ci,
    summarize,
]
BAD_INPUTS = [
    ([1.1, 0.5], [1, 0], "must lie in"),
    ([-0.1, 0.5], [1, 0], "must lie in"),
    ([np.nan, 0.5], [1, 0], "contains NaN"),
    ([0.2, 0.5], [2, 0], "only 0 and 1"),
    ([0.2, 0.5], [np.nan, 0], "only 0 and 1"),
    ([0.2, 0.5], [0.5, 0], "only 0 and 1"),
    ([0.2, 0.5], ["yes", "no"], "numeric"),
    ([0.2, 0.5], [1, 0, 1], "differ in length"),
    ([[0.2, 0.5]], [[1, 0]], "one-dimensional"),
]


@pytest.mark.parametrize("function", SET_FUNCTIONS)
@pytest.mark.parametrize(("p", "y", "message"), BAD_INPUTS)
def test_it_rejects_malformed_forecasts_with_a_clear_message(function, p, y, message):
    with pytest.raises(ValueError, match=message):
        function(p, y)


@pytest.mark.parametrize("outcomes", [[True, False], np.array([1, 0], dtype=np.int8), [1.0, 0.0]])
def test_it_accepts_boolean_integer_and_float_outcomes(outcomes):
    assert brier([1.0, 0.0], outcomes) == Score.of(0.0)


def test_a_defined_score_carries_no_reason():
    assert (Score.of(0.25).defined, Score.of(0.25).reason) == (True, None)


def test_an_undefined_score_carries_its_reason_and_no_value():
    score = Score.undefined("no forecasts")
    assert (score.defined, score.value, score.reason) == (False, None, "no forecasts")


def test_an_undefined_interval_carries_its_reason():
    interval = Interval.undefined("too few")
    assert (interval.defined, interval.low, interval.high) == (False, None, None)


def test_scores_are_frozen():
    with pytest.raises(AttributeError):
        Score.of(0.1).value = 0.2


def test_the_scoring_package_imports_no_django_drf_or_celery():
    script = (
        "import sys, forecasts.scoring; "
        "roots = {m.split('.')[0] for m in sys.modules}; "
        "print(sorted(roots & {'django', 'rest_framework', 'celery'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
