"""Stance tasks (eager Celery): batches, retries, failures on the row, the sweeper, retraining."""

from datetime import timedelta
from functools import partial

from django.db import OperationalError
from django.utils import timezone

from forecasts.models import Claim, Forecast, Question, StanceModel
from forecasts.services import claims as claim_services
from forecasts.services import stance as stance_services
from forecasts.services.stance import queueing, registry, scoring
from forecasts.services.stance.training import train_model
from forecasts.tasks import stance as stance_tasks
from tests import stance_support
from tests.factories import ClaimFactory, ExpertFactory, QuestionFactory
from tests.stance_support import TALKS, write_pairs_csv

# Shared fixtures (tests/stance_support.py): tasks run eagerly; the tiny model, and it installed active.
_eager, tiny, active = stance_support._eager, stance_support.tiny, stance_support.active


def linked_claim(**kwargs) -> Claim:
    claim = ClaimFactory(**kwargs)
    claim.questions.add(
        Question.objects.filter(title=TALKS).first() or QuestionFactory(title=TALKS)
    )
    return claim


def status_of(claim: Claim) -> tuple[str, str]:
    claim.refresh_from_db()
    return claim.scoring_status, claim.scoring_error


def test_the_task_scores_a_claim(active):
    claim = linked_claim()
    result = stance_tasks.score_claims.delay([claim.pk]).get()
    assert (result["created"], status_of(claim)[0]) == (1, Claim.ScoringStatus.DONE)


def test_a_corrupted_artifact_marks_the_claims_failed_with_the_reason(active):
    registry.artifact_location(active).write_bytes(b"garbage")
    registry.forget_loaded()
    claim = linked_claim()
    stance_tasks.score_claims.delay([claim.pk])
    status, error = status_of(claim)
    assert (status, "checksum mismatch" in error) == (Claim.ScoringStatus.FAILED, True)


def test_without_an_active_model_claims_wait_pending_with_the_reason(db):
    claim = linked_claim()
    stance_tasks.score_claims.delay([claim.pk])
    status, error = status_of(claim)
    assert (status, "No active stance model" in error) == (Claim.ScoringStatus.PENDING, True)


def test_a_failing_claim_does_not_block_the_others(active, monkeypatch):
    good, bad = linked_claim(), linked_claim()
    real = scoring.score_claims

    def poisoned(claim_ids, **kwargs):
        if bad.pk in claim_ids:
            raise ValueError("poison pill")
        return real(claim_ids, **kwargs)

    monkeypatch.setattr(stance_services, "score_claims", poisoned)
    stance_tasks.score_claims.delay([good.pk, bad.pk])
    assert status_of(good)[0] == Claim.ScoringStatus.DONE
    assert status_of(bad) == (Claim.ScoringStatus.FAILED, "scoring error: ValueError: poison pill")


def test_a_database_outage_is_retried_then_recorded(active, monkeypatch):
    calls = []

    def unavailable(claim_ids, **kwargs):
        calls.append(claim_ids)
        raise OperationalError("database is locked")

    monkeypatch.setattr(stance_services, "score_claims", unavailable)
    claim = linked_claim()
    stance_tasks.score_claims.delay([claim.pk])
    status, error = status_of(claim)
    assert (len(calls), status) == (stance_tasks.MAX_RETRIES + 1, Claim.ScoringStatus.FAILED)
    assert "database unavailable" in error


def test_a_long_list_is_split_into_batches(active, monkeypatch):
    seen = []
    monkeypatch.setattr(queueing, "BATCH_SIZE", 2)
    monkeypatch.setattr(
        stance_services,
        "score_claims",
        lambda ids, **kw: seen.append(sorted(ids)) or scoring.ScoringSummary(),
    )
    claims = [ClaimFactory() for _ in range(5)]
    stance_tasks.score_claims.delay([c.pk for c in claims])
    assert [len(batch) for batch in seen] == [2, 2, 1]


def test_creating_a_claim_queues_its_scoring(active, django_capture_on_commit_callbacks):
    question = QuestionFactory(title=TALKS)
    with django_capture_on_commit_callbacks(execute=True):
        claim = claim_services.create(
            expert=ExpertFactory(),
            quote="These talks aren't over.",
            made_at=timezone.now(),
            questions=[question],
        )
    assert Forecast.objects.filter(claim=claim, question=question).exists()


def test_editing_the_quote_queues_a_new_scoring(active, django_capture_on_commit_callbacks):
    claim = linked_claim()
    with django_capture_on_commit_callbacks() as callbacks:
        claim_services.update(claim=claim, quote="Talks will almost certainly resume.")
    assert (len(callbacks), status_of(claim)[0]) == (1, Claim.ScoringStatus.PENDING)


def test_the_sweeper_requeues_claims_left_pending(active, monkeypatch):
    queued = []
    monkeypatch.setattr(
        stance_tasks, "send_now", lambda task, ids, **kw: queued.append(ids) or True
    )
    old = ClaimFactory(scoring_status=Claim.ScoringStatus.PENDING)
    fresh = ClaimFactory(scoring_status=Claim.ScoringStatus.PENDING)
    ClaimFactory(scoring_status=Claim.ScoringStatus.DONE)
    Claim.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    assert (stance_tasks.score_pending_claims(), queued) == (1, [[old.pk]])
    assert fresh.scoring_status == Claim.ScoringStatus.PENDING


def test_the_sweeper_waits_for_an_active_model(db):
    ClaimFactory(scoring_status=Claim.ScoringStatus.PENDING)
    assert stance_tasks.score_pending_claims() == 0


def test_retraining_records_a_new_inactive_model(db, tmp_path, monkeypatch):
    seeds = write_pairs_csv(tmp_path / "pairs.csv")
    monkeypatch.setattr(
        stance_services, "train_model", partial(train_model, seeds_file=seeds, folds=0)
    )
    result = stance_tasks.retrain_stance_model.delay().get()
    model = StanceModel.objects.get(pk=result["stance_model"])
    assert (model.status, model.is_active) == (StanceModel.Status.READY, False)


def test_rescoring_open_questions_leaves_closed_ones_alone(
    active, django_capture_on_commit_callbacks
):
    closed = QuestionFactory(past_deadline=True, status="closed")
    claim = ClaimFactory(made_at=timezone.now() - timedelta(days=60))
    claim.questions.add(closed, QuestionFactory(title=TALKS))
    with django_capture_on_commit_callbacks(execute=True):
        stance_tasks.rescore_open_questions.delay()
    assert list(
        Forecast.objects.filter(claim=claim).values_list("question__status", flat=True)
    ) == ["open"]


def test_the_sweeper_is_scheduled_every_ten_minutes(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="forecasts.tasks.stance.score_pending_claims")
    assert (task.enabled, task.crontab.minute) == (True, "*/10")
