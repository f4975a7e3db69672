"""Beat schedule for the report sweeper: reports left pending or stale (a broker outage) or stuck
running (a lost worker) are re-queued every ten minutes."""
from django.db import migrations

from forecasts.beat_schedules import Schedule, operation

SCHEDULES = [
    Schedule(name="Re-queue calibration reports left waiting (every 10 min)",
             task="forecasts.tasks.reports.requeue_stalled_reports",
             minute="*/10", hour="*", day_of_week="*"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0007_report_started_at"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [operation(SCHEDULES)]
