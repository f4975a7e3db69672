"""Resolution and report state never disagree: a report that used a question whose resolution
changed (resolved, annulled, reopened) goes stale and is regenerated."""
from __future__ import annotations

from django.db import connection

from forecasts.models import CalibrationReport
from forecasts.services import reports as report_services

Status = CalibrationReport.Status


def reports_using(question_id: int) -> list[int]:
    """Done reports whose question_ids hold the question (JSON containment where the database has it)."""
    done = CalibrationReport.objects.filter(status=Status.DONE)
    if connection.features.supports_json_field_contains:
        return list(done.filter(question_ids__contains=[question_id]).values_list("pk", flat=True))
    return [pk for pk, ids in done.values_list("pk", "question_ids").iterator() if question_id in ids]


def mark_stale(question_id: int) -> list[int]:
    """Stale the reports that used the question and queue them; running ones requeue themselves."""
    used = reports_using(question_id)
    CalibrationReport.objects.filter(pk__in=used, status=Status.DONE).update(status=Status.STALE)
    # A report running now may have read the old resolution: it sees the stale mark when it
    # finishes, stores nothing, and queues itself again (services.reports.finish). A pending one
    # may be waiting in a batch with forecasts fetched earlier: stale makes it read them again.
    CalibrationReport.objects.filter(status__in=[Status.RUNNING, Status.PENDING]).update(status=Status.STALE)
    for pk in used:
        report_services.queue_generation(pk)
    return used
