"""History endpoints: who changed what, when."""

import pytest

from tests.factories import ForecastFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_a_questions_history_shows_who_resolved_it_and_what_changed(resolver_api):
    question = QuestionFactory()
    resolver_api.post(
        f"/api/v1/questions/{question.pk}/resolve/",
        {"outcome": "yes", "note": "Blinken met Lavrov"},
    )
    latest = resolver_api.get(f"/api/v1/questions/{question.pk}/history/").json()["results"][0]
    changes = {change["field"]: (change["old"], change["new"]) for change in latest["changes"]}
    assert (latest["history_user"], latest["history_type"], changes["status"]) == (
        "resolver",
        "changed",
        ("open", "resolved"),
    )


def test_a_forecasts_history_records_the_override_and_its_reason(analyst_api):
    forecast = ForecastFactory(stance="agree", probability=0.7)
    analyst_api.patch(
        f"/api/v1/forecasts/{forecast.pk}/",
        {"stance": "disagree", "probability": 0.3, "note": "misread sarcasm"},
    )
    latest = analyst_api.get(f"/api/v1/forecasts/{forecast.pk}/history/").json()["results"][0]
    changes = {change["field"]: (change["old"], change["new"]) for change in latest["changes"]}
    assert (latest["history_user"], latest["history_change_reason"]) == (
        "analyst",
        "misread sarcasm",
    )
    assert changes["label_source"] == ("model", "analyst")


def test_the_first_entry_is_the_creation(api):
    question = QuestionFactory()
    entries = api.get(f"/api/v1/questions/{question.pk}/history/").json()["results"]
    assert [(entry["history_type"], entry["changes"]) for entry in entries] == [("created", [])]


def test_history_rejects_filters_it_does_not_have(api):
    question = QuestionFactory()
    assert api.get(f"/api/v1/questions/{question.pk}/history/?status=open").status_code == 400


def test_history_of_an_unknown_question_is_a_404(api):
    assert api.get("/api/v1/questions/424242/history/").status_code == 404


def test_an_edit_made_with_a_token_is_attributed_to_the_tokens_user(analyst_api):
    question = QuestionFactory()
    analyst_api.patch(f"/api/v1/questions/{question.pk}/", {"resolution_criteria": "Two outlets"})
    latest = analyst_api.get(f"/api/v1/questions/{question.pk}/history/").json()["results"][0]
    assert (latest["history_user"], latest["changes"][0]["field"]) == (
        "analyst",
        "resolution_criteria",
    )


def test_anonymous_readers_see_the_change_but_not_the_staff_account(api, resolver_api):
    question = QuestionFactory()
    resolver_api.post(f"/api/v1/questions/{question.pk}/resolve/", {"outcome": "no", "note": "n"})
    latest = api.get(f"/api/v1/questions/{question.pk}/history/").json()["results"][0]
    assert (latest["history_user"], latest["history_type"]) == (None, "changed")
