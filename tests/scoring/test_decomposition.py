import pytest
from hypothesis import given

from forecasts.scoring import brier, decompose, decompose_binned
from forecasts.scoring.score import Score
from tests.scoring.strategies import forecast_sets, scale_probability


def test_distinct_value_decomposition_matches_a_hand_computed_case():
    result = decompose([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1])
    terms = (result.brier, result.reliability, result.resolution, result.uncertainty)
    assert [term.value for term in terms] == pytest.approx([0.19, 0.065, 0.0625, 0.1875])


def test_binned_decomposition_reports_the_within_bin_terms_of_a_hand_computed_case():
    result = decompose_binned([0.1, 0.3], [0, 1], edges=[0.0, 0.5, 1.0])
    terms = (
        result.reliability,
        result.resolution,
        result.uncertainty,
        result.residual,
        result.within_bin_variance,
        result.within_bin_covariance,
    )
    assert [term.value for term in terms] == pytest.approx([0.09, 0.0, 0.25, -0.09, 0.01, 0.1])


@pytest.mark.parametrize("decomposer", [decompose, decompose_binned])
def test_every_term_is_undefined_without_forecasts(decomposer):
    result = decomposer([], [])
    assert {result.brier, result.reliability, result.residual} == {Score.undefined("no forecasts")}


def test_binned_decomposition_rejects_edges_that_do_not_span_zero_to_one():
    with pytest.raises(ValueError, match="edges"):
        decompose_binned([0.5], [1], edges=[0.1, 0.5, 1.0])


@given(forecast_sets())
def test_distinct_value_decomposition_is_exact(forecasts):
    result = decompose(*forecasts)
    rebuilt = result.reliability.value - result.resolution.value + result.uncertainty.value
    assert (rebuilt, result.residual.value) == pytest.approx(
        (brier(*forecasts).value, 0.0), abs=1e-12
    )


@given(forecast_sets(values=scale_probability))
def test_distinct_value_decomposition_is_exact_on_a_verbal_scale(forecasts):
    result = decompose(*forecasts)
    rebuilt = result.reliability.value - result.resolution.value + result.uncertainty.value
    assert rebuilt == pytest.approx(brier(*forecasts).value, abs=1e-12)


@given(forecast_sets())
def test_binned_decomposition_closes_with_its_residual(forecasts):
    result = decompose_binned(*forecasts)
    rebuilt = (
        result.reliability.value
        - result.resolution.value
        + result.uncertainty.value
        + result.residual.value
    )
    assert rebuilt == pytest.approx(result.brier.value, abs=1e-14)


@given(forecast_sets())
def test_the_residual_is_the_within_bin_variance_minus_covariance(forecasts):
    result = decompose_binned(*forecasts)
    within = result.within_bin_variance.value - result.within_bin_covariance.value
    assert result.residual.value == pytest.approx(within, abs=1e-12)


@given(forecast_sets())
def test_reliability_and_resolution_are_never_negative(forecasts):
    result = decompose_binned(*forecasts)
    assert (result.reliability.value >= 0.0, result.resolution.value >= -1e-15) == (True, True)
