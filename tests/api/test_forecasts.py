"""Forecasts: read-only except the analyst override, filtered as documented."""

import pytest

from forecasts.models import Forecast
from tests.factories import ClaimFactory, ExpertFactory, ForecastFactory

pytestmark = pytest.mark.django_db


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def test_an_override_makes_the_label_the_analysts(analyst_api):
    forecast = ForecastFactory(stance="agree", probability=0.7)
    body = analyst_api.patch(
        f"/api/v1/forecasts/{forecast.pk}/", {"stance": "disagree", "probability": 0.2}
    ).json()
    assert (body["stance"], body["probability"], body["label_source"]) == (
        "disagree",
        0.2,
        "analyst",
    )


def test_an_override_to_neutral_clears_the_probability(analyst_api):
    forecast = ForecastFactory(stance="agree", probability=0.7)
    body = analyst_api.patch(
        f"/api/v1/forecasts/{forecast.pk}/", {"stance": "neutral", "probability": None}
    ).json()
    assert (body["stance"], body["probability"]) == ("neutral", None)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_forecasts_cannot_be_created_replaced_or_deleted(superuser_api, method):
    forecast = ForecastFactory()
    path = "/api/v1/forecasts/" if method == "post" else f"/api/v1/forecasts/{forecast.pk}/"
    assert getattr(superuser_api, method)(path, {}).status_code == 405


def test_forecasts_filter_by_expert_question_stance_label_source_and_frozen(api):
    expert = ExpertFactory()
    target = ForecastFactory(
        claim=ClaimFactory(expert=expert),
        stance="disagree",
        probability=0.2,
        label_source="analyst",
    )
    ForecastFactory(question=target.question)
    query = (
        f"expert={expert.pk}&question={target.question.pk}&stance=disagree"
        "&label_source=analyst&frozen=false"
    )
    assert ids(api.get(f"/api/v1/forecasts/?{query}")) == {target.pk}


def test_an_experts_forecasts_are_listed(api):
    expert = ExpertFactory(name="Mark Galeotti")
    mine = ForecastFactory.create_batch(2, claim__expert=expert)
    ForecastFactory()
    assert ids(api.get(f"/api/v1/forecasts/?expert={expert.pk}")) == {f.pk for f in mine}
    assert Forecast.objects.count() == 3
