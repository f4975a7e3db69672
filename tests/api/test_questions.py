"""Questions: filters, tags, and the lifecycle actions calling the services."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from forecasts.models import Forecast, Question
from forecasts.services import questions as question_services
from tests.factories import ForecastFactory, QuestionFactory, TagFactory

pytestmark = pytest.mark.django_db


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def overdue_question() -> Question:
    now = timezone.now()
    return QuestionFactory(
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=20),
        resolve_by=now - timedelta(days=1),
    )


def test_questions_filter_by_status(api):
    resolved = question_services.resolve(question=QuestionFactory(), outcome="no")
    QuestionFactory()
    assert ids(api.get("/api/v1/questions/?status=resolved")) == {resolved.pk}


def test_questions_filter_by_tag_slug(api):
    tagged = QuestionFactory()
    tagged.tags.add(TagFactory(name="Russia Ukraine"))
    QuestionFactory()
    assert ids(api.get("/api/v1/questions/?tag=russia-ukraine")) == {tagged.pk}


def test_questions_filter_by_deadline(api):
    soon = QuestionFactory(
        closes_at=datetime(2022, 2, 28, tzinfo=UTC),
        opens_at=datetime(2022, 1, 1, tzinfo=UTC),
        resolve_by=datetime(2022, 3, 31, tzinfo=UTC),
    )
    QuestionFactory()
    query = "closes_after=2022-02-01T00:00:00Z&closes_before=2022-03-01T00:00:00Z"
    assert ids(api.get(f"/api/v1/questions/?{query}")) == {soon.pk}


@pytest.mark.parametrize("value", ["true", "1"])
def test_questions_filter_overdue(api, value):
    late = overdue_question()
    QuestionFactory()
    assert ids(api.get(f"/api/v1/questions/?overdue={value}")) == {late.pk}


def test_questions_filter_not_overdue(api):
    overdue_question()
    on_time = QuestionFactory()
    assert ids(api.get("/api/v1/questions/?overdue=false")) == {on_time.pk}


def test_a_question_is_created_with_tags_by_name(analyst_api):
    TagFactory(name="Russia")
    response = analyst_api.post(
        "/api/v1/questions/",
        {
            "title": "Will NATO guarantee non-enlargement before 2022-12-31?",
            "tags": ["Russia", "NATO"],
            "opens_at": "2022-01-01T00:00:00Z",
            "closes_at": "2022-12-31T00:00:00Z",
            "resolve_by": "2023-01-31T00:00:00Z",
        },
    )
    assert (response.status_code, sorted(response.json()["tags"])) == (201, ["NATO", "Russia"])


def test_status_cannot_be_written_directly(analyst_api):
    question = QuestionFactory()
    analyst_api.patch(f"/api/v1/questions/{question.pk}/", {"status": "resolved", "outcome": "yes"})
    question.refresh_from_db()
    assert (question.status, question.outcome) == ("open", None)


def test_resolving_records_the_outcome_evidence_and_resolver_and_freezes_forecasts(resolver_api):
    forecast = ForecastFactory()
    response = resolver_api.post(
        f"/api/v1/questions/{forecast.question.pk}/resolve/",
        {
            "outcome": "yes",
            "evidence_url": "https://example.org/geneva",
            "note": "Blinken met Lavrov",
        },
    )
    body = response.json()
    assert (body["status"], body["outcome"], body["resolved_by"], body["evidence_url"]) == (
        "resolved",
        "yes",
        "resolver",
        "https://example.org/geneva",
    )
    assert Forecast.objects.get(pk=forecast.pk).frozen is True


def test_annulling_keeps_the_note(resolver_api):
    question = QuestionFactory()
    body = resolver_api.post(
        f"/api/v1/questions/{question.pk}/annul/", {"note": "ambiguous"}
    ).json()
    assert (body["status"], body["resolution_note"]) == ("annulled", "ambiguous")


def test_closing_stops_forecasts(resolver_api):
    question = QuestionFactory()
    assert resolver_api.post(f"/api/v1/questions/{question.pk}/close/").json()["status"] == "closed"


def test_reopening_before_the_deadline_makes_the_question_open_again(resolver_api):
    question = question_services.resolve(question=QuestionFactory(), outcome="yes")
    body = resolver_api.post(
        f"/api/v1/questions/{question.pk}/reopen/", {"note": "bad evidence"}
    ).json()
    assert (body["status"], body["outcome"]) == ("open", None)
