"""Beat schedule for the stance sweeper: claims left pending (a broker outage, no active model at
the time) are re-queued every ten minutes."""
from django.db import migrations

from forecasts.beat_schedules import Schedule, operation

SCHEDULES = [
    Schedule(name="Re-queue claims left waiting for stance scoring (every 10 min)",
             task="forecasts.tasks.stance.score_pending_claims",
             minute="*/10", hour="*", day_of_week="*"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0004_periodic_schedules"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [operation(SCHEDULES)]
