"""The database itself refuses what must never hold, whichever code path writes."""
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from forecasts.models import Forecast, Question, StanceModel
from tests.factories import (
    ClaimFactory,
    ForecastFactory,
    QuestionFactory,
    SourceFactory,
    StanceModelFactory,
)

pytestmark = pytest.mark.django_db


def refused(factory, **kwargs) -> bool:
    try:
        with transaction.atomic():
            factory(**kwargs)
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize("probability", [1.3, -0.01])
def test_it_refuses_a_probability_outside_the_unit_interval(probability):
    assert refused(ForecastFactory, probability=probability)


def test_it_accepts_probabilities_at_the_bounds():
    ForecastFactory(probability=0.0)
    ForecastFactory(probability=1.0)
    assert Forecast.objects.count() == 2


def test_it_refuses_a_probability_on_a_neutral_stance():
    assert refused(ForecastFactory, stance=Forecast.Stance.NEUTRAL, probability=0.5)


def test_it_refuses_a_second_forecast_for_the_same_claim_and_question():
    forecast = ForecastFactory()
    assert refused(ForecastFactory, claim=forecast.claim, question=forecast.question)


def test_it_refuses_a_deadline_before_the_open_date():
    question = QuestionFactory.build()
    assert refused(QuestionFactory, opens_at=question.closes_at, closes_at=question.opens_at)


def test_it_refuses_a_resolution_date_before_the_deadline():
    question = QuestionFactory.build()
    assert refused(QuestionFactory, resolve_by=question.closes_at - timedelta(days=1))


def test_it_refuses_an_outcome_on_an_unresolved_question():
    assert refused(QuestionFactory, outcome=Question.Outcome.YES)


def test_it_refuses_a_resolved_question_without_outcome():
    assert refused(QuestionFactory, status=Question.Status.RESOLVED)


def test_it_refuses_a_source_url_twice():
    source = SourceFactory()
    assert refused(SourceFactory, url=source.url)


def test_it_refuses_the_same_quote_twice_from_one_speaker_in_one_source():
    claim = ClaimFactory()
    assert refused(ClaimFactory, expert=claim.expert, source=claim.source, quote=claim.quote)


def test_it_allows_only_one_active_stance_model():
    StanceModelFactory(is_active=True)
    assert refused(StanceModelFactory, is_active=True)
    assert StanceModel.objects.filter(is_active=True).count() == 1


def test_it_records_history_for_claims_questions_and_forecasts():
    forecast = ForecastFactory()
    forecast.probability = 0.9
    forecast.save()
    assert forecast.history.count() == 2
    assert forecast.claim.history.count() == 1
    assert forecast.question.history.count() == 1
