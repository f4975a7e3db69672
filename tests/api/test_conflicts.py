"""409: the state of the thing forbids the change, and the message says why."""

import pytest

from forecasts.services import questions as question_services
from tests.factories import ClaimFactory, ForecastFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_overriding_a_frozen_forecast_is_a_conflict_that_says_why(analyst_api):
    forecast = ForecastFactory(probability=0.7)
    question_services.close(question=forecast.question)
    response = analyst_api.patch(f"/api/v1/forecasts/{forecast.pk}/", {"probability": 0.2})
    forecast.refresh_from_db()
    assert (response.status_code, response.json()["code"], forecast.probability) == (
        409,
        "forecast_frozen",
        0.7,
    )
    assert "frozen" in response.json()["detail"]


def test_resolving_twice_is_a_conflict(resolver_api):
    question = question_services.resolve(question=QuestionFactory(), outcome="yes")
    response = resolver_api.post(f"/api/v1/questions/{question.pk}/resolve/", {"outcome": "no"})
    question.refresh_from_db()
    assert (response.status_code, question.outcome) == (409, "yes")
    assert "already resolved YES" in response.json()["detail"]


@pytest.mark.parametrize(
    ("action", "body"),
    [("close", {}), ("annul", {"note": "void"}), ("resolve", {"outcome": "yes"})],
)
def test_a_lifecycle_step_an_annulled_question_cannot_take_is_a_conflict(
    resolver_api, action, body
):
    question = question_services.annul(question=QuestionFactory(), note="ambiguous wording")
    response = resolver_api.post(f"/api/v1/questions/{question.pk}/{action}/", body)
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_reopening_an_open_question_is_a_conflict(resolver_api):
    response = resolver_api.post(
        f"/api/v1/questions/{QuestionFactory().pk}/reopen/", {"note": "why not"}
    )
    assert response.status_code == 409


def test_deleting_an_expert_with_claims_is_a_conflict(analyst_api):
    claim = ClaimFactory()
    response = analyst_api.delete(f"/api/v1/experts/{claim.expert.pk}/")
    assert (response.status_code, response.json()["code"]) == (409, "protected")


def test_a_reopened_question_can_be_resolved_again(resolver_api):
    question = question_services.resolve(question=QuestionFactory(), outcome="yes")
    resolver_api.post(f"/api/v1/questions/{question.pk}/reopen/", {"note": "evidence retracted"})
    response = resolver_api.post(f"/api/v1/questions/{question.pk}/resolve/", {"outcome": "no"})
    assert (response.status_code, response.json()["outcome"]) == (200, "no")
