"""A real Celery worker (subprocess) against Redis, writing to the PostgreSQL test database.

Runs in the PostgreSQL + Redis pass of .ci/run; a missing service is a failure there, not a skip.
"""
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from forecasts.models import Question
from forecasts.tasks import close_due_questions
from tests.factories import QuestionFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
PROJECT_ROOT = Path(settings.BASE_DIR)


def test_database_url_points_at_postgresql():
    assert connection.vendor == "postgresql", "the integration pass must run on PostgreSQL"


def test_the_broker_answers():
    assert redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=5).ping()


def database_url_of_test_db() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_queue() -> Iterator[str]:
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": database_url_of_test_db(), "PYTHONPATH": str(PROJECT_ROOT)}
    command = [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool=solo",
               "--concurrency=1", "-Q", queue, "--loglevel=WARNING", "--without-heartbeat",
               "--without-gossip", "--without-mingle"]
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    yield queue
    process.terminate()
    process.wait(timeout=30)


def wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return False


def test_a_real_worker_closes_a_question_in_postgresql(worker_queue):
    question = QuestionFactory(past_deadline=True)
    close_due_questions.apply_async(queue=worker_queue)
    closed = wait_for(lambda: Question.objects.get(pk=question.pk).status == Question.Status.CLOSED)
    assert closed, "the worker did not close the question within 60 s"
