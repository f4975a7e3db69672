"""Resolution and report state never disagree: a report that used a question whose resolution
changed (resolved, annulled, reopened) goes stale and is regenerated."""
from __future__ import annotations

from django.db import connection
from django.db.models import Q

from forecasts.models import CalibrationReport, Forecast, Question
from forecasts.services import reports as report_services

Status = CalibrationReport.Status
Scope = CalibrationReport.Scope


def reports_using(question_id: int) -> list[int]:
    """Done reports whose question_ids hold the question (JSON containment where the database has it)."""
    done = CalibrationReport.objects.filter(status=Status.DONE)
    if connection.features.supports_json_field_contains:
        return list(done.filter(question_ids__contains=[question_id]).values_list("pk", flat=True))
    return [pk for pk, ids in done.values_list("pk", "question_ids").iterator() if question_id in ids]


def reports_gaining(question_id: int) -> list[int]:
    """Done reports whose scope covers a sided forecast on the question, if it is resolved now.

    A reopened question drops out of its reports' question_ids; without this, resolving it again
    would never bring it back. The period is not checked: regenerating one report too many is
    harmless, leaving one stale is not.
    """
    question = Question.objects.filter(pk=question_id, status=Question.Status.RESOLVED).first()
    sided = Forecast.objects.filter(question_id=question_id, stance__in=["agree", "disagree"])
    if question is None or not sided.exists():
        return []
    experts = sided.values("claim__expert_id")
    organizations = sided.filter(claim__organization__isnull=False).values("claim__organization_id")
    covering = (Q(scope=Scope.ALL) | Q(scope=Scope.EXPERT, expert_id__in=experts)
                | Q(scope=Scope.ORGANIZATION, organization_id__in=organizations)
                | Q(scope=Scope.TAG, tag__in=question.tags.all()))
    done = CalibrationReport.objects.filter(covering, status=Status.DONE)
    return list(done.values_list("pk", flat=True))


def mark_stale(question_id: int) -> list[int]:
    """Stale the reports that used, or may now use, the question and queue them; running ones
    requeue themselves."""
    used = sorted(set(reports_using(question_id)) | set(reports_gaining(question_id)))
    CalibrationReport.objects.filter(pk__in=used, status=Status.DONE).update(status=Status.STALE)
    # A report running now may have read the old resolution: it sees the stale mark when it
    # finishes, stores nothing, and queues itself again (services.reports.finish). A pending one
    # may be waiting in a batch with forecasts fetched earlier: stale makes it read them again.
    CalibrationReport.objects.filter(status__in=[Status.RUNNING, Status.PENDING]).update(status=Status.STALE)
    for pk in used:
        report_services.queue_generation(pk)
    return used
