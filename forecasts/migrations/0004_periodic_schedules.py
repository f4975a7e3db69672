"""Beat schedules in the database (django-celery-beat), editable in the admin afterwards."""
from django.db import migrations

from forecasts.beat_schedules import Schedule, operation

SCHEDULES = [
    Schedule(name="Close questions past their deadline (daily)",
             task="forecasts.tasks.questions.close_due_questions",
             minute="5", hour="0", day_of_week="*"),
    Schedule(name="Flag overdue questions and email resolvers (daily)",
             task="forecasts.tasks.reports.flag_overdue_questions",
             minute="15", hour="7", day_of_week="*"),
    Schedule(name="Global calibration report (weekly)",
             task="forecasts.tasks.reports.weekly_global_report",
             minute="0", hour="3", day_of_week="1"),
    Schedule(name="Per-expert calibration reports (weekly)",
             task="forecasts.tasks.reports.weekly_expert_reports",
             minute="30", hour="3", day_of_week="1"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0003_probability_validators"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [operation(SCHEDULES)]
