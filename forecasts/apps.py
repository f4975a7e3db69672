from django.apps import AppConfig
from django.db.models.signals import post_migrate


def install_data_version_triggers(sender, using: str, **kwargs) -> None:
    from forecasts.services.data_version import install_triggers

    install_triggers(using=using)


class ForecastsConfig(AppConfig):
    name = "forecasts"
    verbose_name = "Forecast tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from forecasts import signals  # noqa: F401  (connects receivers)
        from forecasts.reports import receivers  # noqa: F401  (reports go stale on resolution changes)

        # After every migrate (and flush), so tables added by later migrations are counted too.
        post_migrate.connect(install_data_version_triggers, sender=self, dispatch_uid="data-version-triggers")
