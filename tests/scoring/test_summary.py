import json

import numpy as np
import pytest
from hypothesis import given

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
from tests.scoring.strategies import forecast_sets


@pytest.fixture(scope="module")
def forecasts():
    rng = np.random.default_rng(2022)
    p = np.round(rng.random(500), 2)
    return p, (rng.random(500) < p).astype(int)


@pytest.fixture(scope="module")
def summary(forecasts):
    return summarize(*forecasts)


def test_it_reports_the_same_scores_as_the_single_metrics(forecasts, summary):
    fields = (summary.brier, summary.log_score, summary.brier_skill, summary.auc, summary.hit_rate)
    singles = (brier, log_score, brier_skill, auc, hit_rate)
    assert [f.value for f in fields] == pytest.approx([m(*forecasts).value for m in singles])


def test_it_reports_the_same_interval_and_bins_as_the_single_functions(forecasts, summary):
    assert (summary.brier_ci, summary.bins) == (brier_ci(*forecasts), calibration_bins(*forecasts))


def test_its_murphy_terms_are_the_binned_decomposition_by_default(forecasts, summary):
    binned = decompose_binned(*forecasts)
    ours = (summary.reliability, summary.resolution, summary.uncertainty, summary.residual)
    theirs = (binned.reliability, binned.resolution, binned.uncertainty, binned.residual)
    assert [s.value for s in ours] == pytest.approx([s.value for s in theirs], abs=1e-15)


def test_it_can_decompose_by_distinct_forecast_value(forecasts):
    summary, exact = summarize(*forecasts, decomposition="distinct"), decompose(*forecasts)
    assert summary.reliability.value == pytest.approx(exact.reliability.value, abs=1e-15)


def test_it_uses_a_given_climatology_for_skill(forecasts):
    skill = summarize(*forecasts, climatology=0.3).brier_skill
    assert skill.value == pytest.approx(brier_skill(*forecasts, climatology=0.3).value)


def test_its_dictionary_survives_a_json_round_trip(summary):
    as_dict = summary.as_dict()
    assert json.loads(json.dumps(as_dict)) == as_dict


def test_its_dictionary_lists_nothing_undefined_for_an_ordinary_set(summary):
    as_dict = summary.as_dict()
    assert (as_dict["undefined"], as_dict["n"], len(as_dict["brier_ci"])) == ({}, 500, 2)


def test_an_empty_set_gives_none_everywhere_with_reasons():
    as_dict = summarize([], []).as_dict()
    assert (as_dict["brier"], as_dict["brier_ci"], as_dict["auc"]) == (None, None, None)
    assert as_dict["undefined"]["brier"] == "no forecasts"
    assert "at least 10" in as_dict["undefined"]["brier_ci"]


def test_a_set_with_one_outcome_leaves_skill_and_auc_undefined():
    as_dict = summarize(np.linspace(0.1, 0.9, 12), np.ones(12)).as_dict()
    assert sorted(as_dict["undefined"]) == ["auc", "brier_skill"]
    assert json.loads(json.dumps(as_dict)) == as_dict


def test_its_dictionary_bins_hold_plain_numbers_and_none(summary):
    json_types = {type(v) for row in summary.as_dict()["bins"] for v in row.values()}
    assert json_types <= {int, float, type(None)}


@given(forecast_sets())
def test_the_reported_murphy_terms_close_on_the_brier_score(forecasts):
    s = summarize(*forecasts, resamples=20)
    rebuilt = s.reliability.value - s.resolution.value + s.uncertainty.value + s.residual.value
    assert rebuilt == pytest.approx(s.brier.value, abs=1e-14)


@pytest.mark.parametrize(
    ("option", "message"),
    [({"decomposition": "quantile"}, "decomposition"), ({"climatology": 2.0}, "climatology")],
)
def test_it_rejects_unknown_options(forecasts, option, message):
    with pytest.raises(ValueError, match=message):
        summarize(*forecasts, **option)
