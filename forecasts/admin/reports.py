from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from forecasts.admin import report_tables
from forecasts.models import CalibrationReport
from forecasts.services import reports as report_services

RESULT_FIELDS = ("status", "progress", "error", "diagram", "figures", "bins_table", "not_counted",
                 "lead_time", "consensus", "files", "question_ids", "requested_by", "created_at",
                 "generated_at")
REQUEST_FIELDS = ("scope", "expert", "organization", "tag", "period_start", "period_end")


class ReportRequestForm(forms.ModelForm):
    class Meta:
        model = CalibrationReport
        fields = REQUEST_FIELDS

    def clean(self):
        data = super().clean()
        targets = {name: getattr(data.get(name), "pk", None) for name in ("expert", "organization", "tag")}
        try:
            report_services.validate_request(data.get("scope", ""), targets, data.get("period_start"),
                                             data.get("period_end"))
        except ValidationError as exc:
            renamed = {{"until": "period_end"}.get(k, k): v for k, v in exc.message_dict.items()}
            raise ValidationError(renamed) from exc
        return data


@admin.register(CalibrationReport)
class CalibrationReportAdmin(admin.ModelAdmin):
    list_display = ("id", "scope", "expert", "organization", "tag", "period_start", "period_end",
                    "status", "progress", "n", "brier", "generated_at")
    list_filter = ("scope", "status")
    list_select_related = ("expert", "organization", "tag")
    autocomplete_fields = ("expert", "organization", "tag")
    actions = ["generate_now"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ReportRequestForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return REQUEST_FIELDS if obj is None else REQUEST_FIELDS + RESULT_FIELDS

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else REQUEST_FIELDS + RESULT_FIELDS

    def save_model(self, request, obj, form, change) -> None:
        obj.requested_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            report_services.queue_generation(obj.pk)

    @admin.action(description="Generate report now", permissions=["add"])
    def generate_now(self, request, queryset) -> None:
        queued = report_services.regenerate(list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"{len(queued)} report(s) queued for generation.", messages.SUCCESS)

    @admin.display(description="n")
    def n(self, obj: CalibrationReport):
        return obj.metrics.get("n")

    @admin.display(description="Brier")
    def brier(self, obj: CalibrationReport) -> str:
        return report_tables.figure(obj.metrics.get("brier"))

    @admin.display(description="reliability diagram")
    def diagram(self, obj: CalibrationReport) -> str:
        if not obj.png:
            return "—"
        return format_html('<img src="{}" alt="reliability diagram" style="max-width:640px">', obj.png.url)

    @admin.display(description="figures")
    def figures(self, obj: CalibrationReport) -> str:
        return report_tables.figures_table(obj.metrics) if obj.metrics else "—"

    @admin.display(description="calibration bins")
    def bins_table(self, obj: CalibrationReport) -> str:
        return report_tables.bins_table(obj.bins) if obj.bins else "—"

    @admin.display(description="not counted")
    def not_counted(self, obj: CalibrationReport) -> str:
        counts = obj.metrics.get("not_counted")
        return report_tables.counts_table(counts) if counts else "—"

    @admin.display(description="lead time")
    def lead_time(self, obj: CalibrationReport) -> str:
        buckets = obj.metrics.get("lead_time")
        return report_tables.lead_time_table(buckets) if buckets else "—"

    @admin.display(description="consensus vs individuals")
    def consensus(self, obj: CalibrationReport) -> str:
        return report_tables.consensus_table(obj.metrics.get("consensus")) if obj.metrics else "—"

    @admin.display(description="files")
    def files(self, obj: CalibrationReport) -> str:
        links = [(label, f.url) for label, f in (("reliability.png", obj.png), ("bins.csv", obj.bins_csv),
                                                 ("forecasts.csv", obj.forecasts_csv)) if f]
        if not links:
            return "—"
        return format_html(" · ".join('<a href="{}">{}</a>' for _ in links),
                           *[part for label, url in links for part in (url, label)])
