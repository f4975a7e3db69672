"""Stance scoring services: training, activation, the active model, scoring claims."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from forecasts.models import Claim, Forecast, Question, StanceModel
from forecasts.services import stance as stance_services
from forecasts.services.stance import positions, queueing, registry
from forecasts.stance import hedges
from tests import stance_support
from tests.factories import ClaimFactory, ForecastFactory, QuestionFactory, StanceModelFactory
from tests.stance_support import TALKS, WAR, FixedClassifier, install_model, write_pairs_csv

# Shared fixtures (tests/stance_support.py): tasks run eagerly; the tiny model, and it installed active.
_eager, tiny, active = stance_support._eager, stance_support.tiny, stance_support.active

AGREE_ROW = [0.85, 0.05, 0.05, 0.05]
DISAGREE_ROW = [0.05, 0.85, 0.05, 0.05]
NEUTRAL_ROW = [0.1, 0.1, 0.7, 0.1]
UNRELATED_ROW = [0.05, 0.05, 0.1, 0.8]


@pytest.fixture
def fixed(db, monkeypatch):
    """A deterministic classifier behind an active model row; rows set per question title."""
    classifier = FixedClassifier({})
    row = StanceModelFactory(version="fixed-1", is_active=True)
    monkeypatch.setattr(registry, "active_classifier", lambda: (row, classifier))
    return classifier


def linked_claim(question: Question, **kwargs) -> Claim:
    claim = ClaimFactory(**kwargs)
    claim.questions.add(question)
    return claim


def test_it_writes_a_model_forecast_for_a_linked_question(active):
    question = QuestionFactory(title=TALKS)
    claim = linked_claim(question, quote="These talks aren't over.")
    stance_services.score_claims([claim.pk])
    forecast = Forecast.objects.get(claim=claim, question=question)
    assert (forecast.label_source, forecast.model_version) == ("model", active.version)
    assert sum(forecast.class_probabilities.values()) == pytest.approx(1.0, abs=1e-4)


def test_it_marks_the_claim_scored(active):
    claim = linked_claim(QuestionFactory(title=TALKS))
    stance_services.score_claims([claim.pk])
    claim.refresh_from_db()
    assert (claim.scoring_status, claim.scoring_attempts) == (Claim.ScoringStatus.DONE, 1)


def test_it_never_overwrites_an_analysts_label(active):
    forecast = ForecastFactory(
        question__title=TALKS,
        label_source=Forecast.LabelSource.ANALYST,
        stance="agree",
        probability=0.9,
        model_version="",
    )
    forecast.claim.questions.add(forecast.question)
    stance_services.score_claims([forecast.claim_id])
    forecast.refresh_from_db()
    assert (forecast.stance, forecast.probability, forecast.label_source) == (
        "agree",
        0.9,
        "analyst",
    )


def test_it_never_changes_a_frozen_forecast(fixed):
    fixed.rows_by_question[TALKS] = DISAGREE_ROW
    forecast = ForecastFactory(question__title=TALKS, stance="agree", probability=0.7, frozen=True)
    forecast.claim.questions.add(forecast.question)
    summary = stance_services.score_claims([forecast.claim_id])
    forecast.refresh_from_db()
    assert (forecast.stance, summary.protected) == ("agree", 1)


def test_rescoring_with_the_same_model_changes_nothing(active):
    claim = linked_claim(QuestionFactory(title=TALKS))
    stance_services.score_claims([claim.pk])
    history = Forecast.history.count()
    again = stance_services.score_claims([claim.pk])
    assert (again.created, again.updated, again.unchanged, Forecast.history.count()) == (
        0,
        0,
        1,
        history,
    )


def test_a_new_model_version_updates_the_model_forecast(fixed):
    forecast = ForecastFactory(
        question__title=TALKS, model_version="old-1", stance="neutral", probability=None
    )
    forecast.claim.questions.add(forecast.question)
    fixed.rows_by_question[TALKS] = AGREE_ROW
    stance_services.score_claims([forecast.claim_id])
    forecast.refresh_from_db()
    assert (forecast.stance, forecast.model_version) == ("agree", "fixed-1")


def test_it_calls_predict_proba_once_per_batch(fixed):
    questions = [QuestionFactory() for _ in range(3)]
    claims = [linked_claim(questions[0]) for _ in range(4)]
    stance_services.score_claims([c.pk for c in claims])
    assert fixed.calls == 1


def test_it_adds_open_questions_the_model_finds_related(fixed):
    related = QuestionFactory(title=TALKS)
    QuestionFactory(title=WAR)
    fixed.rows_by_question.update({TALKS: AGREE_ROW, WAR: UNRELATED_ROW})
    claim = ClaimFactory(quote="Russia will be back at the table within weeks.")
    stance_services.score_claims([claim.pk])
    assert list(Forecast.objects.filter(claim=claim).values_list("question", flat=True)) == [
        related.pk
    ]


def test_an_open_question_sharing_no_anchor_with_the_claim_is_not_a_candidate(fixed):
    QuestionFactory(title=WAR)
    fixed.rows_by_question[WAR] = AGREE_ROW  # the model would read a side: it is never asked
    claim = ClaimFactory(quote="No further talks with the U.S. are in the pipeline.")
    stance_services.score_claims([claim.pk])
    assert not Forecast.objects.filter(claim=claim).exists()


def test_a_linked_question_needs_no_anchor(fixed):
    question = QuestionFactory(title=TALKS)
    fixed.rows_by_question[TALKS] = DISAGREE_ROW
    claim = linked_claim(question, quote="We're very patient, but our patience has run out.")
    stance_services.score_claims([claim.pk])
    assert Forecast.objects.get(claim=claim).stance == "disagree"


NO_ANCHOR_WITH_WAR = "No further talks with the U.S. are in the pipeline."


def test_a_model_link_the_claim_no_longer_shares_an_anchor_with_is_removed(fixed):
    stale = ForecastFactory(question__title=WAR, claim__quote=NO_ANCHOR_WITH_WAR)
    fixed.rows_by_question[WAR] = AGREE_ROW
    summary = stance_services.score_claims([stale.claim_id])
    assert summary.removed == 1
    assert not Forecast.objects.filter(pk=stale.pk).exists()


@pytest.mark.parametrize(
    "kept",
    [
        {"label_source": Forecast.LabelSource.ANALYST},
        {"frozen": True},
        {"question__status": Question.Status.CLOSED, "question__past_deadline": True},
    ],
)
def test_analyst_frozen_and_closed_forecasts_without_an_anchor_stay(fixed, kept):
    forecast = ForecastFactory(question__title=WAR, claim__quote=NO_ANCHOR_WITH_WAR,
                               claim__made_at=timezone.now() - timedelta(days=60), **kept)
    fixed.rows_by_question[WAR] = AGREE_ROW
    summary = stance_services.score_claims([forecast.claim_id])
    assert summary.removed == 0
    assert Forecast.objects.filter(pk=forecast.pk).exists()


def test_it_keeps_an_unrelated_answer_for_a_linked_question(fixed):
    question = QuestionFactory(title=WAR)
    fixed.rows_by_question[WAR] = UNRELATED_ROW
    claim = linked_claim(question)
    stance_services.score_claims([claim.pk])
    assert Forecast.objects.get(claim=claim).stance == "unrelated"


def test_it_leaves_closed_questions_it_is_not_linked_to_alone(fixed):
    QuestionFactory(title=TALKS, past_deadline=True, status=Question.Status.CLOSED)
    fixed.rows_by_question[TALKS] = AGREE_ROW
    claim = ClaimFactory(made_at=timezone.now() - timedelta(days=60))
    stance_services.score_claims([claim.pk])
    assert not Forecast.objects.filter(claim=claim).exists()


def test_a_linked_closed_question_gets_a_frozen_forecast_for_a_claim_made_in_time(fixed):
    question = QuestionFactory(title=TALKS, past_deadline=True, status=Question.Status.CLOSED)
    fixed.rows_by_question[TALKS] = AGREE_ROW
    claim = linked_claim(question, made_at=timezone.now() - timedelta(days=60))
    stance_services.score_claims([claim.pk])
    assert Forecast.objects.get(claim=claim).frozen is True


def test_a_claim_made_after_the_deadline_is_not_a_forecast(fixed):
    question = QuestionFactory(title=TALKS, past_deadline=True, status=Question.Status.CLOSED)
    claim = linked_claim(question, made_at=timezone.now())
    stance_services.score_claims([claim.pk])
    assert not Forecast.objects.filter(claim=claim).exists()


@pytest.mark.parametrize(
    ("row", "quote", "basis"),
    [
        (AGREE_ROW, "Another round is almost certain.", "phrase"),
        (DISAGREE_ROW, "Another round is highly unlikely.", "phrase"),
        (AGREE_ROW, "They meet again.", "classifier_confidence"),
    ],
)
def test_p_yes_comes_from_the_hedge_phrase_or_the_classifier(fixed, row, quote, basis):
    fixed.rows_by_question[TALKS] = row
    claim = linked_claim(QuestionFactory(title=TALKS), quote=quote, paraphrase="")
    stance_services.score_claims([claim.pk])
    forecast = Forecast.objects.get(claim=claim)
    stance = forecast.stance
    expected = hedges.implied_p_yes(stance, hedges.find_hedge(quote), max(row))
    assert (forecast.probability, forecast.probability_basis) == (
        pytest.approx(expected.probability),
        basis,
    )


def test_a_neutral_claim_has_no_probability(fixed):
    fixed.rows_by_question[TALKS] = NEUTRAL_ROW
    claim = linked_claim(
        QuestionFactory(title=TALKS), quote="It is almost certain to depend on Washington."
    )
    stance_services.score_claims([claim.pk])
    forecast = Forecast.objects.get(claim=claim)
    assert (forecast.stance, forecast.probability, forecast.phrase) == ("neutral", None, "")


@pytest.mark.parametrize(
    "quote",
    [
        "Yes.",
        "Talks " * 17_000,
        "Переговоры ещё не закончены.",
        "会谈还没有结束。",
        "Les négociations ne sont pas terminées.",
    ],
)
def test_odd_claims_are_scored_without_crashing(active, quote):
    claim = linked_claim(QuestionFactory(title=TALKS), quote=quote, paraphrase="")
    stance_services.score_claims([claim.pk])
    claim.refresh_from_db()
    assert claim.scoring_status == Claim.ScoringStatus.DONE


@pytest.mark.parametrize("quote", ["   ", "Переговоры ещё не закончены."])
def test_an_unreadable_claim_is_a_no_confidence_neutral_with_the_reason(active, quote):
    claim = linked_claim(QuestionFactory(title=TALKS), quote=quote, paraphrase="")
    stance_services.score_claims([claim.pk])
    claim.refresh_from_db()
    forecast = Forecast.objects.get(claim=claim)
    assert (forecast.stance, forecast.stance_confidence, bool(claim.scoring_error)) == (
        "neutral",
        0.0,
        True,
    )


def test_an_unreadable_claim_is_not_paired_with_open_questions(active):
    QuestionFactory(title=TALKS)
    claim = ClaimFactory(quote="会谈还没有结束。", paraphrase="")
    stance_services.score_claims([claim.pk])
    assert not Forecast.objects.filter(claim=claim).exists()


def test_without_an_active_model_scoring_is_refused(db):
    claim = ClaimFactory()
    with pytest.raises(stance_services.StanceModelUnavailable, match="No active stance model"):
        stance_services.score_claims([claim.pk])


def test_a_corrupted_artifact_is_refused_and_recorded(active):
    registry.artifact_location(active).write_bytes(b"not the artifact we saved")
    registry.forget_loaded()
    with pytest.raises(stance_services.StanceModelUnavailable, match="checksum mismatch"):
        stance_services.score_claims([ClaimFactory().pk])
    active.refresh_from_db()
    assert "checksum mismatch" in active.error


def test_a_missing_artifact_is_refused(active):
    registry.artifact_location(active).unlink()
    registry.forget_loaded()
    with pytest.raises(stance_services.StanceModelUnavailable, match="cannot read"):
        stance_services.load_classifier(active)


def test_activation_leaves_exactly_one_active_model(db, tiny, django_capture_on_commit_callbacks):
    first = install_model(tiny, version="tiny-a")
    second = install_model(tiny, version="tiny-b", active=False)
    with django_capture_on_commit_callbacks():
        stance_services.activate(second)
    assert list(StanceModel.objects.filter(is_active=True)) == [second]
    assert StanceModel.objects.get(pk=first.pk).is_active is False


def test_the_database_allows_only_one_active_model(db):
    StanceModelFactory(is_active=True)
    with pytest.raises(IntegrityError):
        StanceModelFactory(is_active=True)


def test_activation_refuses_a_corrupted_artifact(db, tiny):
    model = install_model(tiny, active=False)
    registry.artifact_location(model).write_bytes(b"tampered")
    with pytest.raises(stance_services.StanceModelUnavailable):
        stance_services.activate(model)
    assert not StanceModel.objects.filter(is_active=True).exists()


def test_activation_rescores_open_questions(db, tiny, django_capture_on_commit_callbacks):
    model = install_model(tiny, active=False)
    claim = linked_claim(QuestionFactory(title=TALKS))
    with django_capture_on_commit_callbacks(execute=True):
        stance_services.activate(model)
    assert Forecast.objects.get(claim=claim).model_version == model.version


def test_training_records_provenance_metrics_and_checksum(db, tmp_path):
    seeds = write_pairs_csv(tmp_path / "pairs.csv")
    model = stance_services.train_model(seeds_file=seeds, folds=2, include_analyst_labels=False)
    assert (model.status, model.is_active, model.training_size) == ("ready", False, 18)
    assert model.provenance["seeds"]["rows"] == 18
    assert set(model.metrics["per_class_f1"]) == {"agree", "disagree", "neutral", "unrelated"}
    assert len(model.artifact_sha256) == 64


def test_training_adds_analysts_labels(db, tmp_path):
    ForecastFactory(label_source=Forecast.LabelSource.ANALYST, stance="disagree", probability=0.1)
    seeds = write_pairs_csv(tmp_path / "pairs.csv")
    model = stance_services.train_model(seeds_file=seeds, folds=0)
    assert model.provenance["analyst"]["rows"] == 1


def test_training_from_a_missing_file_is_a_readable_error(db, tmp_path):
    with pytest.raises(stance_services.StanceDataError, match="no such file"):
        stance_services.train_model(seeds_file=tmp_path / "nope.csv", folds=0)


def test_training_with_one_label_fails_with_the_reason(db, tmp_path):
    seeds = write_pairs_csv(tmp_path / "pairs.csv", [(TALKS, "Yes they will.", "agree")] * 4)
    with pytest.raises(stance_services.StanceTrainingError, match="two stances"):
        stance_services.train_model(seeds_file=seeds, folds=0, include_analyst_labels=False)


@given(
    ids=st.lists(st.integers(min_value=1, max_value=10_000), max_size=300),
    size=st.integers(min_value=1, max_value=60),
)
def test_batches_cover_every_claim_once_in_order(ids, size):
    found = queueing.batches(ids, size)
    assert [pk for batch in found for pk in batch] == sorted(set(ids))
    assert all(0 < len(batch) <= size for batch in found)


@given(quote=st.text(max_size=50), paraphrase=st.text(max_size=50))
def test_the_model_reads_the_quote_before_the_paraphrase(quote, paraphrase):
    text = positions.claim_text(quote, paraphrase)
    assert text.startswith(quote.strip()) and text.endswith(paraphrase.strip())
