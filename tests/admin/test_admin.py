"""The analyst admin: every changelist renders, and only resolvers can resolve."""
import pytest
from django.urls import reverse

from forecasts.models import Forecast, Question
from forecasts.services import questions
from tests.factories import (
    CalibrationReportFactory,
    ForecastFactory,
    QuestionFactory,
    StanceModelFactory,
)

pytestmark = pytest.mark.django_db
CHANGELISTS = ["organization", "expert", "source", "claim", "question", "forecast", "tag",
               "stancemodel", "calibrationreport"]


@pytest.fixture
def data():
    ForecastFactory.create_batch(3)
    StanceModelFactory()
    CalibrationReportFactory()


@pytest.mark.parametrize("model", CHANGELISTS)
def test_every_changelist_renders_for_an_analyst(client, analyst, data, model):
    client.force_login(analyst)
    response = client.get(reverse(f"admin:forecasts_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["status=open", "overdue=yes", "overdue=no", "label_source=model"])
def test_filters_render(client, analyst, data, query):
    client.force_login(analyst)
    model = "forecast" if "label_source" in query else "question"
    response = client.get(reverse(f"admin:forecasts_{model}_changelist") + "?" + query)
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["question", "forecast", "claim"])
def test_history_pages_render(client, analyst, data, model):
    client.force_login(analyst)
    obj = {"question": Question, "forecast": Forecast, "claim": Forecast}[model].objects.first()
    obj = obj.claim if model == "claim" else obj
    response = client.get(reverse(f"admin:forecasts_{model}_history", args=[obj.pk]))
    assert response.status_code == 200


def changelist_actions(client, user) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("admin:forecasts_question_changelist"))
    form = response.context["action_form"]  # None when the user may run no action at all
    return [value for value, _ in form.fields["action"].choices] if form else []


def test_an_analyst_is_not_offered_the_resolve_actions(client, analyst, data):
    assert "resolve_yes" not in changelist_actions(client, analyst)


def test_a_resolver_is_offered_the_resolve_actions(client, resolver, data):
    assert {"resolve_yes", "resolve_no", "annul", "reopen"} <= set(changelist_actions(client, resolver))


def post_action(client, action: str, question: Question, **fields):
    url = reverse("admin:forecasts_question_changelist")
    return client.post(url, {"action": action, "_selected_action": [question.pk], **fields}, follow=True)


def test_resolving_asks_for_evidence_before_applying(client, resolver):
    question = QuestionFactory()
    client.force_login(resolver)
    response = post_action(client, "resolve_yes", question)
    assert b"evidence_url" in response.content
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN


def test_a_resolver_resolves_with_evidence_and_note(client, resolver):
    forecast = ForecastFactory()
    client.force_login(resolver)
    post_action(client, "resolve_yes", forecast.question, apply="1",
                evidence_url="https://example.org/evidence", note="Confirmed")
    forecast.question.refresh_from_db()
    forecast.refresh_from_db()
    assert (forecast.question.outcome, forecast.question.resolved_by) == ("yes", resolver)
    assert forecast.frozen


def test_an_analyst_posting_the_resolve_action_changes_nothing(client, analyst):
    question = QuestionFactory()
    client.force_login(analyst)
    post_action(client, "resolve_yes", question, apply="1", evidence_url="https://example.org/e")
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN


def test_resolving_an_annulled_question_shows_a_readable_error(client, resolver):
    question = QuestionFactory()
    questions.annul(question=question, note="void")
    client.force_login(resolver)
    response = post_action(client, "resolve_no", question, apply="1")
    assert "annulled question cannot be resolved" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Question.Status.ANNULLED


def test_annulling_without_a_note_keeps_the_form_open(client, resolver):
    question = QuestionFactory()
    client.force_login(resolver)
    response = post_action(client, "annul", question, apply="1", note="")
    assert "This field is required" in response.content.decode()
    question.refresh_from_db()
    assert question.status == Question.Status.OPEN


def test_a_frozen_forecast_is_shown_read_only(client, analyst):
    forecast = ForecastFactory()
    questions.close(question=forecast.question)
    client.force_login(analyst)
    response = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk]))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_an_analyst_override_in_the_admin_goes_through_the_service(client, analyst):
    forecast = ForecastFactory(stance="agree", probability=0.7)
    client.force_login(analyst)
    url = reverse("admin:forecasts_forecast_change", args=[forecast.pk])
    client.post(url, {"stance": "disagree", "probability": "0.2"})
    forecast.refresh_from_db()
    assert (forecast.stance, forecast.probability, forecast.label_source) == ("disagree", 0.2, "analyst")


def test_the_admin_rejects_a_probability_above_one_with_a_message(client, analyst):
    forecast = ForecastFactory(stance="agree", probability=0.7)
    client.force_login(analyst)
    url = reverse("admin:forecasts_forecast_change", args=[forecast.pk])
    response = client.post(url, {"stance": "agree", "probability": "1.3"})
    assert "P(yes) must be between 0 and 1" in response.content.decode()
    forecast.refresh_from_db()
    assert forecast.probability == 0.7


def test_the_admin_rejects_a_deadline_before_the_open_date(client, analyst):
    client.force_login(analyst)
    response = client.post(reverse("admin:forecasts_question_add"), {
        "title": "Will it rain?", "opens_at_0": "2030-02-01", "opens_at_1": "00:00:00",
        "closes_at_0": "2030-01-01", "closes_at_1": "00:00:00",
        "resolve_by_0": "2030-03-01", "resolve_by_1": "00:00:00",
    })
    assert response.status_code == 200
    assert "question_closes_after_opening" in response.content.decode() or \
        "closes" in response.context["adminform"].form.errors.as_text()
    assert not Question.objects.exists()
