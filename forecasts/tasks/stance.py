"""Stance tasks: ids in, one service call each, safe to run twice.

A batch that fails never blocks the others: database hiccups are retried with backoff, and
whatever still fails is written on the claims (scoring_status=failed, scoring_error=why).
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.db import OperationalError as DatabaseError
from django.utils import timezone

from forecasts.models import Claim
from forecasts.services import stance as stance_services
from forecasts.services.queue import send_now
from forecasts.services.stance import queueing

logger = logging.getLogger(__name__)
MAX_RETRIES = 5
SWEEP_LIMIT = 2000
SWEEP_GRACE_MINUTES = 2


def _backoff(retries: int) -> int:
    return min(600, 10 * 2**retries)


def _fan_out(claim_ids: list[int], question_ids, open_only: bool) -> dict:
    sent = sum(
        send_now(score_claims, batch, question_ids=question_ids, open_only=open_only)
        for batch in queueing.batches(claim_ids)
    )
    return {"batches": sent}


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def score_claims(
    self, claim_ids: list[int], question_ids: list[int] | None = None, open_only: bool = False
) -> dict:
    """Score up to BATCH_SIZE claims in one predict_proba call (larger lists are split)."""
    if len(set(claim_ids)) > queueing.BATCH_SIZE:
        return _fan_out(claim_ids, question_ids, open_only)
    try:
        summary = stance_services.score_claims(
            claim_ids, question_ids=question_ids, open_only=open_only
        )
    except stance_services.StanceModelUnavailable as exc:
        no_model = stance_services.active_model() is None
        stance_services.record_failure(claim_ids, exc.message, pending=no_model)
        return {"failed": len(claim_ids), "reason": exc.message}
    except DatabaseError as exc:
        return _retry_or_fail(self, claim_ids, exc)
    except Exception as exc:  # a bug or a poison claim: isolate it, never kill the worker
        logger.exception("stance scoring failed for claims %s", claim_ids)
        return _isolate(claim_ids, question_ids, open_only, exc)
    return {
        "claims": summary.claims,
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "protected": summary.protected,
        "removed": summary.removed,
        "model_version": summary.model_version,
    }


def _retry_or_fail(task, claim_ids: list[int], exc: Exception) -> dict:
    if task.request.retries < task.max_retries:
        raise task.retry(exc=exc, countdown=_backoff(task.request.retries))
    reason = f"database unavailable after {task.max_retries} retries: {exc}"
    try:
        stance_services.record_failure(claim_ids, reason)
    except DatabaseError:
        logger.error("could not record the scoring failure of claims %s: %s", claim_ids, exc)
    return {"failed": len(claim_ids), "reason": reason}


def _isolate(claim_ids: list[int], question_ids, open_only: bool, exc: Exception) -> dict:
    """One claim at a time, so a bad claim fails alone with its reason."""
    failed = 0
    for pk in claim_ids:
        try:
            stance_services.score_claims([pk], question_ids=question_ids, open_only=open_only)
        except Exception as error:  # noqa: BLE001 - recorded on the claim, shown in the admin
            stance_services.record_failure([pk], f"scoring error: {type(error).__name__}: {error}")
            failed += 1
    return {"failed": failed, "isolated": len(claim_ids), "first_error": str(exc)[:200]}


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=MAX_RETRIES)
def retrain_stance_model(config: str = "default") -> dict:
    """Train a new model from the seed pairs and analysts' labels; it is NOT activated."""
    try:
        row = stance_services.train_model(config=config, include_analyst_labels=True)
    except (stance_services.StanceTrainingError, stance_services.StanceDataError) as exc:
        logger.error("stance retraining failed: %s", exc.message)
        return {"failed": exc.message}
    return {"stance_model": row.pk, "version": row.version, "macro_f1": row.metrics.get("macro_f1")}


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=MAX_RETRIES)
def rescore_open_questions() -> int:
    """Re-score every claim against the open questions (after a model is activated)."""
    return stance_services.rescore_open_questions()


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=MAX_RETRIES)
def score_pending_claims() -> int:
    """Sweeper (beat): re-queue claims left pending, e.g. after a broker outage."""
    if stance_services.active_model() is None:
        return 0
    # The grace period leaves just-saved claims to their own on-commit enqueue.
    settled = timezone.now() - timedelta(minutes=SWEEP_GRACE_MINUTES)
    pending = Claim.objects.filter(
        scoring_status=Claim.ScoringStatus.PENDING, updated_at__lt=settled
    )
    ids = list(pending.order_by("pk").values_list("pk", flat=True)[:SWEEP_LIMIT])
    for batch in queueing.batches(ids):
        send_now(score_claims, batch)
    return len(ids)
