"""Celery tasks: ids in, one service call, idempotent. Discovered by tracker.celery."""
from forecasts.tasks.extraction import extract_claims, requeue_pending_extractions
from forecasts.tasks.questions import close_due_questions
from forecasts.tasks.reports import (  # noqa: F401
    flag_overdue_questions,
    generate_report,
    requeue_stalled_reports,
    weekly_expert_reports,
    weekly_global_report,
)
from forecasts.tasks.stance import rescore_open_questions, retrain_stance_model, score_claims, score_pending_claims  # noqa: E501

__all__ = ["close_due_questions", "extract_claims", "requeue_pending_extractions",
           "rescore_open_questions", "retrain_stance_model", "score_claims", "score_pending_claims"]
