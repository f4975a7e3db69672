from django.apps import AppConfig


class ForecastsConfig(AppConfig):
    name = "forecasts"
    verbose_name = "Forecast tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from forecasts import signals  # noqa: F401  (connects receivers)
        from forecasts.reports import receivers  # noqa: F401  (reports go stale on resolution changes)
