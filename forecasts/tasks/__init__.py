"""Celery tasks: ids in, one service call, idempotent. Discovered by tracker.celery."""
from forecasts.tasks.extraction import extract_claims, requeue_pending_extractions
from forecasts.tasks.questions import close_due_questions

__all__ = ["close_due_questions", "extract_claims", "requeue_pending_extractions"]
