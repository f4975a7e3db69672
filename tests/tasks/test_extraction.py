"""The extraction tasks, run eagerly (as in the demo); the real-worker round trip is in
tests/integration/test_extraction_worker.py."""
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from forecasts.models import Source
from forecasts.services import extraction
from forecasts.tasks import extract_claims, requeue_pending_extractions
from tests.factories import SourceFactory
from tests.services.extraction_samples import ARTICLE, eager_celery  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
Status = Source.ExtractionStatus


def pending_source(text: str = ARTICLE, **fields) -> Source:
    return SourceFactory(text=text, extraction_status=Status.PENDING, **fields)


def test_the_task_extracts_a_pending_source_and_returns_its_claim_count():
    source = pending_source()
    assert extract_claims.delay(source.pk).get() == 2
    assert Source.objects.get(pk=source.pk).extraction_status == Status.DONE


def test_a_task_delivered_twice_does_the_work_once():
    source = pending_source()
    extract_claims.delay(source.pk)
    assert extract_claims.delay(source.pk).get() is None
    assert source.claims.count() == 2


def test_a_permanent_failure_is_recorded_on_the_source_and_not_retried():
    source = pending_source(text="")
    result = extract_claims.delay(source.pk)
    source.refresh_from_db()
    assert (result.get(), result.state) == (None, "SUCCESS")
    assert (source.extraction_status, source.extraction_error) == ("failed", "The source has no text to extract from.")


def test_a_lost_database_connection_is_retried_with_backoff(monkeypatch):
    outages = [OperationalError("connection reset")]
    real = extraction.extract_quotes

    def flaky(text):
        if outages:
            raise outages.pop()
        return real(text)

    monkeypatch.setattr(extraction, "extract_quotes", flaky)
    source = pending_source()
    extract_claims.delay(source.pk)
    source.refresh_from_db()
    assert (source.extraction_status, source.claims.count(), outages) == ("done", 2, [])


def test_the_task_accepts_an_id_sent_as_text():
    source = pending_source()
    assert extract_claims.delay(str(source.pk)).get() == 2


def test_the_sweeper_sends_out_work_left_pending_by_a_broker_outage():
    source = pending_source()
    Source.objects.filter(pk=source.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    assert requeue_pending_extractions.delay().get() == 1
    assert Source.objects.get(pk=source.pk).extraction_status == Status.DONE


def test_the_sweeper_leaves_finished_sources_alone():
    SourceFactory(text=ARTICLE, extraction_status=Status.DONE)
    assert requeue_pending_extractions.delay().get() == 0
