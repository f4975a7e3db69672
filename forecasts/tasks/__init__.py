"""Celery tasks: ids in, one service call, idempotent. Discovered by tracker.celery."""
from forecasts.tasks.questions import close_due_questions

__all__ = ["close_due_questions"]
