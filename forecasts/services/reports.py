"""Calibration reports: request one, run it (once, even with several workers), store its files.

Lifecycle: pending -> running n% -> done | failed (reason on the row); done -> stale when a question
it used is resolved again, annulled or reopened, and then regenerated. A worker claims a report with
a conditional UPDATE, so a re-delivered task is a no-op, and finishes it with another conditional
UPDATE, so a report marked stale while it ran is never stored as done.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import OperationalError, transaction
from django.utils import timezone

from forecasts.models import CalibrationReport, Expert, Organization, Question, Tag
from forecasts.reports.build import ReportContent, build_content
from forecasts.reports.exports import bins_csv, forecasts_csv
from forecasts.reports.render import reliability_png
from forecasts.selectors.forecasts import ForecastSet, Scope, forecast_set
from forecasts.services.queue import enqueue_on_commit

logger = logging.getLogger(__name__)
Status = CalibrationReport.Status
ScopeKind = CalibrationReport.Scope
Progress = Callable[[int, str], None]
PROGRESS_INTERVAL = 0.5  # seconds between progress writes
SCOPE_TARGET = {ScopeKind.EXPERT: ("expert", Expert), ScopeKind.ORGANIZATION: ("organization", Organization),
                ScopeKind.TAG: ("tag", Tag)}


# --- request --------------------------------------------------------------------------------------

SEVERAL_TARGETS = "several"


def _target_errors(scope: str, targets: dict[str, int | None]) -> dict[str, str]:
    errors = {}
    for kind, (name, model) in SCOPE_TARGET.items():
        value = targets.get(name)
        if scope == kind and value is None:
            errors[name] = f"Required when the scope is '{kind}'."
        elif scope != kind and value is not None:
            errors[name] = f"Only allowed when the scope is '{kind}'."
        elif value is not None and not model.objects.filter(pk=value).exists():
            errors[name] = f"No {name} with id {value}."
    return errors


def validate_request(scope: str, targets: dict[str, int | None], since: date | None,
                     until: date | None) -> None:
    """Raise ValidationError with field errors: unknown scope or target, period out of order."""
    if scope == SEVERAL_TARGETS:
        given = [name for name, value in targets.items() if value is not None]
        raise ValidationError({name: "Give only one of expert, organization or tag." for name in given})
    if scope not in ScopeKind.values:
        raise ValidationError({"scope": f"Scope must be one of {', '.join(ScopeKind.values)}."})
    errors = _target_errors(scope, targets)
    if since and until and since > until:
        errors["until"] = "The period ends before it starts (since is after until)."
    if errors:
        raise ValidationError(errors)


def scope_from_target(expert: int | None, organization: int | None, tag: int | None) -> str:
    chosen = [kind for kind, value in ((ScopeKind.EXPERT, expert), (ScopeKind.ORGANIZATION, organization),
                                       (ScopeKind.TAG, tag)) if value is not None]
    return chosen[0] if len(chosen) == 1 else ScopeKind.ALL if not chosen else SEVERAL_TARGETS


@transaction.atomic
def request_report(
    *,
    scope: str | None = None,
    expert: int | None = None,
    organization: int | None = None,
    tag: int | None = None,
    since: date | None = None,
    until: date | None = None,
    by: AbstractBaseUser | None = None,
    enqueue: bool = True,
) -> CalibrationReport:
    """Create a pending report (scope inferred from the one target given) and queue its generation."""
    scope = scope or scope_from_target(expert, organization, tag)
    targets = {"expert": expert, "organization": organization, "tag": tag}
    validate_request(scope, targets, since, until)
    report = CalibrationReport.objects.create(
        scope=scope, expert_id=expert, organization_id=organization, tag_id=tag,
        period_start=since, period_end=until,
        requested_by=by if by is not None and by.is_authenticated else None,
    )
    if enqueue:
        queue_generation(report.pk)
    return report


def queue_generation(report_id: int) -> None:
    from forecasts.tasks.reports import generate_report  # tasks import services, not the reverse

    enqueue_on_commit(generate_report, report_id)


# --- run --------------------------------------------------------------------------------------------

def scope_of(report: CalibrationReport) -> Scope:
    return Scope(expert_id=report.expert_id, organization_id=report.organization_id, tag_id=report.tag_id,
                 since=report.period_start, until=report.period_end)


def label_of(report: CalibrationReport) -> str:
    whom = {
        ScopeKind.ALL: "All experts",
        ScopeKind.EXPERT: f"Expert: {report.expert}",
        ScopeKind.ORGANIZATION: f"Organization: {report.organization}",
        ScopeKind.TAG: f"Tag: {report.tag}",
    }[report.scope]
    if report.period_start or report.period_end:
        whom += f" · claims {report.period_start or '…'} to {report.period_end or '…'}"
    return whom


def claim(report_id: int) -> str | None:
    """Take the job (pending or stale -> running) and say which it was; None if someone else has
    it or it is done."""
    for status in (Status.PENDING, Status.STALE):
        if CalibrationReport.objects.filter(pk=report_id, status=status).update(
                status=Status.RUNNING, progress=0, error="", started_at=timezone.now()) == 1:
            return status
    return None


def requeue_stalled(now: datetime | None = None) -> list[int]:
    """Queue again what a broker outage or a lost worker left behind (beat, every 10 minutes).

    Pending and stale reports are simply re-sent: the conditional-UPDATE claim makes a duplicate
    delivery a no-op. A report still "running" past the task time limit lost its worker and goes back
    to pending first.
    """
    now = now or timezone.now()
    lost_before = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    CalibrationReport.objects.filter(status=Status.RUNNING, started_at__lt=lost_before).update(
        status=Status.PENDING, progress=0)
    ids = list(CalibrationReport.objects.filter(status__in=[Status.PENDING, Status.STALE])
               .values_list("pk", flat=True))
    for report_id in ids:
        queue_generation(report_id)
    return ids


def set_progress(report_id: int, percent: int) -> None:
    CalibrationReport.objects.filter(pk=report_id, status=Status.RUNNING).update(progress=percent)


@dataclass(frozen=True)
class Artifacts:
    png: bytes
    bins_csv: str
    forecasts_csv: str


def names_for(forecasts: ForecastSet) -> tuple[dict[int, str], dict[int, str]]:
    experts = dict(Expert.objects.filter(pk__in=set(forecasts.expert_ids.tolist())).values_list("id", "slug"))
    questions = dict(Question.objects.filter(pk__in=set(forecasts.question_ids.tolist()))
                     .values_list("id", "title"))
    return experts, questions


Names = tuple[dict[int, str], dict[int, str]]


def render_artifacts(content: ReportContent, label: str, names: Names | None = None) -> Artifacts:
    experts, questions = names or names_for(content.forecasts)
    return Artifacts(
        png=reliability_png(content.summary, content.forecasts.p, label),
        bins_csv=bins_csv(content.summary.bins),
        forecasts_csv=forecasts_csv(content.forecasts, experts, questions),
    )


def _store(report: CalibrationReport, field: str, filename: str, data: bytes | str) -> str:
    storage = report._meta.get_field(field).storage
    name = f"reports/{report.pk}/{filename}"
    storage.delete(name)
    return storage.save(name, ContentFile(data.encode("utf-8") if isinstance(data, str) else data))


def finish(report: CalibrationReport, content: ReportContent, artifacts: Artifacts) -> bool:
    """Store the result unless the report went stale meanwhile (then it is queued again)."""
    files = {
        "png": _store(report, "png", "reliability.png", artifacts.png),
        "bins_csv": _store(report, "bins_csv", "bins.csv", artifacts.bins_csv),
        "forecasts_csv": _store(report, "forecasts_csv", "forecasts.csv", artifacts.forecasts_csv),
    }
    metrics = content.metrics()
    stored = CalibrationReport.objects.filter(pk=report.pk, status=Status.RUNNING).update(
        status=Status.DONE, progress=100, metrics=metrics, bins=metrics["bins"],
        question_ids=content.question_ids, generated_at=timezone.now(), **files,
    ) == 1
    if not stored and CalibrationReport.objects.filter(pk=report.pk, status=Status.STALE).exists():
        queue_generation(report.pk)
    return stored


def fail(report_id: int, reason: str) -> None:
    CalibrationReport.objects.filter(pk=report_id, status=Status.RUNNING).update(
        status=Status.FAILED, error=reason[:2000])


def release(report_id: int) -> None:
    """A transient error: hand the job back so the task's retry can claim it again."""
    CalibrationReport.objects.filter(pk=report_id, status=Status.RUNNING).update(status=Status.PENDING)


