import pytest
from django.core.exceptions import ValidationError

from forecasts.models import Forecast
from forecasts.services import forecasts, questions
from forecasts.services.errors import ForecastFrozen
from tests.factories import ClaimFactory, ForecastFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_an_override_marks_the_label_as_the_analysts(analyst):
    forecast = ForecastFactory(stance="agree", probability=0.7)
    forecasts.override(forecast=forecast, stance="disagree", probability=0.2, by=analyst)
    forecast.refresh_from_db()
    assert (forecast.stance, forecast.probability, forecast.label_source) == ("disagree", 0.2, "analyst")
    assert forecast.history.first().history_user == analyst


def test_it_refuses_to_override_a_frozen_forecast():
    forecast = ForecastFactory(probability=0.7)
    questions.resolve(question=forecast.question, outcome="yes")
    with pytest.raises(ForecastFrozen, match="frozen"):
        forecasts.override(forecast=forecast, stance="disagree", probability=0.1)
    forecast.refresh_from_db()
    assert (forecast.stance, forecast.probability) == ("agree", 0.7)


@pytest.mark.parametrize(
    ("stance", "probability", "field"),
    [
        ("agree", 1.3, "probability"),
        ("agree", None, "probability"),
        ("neutral", 0.5, "probability"),
        ("maybe", 0.5, "stance"),
    ],
)
def test_it_rejects_an_inconsistent_position(stance, probability, field):
    forecast = ForecastFactory()
    with pytest.raises(ValidationError) as excinfo:
        forecasts.override(forecast=forecast, stance=stance, probability=probability)
    assert field in excinfo.value.message_dict


def test_an_analyst_can_link_a_claim_to_a_question_with_a_position(analyst):
    claim, question = ClaimFactory(), QuestionFactory()
    forecast = forecasts.create_by_analyst(claim=claim, question=question, stance="neutral",
                                           probability=None, by=analyst)
    assert forecast.label_source == Forecast.LabelSource.ANALYST
    assert Forecast.objects.filter(claim=claim, question=question).count() == 1


def test_linking_to_a_closed_question_is_refused():
    question = QuestionFactory()
    questions.close(question=question)
    with pytest.raises(ForecastFrozen):
        forecasts.create_by_analyst(claim=ClaimFactory(), question=question, stance="agree", probability=0.6)
    assert not Forecast.objects.exists()
