from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from forecasts.models import Forecast, Question
from forecasts.services import forecasts as forecast_services
from forecasts.services.errors import ForecastFrozen

DISPLAY_FIELDS = (
    "stance", "probability", "stance_confidence", "phrase", "probability_basis",
    "label_source", "model_version", "frozen",
)


class ForecastInline(admin.TabularInline):
    """Read-only list; edits go through the forecast page so the override rules apply."""

    model = Forecast
    fields = ("claim", "question") + DISPLAY_FIELDS
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ForecastForm(forms.ModelForm):
    class Meta:
        model = Forecast
        fields = ("claim", "question", "stance", "probability")

    def clean(self):
        cleaned = super().clean()
        question: Question | None = cleaned.get("question")
        if self.instance.pk and self.instance.frozen:
            raise ValidationError("This forecast is frozen because its question has closed.")
        if question is not None and question.status != Question.Status.OPEN:
            raise ValidationError(f"The question is {question.status}: forecasts can no longer change.")
        if cleaned.get("stance"):
            forecast_services.validate_position(cleaned["stance"], cleaned.get("probability"))
        return cleaned


def _is_frozen(obj: Forecast | None) -> bool:
    return obj is not None and obj.is_frozen


@admin.register(Forecast)
class ForecastAdmin(SimpleHistoryAdmin):
    form = ForecastForm
    list_display = ("claim", "question", "stance", "probability", "stance_confidence", "phrase",
                    "label_source", "model_version", "frozen")
    list_filter = ("stance", "label_source", "frozen", "question__status", "claim__organization",
                   "model_version")
    list_select_related = ("claim__expert", "question")
    search_fields = ("claim__quote", "claim__expert__name", "question__title", "phrase")
    date_hierarchy = "scored_at"
    autocomplete_fields = ("claim", "question")
    readonly_fields = ("stance_confidence", "class_probabilities", "phrase", "probability_basis",
                       "label_source", "model_version", "frozen", "scored_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ("claim", "question") + tuple(self.readonly_fields)
        return self.readonly_fields

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not _is_frozen(obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not _is_frozen(obj)

    def save_model(self, request, obj: Forecast, form, change: bool) -> None:
        data = form.cleaned_data
        try:
            if change:
                saved = forecast_services.override(
                    forecast=obj, stance=data["stance"], probability=data.get("probability"), by=request.user
                )
            else:
                saved = forecast_services.create_by_analyst(
                    claim=data["claim"], question=data["question"], stance=data["stance"],
                    probability=data.get("probability"), by=request.user,
                )
        except ForecastFrozen as exc:
            raise ValidationError(exc.message) from exc
        obj.pk = saved.pk
