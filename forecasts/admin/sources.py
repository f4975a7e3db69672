from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from forecasts.admin.forecasts import ForecastInline
from forecasts.admin.modeling import rescore_claims
from forecasts.admin.source_extraction import SourceExtractionAdminMixin
from forecasts.models import Claim, Source
from forecasts.models.sources import text_digest
from forecasts.services import claims as claim_services


class ClaimAdminForm(forms.ModelForm):
    """Checked by the claim service's rules, so a duplicate quote is a message on the quote field."""

    def _post_clean(self) -> None:
        super()._post_clean()  # the instance now holds the submitted values
        if self.errors:
            return
        try:
            claim_services.validate(self.instance)
        except ValidationError as exc:
            self._update_errors(exc)


def changed_fields(form: forms.ModelForm) -> dict:
    """What the analyst changed, for claims.update (unchanged fields are not resubmitted: the form
    shows made_at to the second and would otherwise cut its microseconds)."""
    data = form.cleaned_data
    changes = {name: data[name] for name in form.changed_data if name in claim_services.EDITABLE_FIELDS}
    if "questions" in form.changed_data:
        changes["questions"] = data["questions"]
    return changes


def new_claim_fields(form: forms.ModelForm) -> dict:
    """The editable fields of a new claim, for claims.create."""
    data = form.cleaned_data
    return {name: data[name] for name in claim_services.EDITABLE_FIELDS if name in data}


class ClaimUnderSourceFormSet(BaseInlineFormSet):
    """Claims added or edited under a source are written by the claim service, as in ClaimAdmin."""

    editor = None  # the admin user; ClaimUnderSourceInline.get_formset sets it per request

    def clean(self) -> None:
        super().clean()
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or self._should_delete_form(form) or not data.get("expert") or not data.get("quote"):
                continue
            key = (data["expert"].pk, text_digest(data["quote"]))
            if key in seen:
                raise ValidationError("Two rows give the same expert the same quote; a source has each quote once.")
            seen.add(key)

    def save_new(self, form, commit: bool = True) -> Claim:
        return claim_services.create(**{**new_claim_fields(form), "source": self.instance}, by=self.editor)

    def save_existing(self, form, obj: Claim, commit: bool = True) -> Claim:
        return claim_services.update(claim=obj, by=self.editor, **changed_fields(form))


class ClaimUnderSourceInline(admin.TabularInline):
    model = Claim
    form = ClaimAdminForm
    formset = ClaimUnderSourceFormSet
    fields = ("expert", "quote", "kind", "capture", "extraction_confidence", "made_at")
    readonly_fields = ("capture", "extraction_confidence")
    autocomplete_fields = ("expert",)
    extra = 0
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"editor": request.user})


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
    """Every write goes through forecasts.services.claims, as the API's do.

    The service decides what an edit means: an edited extracted claim is marked analyst-touched, and
    a new quote, paraphrase or set of linked questions sends the claim back to be scored. The
    organization (the expert's when the claim was made) is filled from the expert when left blank on
    a new claim, and follows a new expert unless the analyst changes it in the same edit.
    """

    form = ClaimAdminForm
    list_display = ("short_quote", "expert", "organization", "kind", "made_at", "capture", "scoring_status")
    list_filter = (
        "kind", "capture", "scoring_status", "analyst_touched", "organization", "made_at",
    )
    list_select_related = ("expert", "organization", "source")
    search_fields = ("quote", "paraphrase", "expert__name", "source__title")
    date_hierarchy = "made_at"
    autocomplete_fields = ("expert", "organization", "source", "questions")
    readonly_fields = (
        "capture", "extraction_confidence", "extraction_pattern", "start_offset", "end_offset",
        "analyst_touched", "scoring_status", "scoring_error", "scoring_attempts", "scored_at",
    )
    inlines = [ForecastInline]
    actions = [rescore_claims]

    @admin.display(description="quote")
    def short_quote(self, obj: Claim) -> str:
        return obj.quote if len(obj.quote) <= 90 else obj.quote[:87] + "..."

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        if change:
            saved = claim_services.update(claim=obj, by=request.user, **changed_fields(form))
        else:
            questions = form.cleaned_data.get("questions", ())
            saved = claim_services.create(questions=questions, by=request.user, **new_claim_fields(form))
        obj.pk = saved.pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change: bool) -> None:
        # No form.save_m2m(): the service stored the linked questions with the claim, before queueing.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
