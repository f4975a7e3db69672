from datetime import timedelta

import pytest
from django.utils import timezone

from forecasts.models import CalibrationReport
from forecasts.services import reports

pytestmark = pytest.mark.django_db
Status = CalibrationReport.Status


def make(status: str, started_minutes_ago: int | None = None) -> CalibrationReport:
    started = None if started_minutes_ago is None else timezone.now() - timedelta(minutes=started_minutes_ago)
    return CalibrationReport.objects.create(status=status, started_at=started)


@pytest.fixture
def sent(monkeypatch):
    ids: list[int] = []
    monkeypatch.setattr(reports, "queue_generation", ids.append)
    return ids


def test_it_resends_pending_and_stale_reports(sent):
    pending, stale, done = make(Status.PENDING), make(Status.STALE), make(Status.DONE)
    reports.requeue_stalled()
    assert sorted(sent) == sorted([pending.pk, stale.pk])
    assert done.pk not in sent


def test_a_report_running_past_the_time_limit_goes_back_to_pending(sent, settings):
    settings.CELERY_TASK_TIME_LIMIT = 60
    lost = make(Status.RUNNING, started_minutes_ago=10)
    reports.requeue_stalled()
    lost.refresh_from_db()
    assert lost.status == Status.PENDING
    assert sent == [lost.pk]


def test_a_report_running_within_the_time_limit_is_left_alone(sent, settings):
    settings.CELERY_TASK_TIME_LIMIT = 3600
    busy = make(Status.RUNNING, started_minutes_ago=10)
    reports.requeue_stalled()
    busy.refresh_from_db()
    assert busy.status == Status.RUNNING
    assert sent == []


def test_claiming_a_report_records_when_it_started():
    report = make(Status.PENDING)
    reports.claim(report.pk)
    report.refresh_from_db()
    assert report.status == Status.RUNNING
    assert report.started_at is not None
