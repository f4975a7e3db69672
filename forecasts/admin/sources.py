from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from forecasts.admin.forecasts import ForecastInline
from forecasts.admin.modeling import rescore_claims
from forecasts.admin.source_extraction import SourceExtractionAdminMixin
from forecasts.models import Claim, Source
from forecasts.services import stance as stance_services


class ClaimUnderSourceInline(admin.TabularInline):
    model = Claim
    fields = ("expert", "quote", "kind", "capture", "extraction_confidence", "made_at")
    readonly_fields = ("capture", "extraction_confidence")
    autocomplete_fields = ("expert",)
    extra = 0
    show_change_link = True


@admin.register(Source)
class SourceAdmin(SourceExtractionAdminMixin, admin.ModelAdmin):
    list_display = ("title", "publisher", "author", "published_at", "extraction_summary")
    list_filter = ("extraction_status", "publisher")
    search_fields = ("title", "url", "publisher", "author")
    date_hierarchy = "published_at"
    readonly_fields = (
        "extraction_summary", "extraction_status", "extraction_error", "extracted_claims_count",
        "extracted_at",
    )
    inlines = [ClaimUnderSourceInline]

    @admin.display(description="extraction", ordering="extraction_status")
    def extraction_summary(self, obj: Source) -> str:
        if obj.extraction_status == Source.ExtractionStatus.DONE:
            return f"done ({obj.extracted_claims_count} claims)"
        if obj.extraction_status == Source.ExtractionStatus.FAILED:
            return f"failed: {obj.extraction_error}"
        return obj.get_extraction_status_display()


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ("short_quote", "expert", "organization", "kind", "made_at", "capture", "scoring_status")
    list_filter = (
        "kind", "capture", "scoring_status", "analyst_touched", "expert__organization", "made_at",
    )
    list_select_related = ("expert__organization", "source")
    search_fields = ("quote", "paraphrase", "expert__name", "source__title")
    date_hierarchy = "made_at"
    autocomplete_fields = ("expert", "source", "questions")
    readonly_fields = (
        "capture", "extraction_confidence", "extraction_pattern", "start_offset", "end_offset",
        "scoring_status", "scoring_error", "scoring_attempts", "scored_at",
    )
    inlines = [ForecastInline]
    actions = [rescore_claims]
    # Changing these changes what the claim says: it goes back to the stance scorer.
    rescoring_fields = frozenset({"quote", "paraphrase", "questions"})

    @admin.display(description="quote")
    def short_quote(self, obj: Claim) -> str:
        return obj.quote if len(obj.quote) <= 90 else obj.quote[:87] + "..."

    @admin.display(description="organization", ordering="expert__organization__name")
    def organization(self, obj: Claim) -> str:
        return str(obj.expert.organization or "")

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        if change and obj.capture == Claim.Capture.EXTRACTED and form.changed_data:
            obj.analyst_touched = True
        super().save_model(request, obj, form, change)
        if not change or self.rescoring_fields & set(form.changed_data):
            # Queued on commit, after save_related() has stored the linked questions.
            stance_services.request_scoring([obj.pk])
