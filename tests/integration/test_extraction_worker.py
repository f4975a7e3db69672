"""Claim extraction on a real Celery worker (subprocess) against Redis and PostgreSQL."""
import pytest

from forecasts.models import Expert, Source
from forecasts.tasks import extract_claims
from tests.factories import SourceFactory
from tests.integration.test_worker_round_trip import wait_for, worker_queue  # noqa: F401 - fixture
from tests.services.extraction_samples import ARTICLE

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_extracts_the_claims_of_a_source(worker_queue):  # noqa: F811
    source = SourceFactory(text=ARTICLE, extraction_status=Source.ExtractionStatus.PENDING)
    extract_claims.apply_async(args=[source.pk], queue=worker_queue)
    done = wait_for(lambda: Source.objects.get(pk=source.pk).extraction_status == "done")
    assert done, "the worker did not finish the extraction within 60 s"
    assert source.claims.count() == 2
    assert Expert.objects.get(name="Olga Petrenko").needs_review
