"""Create and remove django-celery-beat crontab schedules from data migrations.

Migrations pass their historical `apps`; schedules are created once and looked up by name, so
re-running a migration leaves a schedule an operator has edited in the admin untouched.
"""
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Schedule:
    name: str
    task: str
    minute: str = "0"
    hour: str = "*"
    day_of_week: str = "*"


def create(apps, schedules: list[Schedule]) -> None:
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for schedule in schedules:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=schedule.minute, hour=schedule.hour, day_of_week=schedule.day_of_week,
            day_of_month="*", month_of_year="*", timezone="UTC",
        )
        PeriodicTask.objects.get_or_create(
            name=schedule.name, defaults={"task": schedule.task, "crontab": crontab}
        )
    # Tell a running beat that the schedule table changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove(apps, schedules: list[Schedule]) -> None:
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[schedule.name for schedule in schedules]).delete()


def operation(schedules: list[Schedule]):
    """A RunPython operation that creates the schedules (and removes them when reversed)."""
    from django.db import migrations

    return migrations.RunPython(
        lambda apps, schema_editor: create(apps, schedules),
        lambda apps, schema_editor: remove(apps, schedules),
    )
