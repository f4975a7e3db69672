"""Claim extraction tasks: ids in, one service call; safe to run twice."""
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from forecasts.services import extraction as extraction_services
from forecasts.services.queue import send_now

logger = logging.getLogger(__name__)
TRANSIENT = (OperationalError, InterfaceError)


@shared_task(autoretry_for=TRANSIENT, retry_backoff=5, retry_backoff_max=600, retry_jitter=True,
             max_retries=8)
def extract_claims(source_id: int) -> int | None:
    """Extract the claims of one pending source; returns its extracted-claim count, or None.

    Only database-connection errors are retried (with backoff); anything else is recorded on the
    source as failed with the reason.
    """
    outcome = extraction_services.extract_source(int(source_id))
    return outcome.claims if outcome else None


@shared_task(autoretry_for=TRANSIENT, retry_backoff=5, max_retries=3)
def requeue_pending_extractions() -> int:
    """Re-enqueue sources left pending (broker outage) or stuck running; returns how many went."""
    sent = [send_now(extract_claims, pk) for pk in extraction_services.stalled_source_ids()]
    if not all(sent):
        logger.warning("Broker down: %d extraction(s) wait for the next sweep", sent.count(False))
    return sum(sent)
