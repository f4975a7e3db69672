"""Beat schedules in the database (django-celery-beat), editable in the admin afterwards.

Created once; re-running leaves schedules an operator has edited untouched (get_or_create by name).
"""
from django.db import migrations
from django.utils import timezone

SCHEDULES = [
    # name, task, crontab (minute, hour, day_of_week)
    ("Close questions past their deadline (daily)", "forecasts.tasks.questions.close_due_questions",
     ("5", "0", "*")),
    ("Flag overdue questions and email resolvers (daily)", "forecasts.tasks.reports.flag_overdue_questions",
     ("15", "7", "*")),
    ("Global calibration report (weekly)", "forecasts.tasks.reports.weekly_global_report",
     ("0", "3", "1")),
    ("Per-expert calibration reports (weekly)", "forecasts.tasks.reports.weekly_expert_reports",
     ("30", "3", "1")),
]


def create_schedules(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, task, (minute, hour, day_of_week) in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_week=day_of_week, day_of_month="*", month_of_year="*",
            timezone="UTC",
        )
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": crontab})
    # Tell a running beat that the schedule table changed.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedules(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, _, _ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0003_probability_validators"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
