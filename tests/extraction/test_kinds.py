import pytest

from forecasts.extraction import KINDS, classify_kind


@pytest.mark.parametrize(
    ("quote", "kind"),
    [
        ("Stalemate was always the probable outcome of these talks", "risk_assessment"),
        ("The collapse had been predictable for months", "risk_assessment"),
        ("We will not hesitate to act if the outlook worsens", "signal"),
        ("We’re very patient, but our patience has run out", "signal"),
        ("The danger of escalation is growing every week", "risk_assessment"),
        ("Fresh rounds of talks will be convened in the near future", "forecast"),
        ("A deal is unlikely before the summer", "forecast"),
        ("Prices could slide toward $60 a barrel", "forecast"),
        ("The delegation arrived in Geneva on Monday", "statement"),
    ],
)
def test_it_classifies_the_wording(quote, kind):
    assert classify_kind(quote) == kind


def test_a_forecasting_reporting_verb_in_the_context_makes_a_forecast():
    context = "Kaya expects a deal within weeks"
    assert classify_kind("a deal within weeks", context=context) == "forecast"


def test_every_label_is_one_of_the_documented_kinds():
    labels = {classify_kind(q) for q in ["", "we will", "risk", "will", "was predictable", "ok"]}
    assert labels <= set(KINDS)
