from celery import shared_task
from django.db import OperationalError as DatabaseError

from forecasts.services import questions as question_services


@shared_task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=5)
def close_due_questions() -> int:
    """Close open questions whose forecast deadline has passed; returns how many were closed."""
    return question_services.close_past_deadline()
