from django.contrib import admin

from forecasts.models import CalibrationReport


@admin.register(CalibrationReport)
class CalibrationReportAdmin(admin.ModelAdmin):
    list_display = ("id", "scope", "expert", "organization", "tag", "period_start", "period_end",
                    "status", "progress", "generated_at")
    list_filter = ("scope", "status")
    list_select_related = ("expert", "organization", "tag")
    readonly_fields = ("status", "progress", "error", "metrics", "bins", "question_ids", "png",
                       "bins_csv", "forecasts_csv", "requested_by", "generated_at")
    autocomplete_fields = ("expert", "organization", "tag")
