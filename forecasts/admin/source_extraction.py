"""Claim extraction in the source admin: saving a text queues it, an action re-runs it.

Everything goes through forecasts.services.sources, the same path the API takes.
"""
from django import forms
from django.contrib import admin, messages

from forecasts.models import Claim, Source
from forecasts.services import sources as source_services


class SourceForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "author", "published_at", "text"]

    def clean_text(self) -> str:
        # As the service will store it: HTML reduced to text; too long is a field error here.
        return source_services.clean_text(self.cleaned_data.get("text") or "")


class SourceExtractionAdminMixin:
    """Mixed into SourceAdmin (forecasts/admin/sources.py)."""

    form = SourceForm
    actions = ["extract_claims"]

    def save_model(self, request, obj: Source, form, change: bool) -> None:
        source_services.save_source(obj)
        if obj.extraction_status == Source.ExtractionStatus.PENDING:
            self.message_user(request, "Claim extraction queued for the new text.")

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is Claim:
            _mark_edited_extracted_claims(formset)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Extract claims", permissions=["change"])
    def extract_claims(self, request, queryset) -> None:
        without_text = [str(source) for source in queryset if not source.text.strip()]
        with_text = [source for source in queryset if source.text.strip()]
        for source in with_text:
            source_services.request_extraction(source=source)
        if with_text:
            self.message_user(request, f"Claim extraction queued for {len(with_text)} source(s).",
                              level=messages.SUCCESS)
        if without_text:
            self.message_user(request, "Nothing to extract (no article text) for: "
                              + "; ".join(without_text), level=messages.WARNING)


def _mark_edited_extracted_claims(formset) -> None:
    """An analyst's edit in the inline protects the claim from re-extraction, as in ClaimAdmin."""
    for claim_form in formset.forms:
        claim = claim_form.instance
        if claim.pk and claim.capture == Claim.Capture.EXTRACTED and claim_form.has_changed():
            claim.analyst_touched = True