def _noop(percent: int, step: str) -> None:
    return None


def produce(report: CalibrationReport, forecasts: ForecastSet | None = None,
            progress: Progress = _noop, names: Names | None = None) -> bool:
    """Fetch (unless given), score, render and store one claimed report."""
    if forecasts is None:
        forecasts = forecast_set(scope_of(report))
    progress(40, "scoring")
    content = build_content(forecasts)
    progress(70, "rendering")
    artifacts = render_artifacts(content, label_of(report), names)
    progress(90, "storing")
    return finish(report, content, artifacts)


def throttled_progress(report_id: int) -> Progress:
    """Progress is for people polling a slow report: a fast one skips the extra commits."""
    last_write = [time.monotonic()]

    def progress(percent: int, step: str) -> None:
        if time.monotonic() - last_write[0] >= PROGRESS_INTERVAL:
            set_progress(report_id, percent)
            last_write[0] = time.monotonic()

    return progress


def run_report(report_id: int, forecasts: ForecastSet | None = None,
               names: Names | None = None) -> CalibrationReport | None:
    """Generate one report if it can be claimed; None if another worker has it or it is done."""
    claimed_from = claim(report_id)
    if claimed_from is None:
        return None
    if claimed_from == Status.STALE:
        forecasts = names = None  # forecasts fetched before a resolution changed: read them again
    report = CalibrationReport.objects.select_related("expert", "organization", "tag").get(pk=report_id)
    try:
        produce(report, forecasts, throttled_progress(report_id), names)
    except OperationalError:
        release(report_id)
        raise
    except Exception as exc:  # noqa: BLE001 - any other error is permanent: record it on the row
        logger.exception("Calibration report %s failed", report_id)
        fail(report_id, f"{type(exc).__name__}: {exc}")
    report.refresh_from_db()
    return report


def regenerate(report_ids: list[int]) -> list[int]:
    """Queue the reports again (admin "Generate report now"); running ones are left to finish."""
    ids = list(CalibrationReport.objects.filter(pk__in=report_ids).exclude(status=Status.RUNNING)
               .values_list("pk", flat=True))
    CalibrationReport.objects.filter(pk__in=ids).exclude(status=Status.RUNNING).update(
        status=Status.PENDING, progress=0, error="")
    for pk in ids:
        queue_generation(pk)
    return ids
