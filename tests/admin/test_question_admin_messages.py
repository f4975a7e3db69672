"""The question admin explains refused dates in words and words its confirmations per action."""

import pytest
from django.urls import reverse

from forecasts.models import Question
from forecasts.services import questions
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def _add_question(client, *, opens: str, closes: str, resolve_by: str):
    return client.post(reverse("admin:forecasts_question_add"), {
        "title": "Will it rain?", "resolution_criteria": "Rain is measured.",
        "opens_at_0": opens, "opens_at_1": "00:00:00",
        "closes_at_0": closes, "closes_at_1": "00:00:00",
        "resolve_by_0": resolve_by, "resolve_by_1": "00:00:00",
        "forecasts-TOTAL_FORMS": "0", "forecasts-INITIAL_FORMS": "0",
    })


def test_a_deadline_before_the_open_date_is_refused_in_words(client, analyst):
    client.force_login(analyst)
    response = _add_question(client, opens="2030-02-01", closes="2030-01-01", resolve_by="2030-03-01")
    errors = response.context["adminform"].form.errors
    assert (errors.get("closes_at"), Question.objects.count()) == (
        ["The forecast deadline must be after the open date."], 0)


def test_a_resolution_date_before_the_deadline_is_refused_in_words(client, analyst):
    client.force_login(analyst)
    response = _add_question(client, opens="2030-01-01", closes="2030-02-01", resolve_by="2030-01-15")
    errors = response.context["adminform"].form.errors
    assert errors.get("resolve_by") == ["The resolution date cannot be before the forecast deadline."]


def test_the_reopen_confirmation_does_not_claim_it_freezes_forecasts(client, resolver):
    client.force_login(resolver)
    question = QuestionFactory()
    questions.annul(question=question, by=resolver, note="void")
    response = client.post(reverse("admin:forecasts_question_changelist"), {
        "action": "reopen", "_selected_action": [question.pk]})
    assert "frozen by this action" not in response.content.decode()
