from django.contrib import admin

from forecasts.models import StanceModel


@admin.register(StanceModel)
class StanceModelAdmin(admin.ModelAdmin):
    list_display = ("version", "status", "config", "trained_at", "training_size", "is_active")
    list_filter = ("status", "is_active")
    search_fields = ("version",)
    readonly_fields = ("version", "status", "config", "trained_at", "training_size", "provenance",
                       "metrics", "artifact_path", "artifact_sha256", "library_versions",
                       "is_active", "error", "created_at")

    def has_add_permission(self, request) -> bool:
        return False
