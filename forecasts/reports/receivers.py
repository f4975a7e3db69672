"""Signal receivers for reports (connected from ForecastsConfig.ready)."""
from django.dispatch import receiver

from forecasts.signals import question_resolution_changed


@receiver(question_resolution_changed, dispatch_uid="reports_go_stale_on_resolution_change")
def stale_reports_on_resolution_change(sender, question_id: int, **kwargs) -> None:
    from forecasts.services.report_invalidation import mark_stale

    mark_stale(question_id)
