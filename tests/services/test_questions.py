import pytest
from django.core.exceptions import ValidationError

from forecasts.models import Forecast, Question
from forecasts.services import questions
from forecasts.services.errors import InvalidTransition
from forecasts.signals import question_resolution_changed
from tests.factories import ForecastFactory, QuestionFactory

pytestmark = pytest.mark.django_db
Status = Question.Status


@pytest.fixture
def question():
    question = QuestionFactory()
    ForecastFactory.create_batch(2, question=question)
    return question


def test_resolving_records_outcome_evidence_and_who(question, resolver):
    questions.resolve(question=question, outcome="yes", evidence_url="https://example.org/e",
                      note="Reported widely", by=resolver)
    question.refresh_from_db()
    assert (question.status, question.outcome, question.resolved_by, question.evidence_url) == (
        Status.RESOLVED, "yes", resolver, "https://example.org/e")
    assert question.resolved_at is not None


def test_resolving_freezes_the_questions_forecasts(question):
    questions.resolve(question=question, outcome="no")
    assert set(Forecast.objects.filter(question=question).values_list("frozen", flat=True)) == {True}


def test_closing_freezes_forecasts_and_keeps_it_unresolved(question):
    questions.close(question=question)
    question.refresh_from_db()
    assert question.status == Status.CLOSED
    assert question.outcome is None
    assert not Forecast.objects.filter(question=question, frozen=False).exists()


def test_it_refuses_to_resolve_twice_and_changes_nothing(question):
    questions.resolve(question=question, outcome="yes")
    with pytest.raises(InvalidTransition, match="already resolved YES"):
        questions.resolve(question=question, outcome="no")
    question.refresh_from_db()
    assert question.outcome == "yes"


def test_it_refuses_to_resolve_an_annulled_question(question):
    questions.annul(question=question, note="Ambiguous wording")
    with pytest.raises(InvalidTransition, match="annulled"):
        questions.resolve(question=question, outcome="yes")
    question.refresh_from_db()
    assert (question.status, question.outcome) == (Status.ANNULLED, None)


@pytest.mark.parametrize("outcome", ["maybe", "YES", "", "1"])
def test_it_rejects_an_outcome_other_than_yes_or_no(question, outcome):
    with pytest.raises(ValidationError) as excinfo:
        questions.resolve(question=question, outcome=outcome)
    assert "outcome" in excinfo.value.message_dict
    question.refresh_from_db()
    assert question.status == Status.OPEN


def test_it_rejects_a_malformed_evidence_url(question):
    with pytest.raises(ValidationError) as excinfo:
        questions.resolve(question=question, outcome="yes", evidence_url="not a url")
    assert "evidence_url" in excinfo.value.message_dict


def test_annulling_requires_a_note(question):
    with pytest.raises(ValidationError) as excinfo:
        questions.annul(question=question, note="   ")
    assert "note" in excinfo.value.message_dict


def test_closing_twice_is_refused(question):
    questions.close(question=question)
    with pytest.raises(InvalidTransition):
        questions.close(question=question)


def test_reopening_a_resolved_question_before_its_deadline_unfreezes_forecasts(question):
    questions.resolve(question=question, outcome="yes")
    questions.reopen(question=question, note="Resolved by mistake")
    question.refresh_from_db()
    assert (question.status, question.outcome, question.resolved_at) == (Status.OPEN, None, None)
    assert not Forecast.objects.filter(question=question, frozen=True).exists()


def test_reopening_after_the_deadline_leaves_it_closed_and_frozen():
    question = QuestionFactory(past_deadline=True)
    ForecastFactory(question=question)
    questions.resolve(question=question, outcome="yes")
    questions.reopen(question=question, note="Wrong evidence")
    question.refresh_from_db()
    assert question.status == Status.CLOSED
    assert not Forecast.objects.filter(question=question, frozen=False).exists()


def test_reopening_an_open_question_is_refused(question):
    with pytest.raises(InvalidTransition):
        questions.reopen(question=question, note="why not")


def test_resolution_changes_are_announced_after_commit(question, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, question_id, **kwargs):
        received.append(question_id)

    question_resolution_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            questions.resolve(question=question, outcome="yes")
    finally:
        question_resolution_changed.disconnect(receiver)
    assert received == [question.pk]


def test_resolution_is_recorded_in_the_history_with_the_user(question, resolver):
    questions.resolve(question=question, outcome="no", by=resolver)
    latest = question.history.first()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        Status.RESOLVED, resolver, "resolved no")


def test_close_past_deadline_closes_only_questions_whose_deadline_passed():
    due = QuestionFactory(past_deadline=True)
    not_due = QuestionFactory()
    assert questions.close_past_deadline() == 1
    assert Question.objects.get(pk=due.pk).status == Status.CLOSED
    assert Question.objects.get(pk=not_due.pk).status == Status.OPEN
