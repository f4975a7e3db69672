"""Beat schedule for the extraction sweeper: sources left pending (a broker outage) or stuck running
(a lost worker) are re-queued every five minutes."""
from django.db import migrations

from forecasts.beat_schedules import Schedule, operation

SCHEDULES = [
    Schedule(name="Re-queue sources left waiting for claim extraction (every 5 min)",
             task="forecasts.tasks.extraction.requeue_pending_extractions",
             minute="*/5", hour="*", day_of_week="*"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0005_stance_schedules"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [operation(SCHEDULES)]
