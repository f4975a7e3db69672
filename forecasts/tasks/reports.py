"""Report and overdue-question tasks: ids in, one service call each, safe to run twice."""
from celery import shared_task
from django.db import OperationalError as DatabaseError

from forecasts.services import overdue as overdue_services
from forecasts.services import report_batches
from forecasts.services import reports as report_services

RETRY = {"autoretry_for": (DatabaseError,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def generate_report(report_id: int) -> str | None:
    """Generate one calibration report; a report already taken or done is left alone."""
    report = report_services.run_report(report_id)
    return report.status if report is not None else None


@shared_task(**RETRY)
def weekly_global_report() -> int:
    """The all-experts report over all time; returns its id."""
    return report_batches.global_report().pk


@shared_task(**RETRY)
def weekly_expert_reports() -> int:
    """One report per expert with forecasts, from a single fetch; returns how many were made."""
    return len(report_batches.expert_reports())


@shared_task(**RETRY)
def flag_overdue_questions() -> int:
    """Flag questions past their resolution date and email the resolvers; returns how many."""
    return len(overdue_services.flag_overdue())


@shared_task(**RETRY)
def requeue_stalled_reports() -> int:
    """Re-send reports left pending/stale (broker outage) or running on a lost worker."""
    return len(report_services.requeue_stalled())
