from django.db import models


class DataVersion(models.Model):
    """One row whose value changes with every committed write to the tracker's tables.

    Database triggers maintain it (forecasts/services/data_version.py), so every writer is counted:
    the ORM, bulk operations, the admin, Celery workers, raw SQL and psql alike. The API keys its
    cached responses on it, which keeps cached reads exact.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.BigIntegerField()

    class Meta:
        db_table = "forecasts_dataversion"

    def __str__(self) -> str:
        return f"data version {self.value}"
