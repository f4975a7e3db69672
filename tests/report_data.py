"""Builders for report tests: resolved questions past their due date, and forecasts on them."""
from datetime import timedelta

import pytest
from django.utils import timezone

from forecasts.models import Forecast, Question
from tests.factories import ClaimFactory, ForecastFactory, QuestionFactory


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def resolved_question(outcome: str = "yes", **kwargs) -> Question:
    """Forecast deadline 30 days ago, resolved 12 days ago, due 10 days ago."""
    return QuestionFactory(past_deadline=True, status=Question.Status.RESOLVED, outcome=outcome,
                           resolved_at=days_ago(12), **kwargs)


def forecast_on(question: Question, expert, p: float | None, made_days_ago: float = 60,
                stance: str = Forecast.Stance.AGREE, label: str = Forecast.LabelSource.MODEL) -> Forecast:
    claim = ClaimFactory(expert=expert, made_at=days_ago(made_days_ago))
    return ForecastFactory(claim=claim, question=question, probability=p, stance=stance, label_source=label)


@pytest.fixture
def eager_celery():
    """Run queued tasks in-process even in the pass that sets a real broker (CELERY_BROKER_URL)."""
    from tracker.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous
