"""Enqueue Celery tasks after the surrounding transaction commits.

A broker outage must delay work, never lose it or fail the user's request: the rows stay in their
pending state and the beat sweeper re-enqueues them later.
"""
import logging

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)


def send_now(task: Task, *args, **kwargs) -> bool:
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except (BrokerError, ConnectionError, OSError):
        logger.warning("Broker unavailable: %s%r left for the sweeper", task.name, args)
        return False
    return True


def enqueue_on_commit(task: Task, *args, **kwargs) -> None:
    transaction.on_commit(lambda: send_now(task, *args, **kwargs))
