"""Every periodic task created by the migrations names a task the worker actually has."""
import pytest
from django_celery_beat.models import PeriodicTask

from tracker.celery import app

pytestmark = pytest.mark.django_db


def test_the_migrations_create_the_periodic_schedules():
    assert PeriodicTask.objects.filter(enabled=True).count() >= 6


def test_every_scheduled_task_is_registered_with_celery():
    app.loader.import_default_modules()
    scheduled = set(PeriodicTask.objects.values_list("task", flat=True))
    assert scheduled - set(app.tasks) == set()
