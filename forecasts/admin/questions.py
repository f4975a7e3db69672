from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from forecasts.admin.forecasts import ForecastInline
from forecasts.admin.modeling import rescore_questions
from forecasts.models import Question, Tag
from forecasts.services import questions as question_services
from forecasts.services.errors import ServiceError


class OverdueFilter(admin.SimpleListFilter):
    title = "overdue"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return (("yes", "Past resolution date, unresolved"), ("no", "Not overdue"))

    def queryset(self, request, queryset):
        overdue_ids = Question.objects.overdue().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=overdue_ids)
        if self.value() == "no":
            return queryset.exclude(pk__in=overdue_ids)
        return queryset


class ResolutionForm(forms.Form):
    evidence_url = forms.URLField(required=False, max_length=500, assume_scheme="https",
                                  help_text="Where the outcome can be checked.")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class QuestionAdminForm(forms.ModelForm):
    """Refuses impossible dates with field messages instead of the database constraint's name."""

    def clean(self) -> dict:
        data = super().clean()
        opens, closes, due = (data.get(f) for f in ("opens_at", "closes_at", "resolve_by"))
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The forecast deadline must be after the open date.")
        if closes and due and due < closes:
            self.add_error("resolve_by", "The resolution date cannot be before the forecast deadline.")
        return data


class NoteRequiredForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=True,
                           help_text="Why; kept in the question's history.")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    form = QuestionAdminForm
    list_display = ("title", "status", "outcome", "closes_at", "resolve_by", "overdue", "resolved_at")
    list_filter = ("status", OverdueFilter, "outcome", "tags")
    search_fields = ("title", "resolution_criteria")
    date_hierarchy = "closes_at"
    filter_horizontal = ("tags",)
    readonly_fields = ("status", "outcome", "resolved_at", "resolved_by", "evidence_url",
                       "resolution_note", "overdue_notified_at")
    inlines = [ForecastInline]
    actions = ["resolve_yes", "resolve_no", "annul", "close", "reopen", rescore_questions]

    @admin.display(boolean=True, description="overdue")
    def overdue(self, obj: Question) -> bool:
        return obj.is_overdue

    def has_resolve_permission(self, request) -> bool:
        return request.user.has_perm("forecasts.resolve_question")

    @admin.action(description="Resolve YES…", permissions=["resolve"])
    def resolve_yes(self, request, queryset):
        return self._confirm(request, queryset, "resolve_yes", "Resolve YES", ResolutionForm,
                             lambda q, by, data: question_services.resolve(
                                 question=q, outcome="yes", by=by, **data))

    @admin.action(description="Resolve NO…", permissions=["resolve"])
    def resolve_no(self, request, queryset):
        return self._confirm(request, queryset, "resolve_no", "Resolve NO", ResolutionForm,
                             lambda q, by, data: question_services.resolve(
                                 question=q, outcome="no", by=by, **data))

    @admin.action(description="Annul…", permissions=["resolve"])
    def annul(self, request, queryset):
        return self._confirm(request, queryset, "annul", "Annul", NoteRequiredForm,
                             lambda q, by, data: question_services.annul(question=q, by=by, **data))

    @admin.action(description="Close (stop accepting forecasts)…", permissions=["resolve"])
    def close(self, request, queryset):
        return self._confirm(request, queryset, "close", "Close", None,
                             lambda q, by, data: question_services.close(question=q, by=by))

    @admin.action(description="Reopen a wrongly resolved/annulled question…", permissions=["resolve"])
    def reopen(self, request, queryset):
        return self._confirm(request, queryset, "reopen", "Reopen", NoteRequiredForm,
                             lambda q, by, data: question_services.reopen(question=q, by=by, **data))

    def _confirm(self, request, queryset, action: str, label: str, form_class, apply):
        form = form_class(request.POST if "apply" in request.POST else None) if form_class else None
        if "apply" in request.POST and (form is None or form.is_valid()):
            data = form.cleaned_data if form else {}
            self._apply_each(request, queryset, label, apply, data)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": f"{label}: confirm",
            "action": action,
            "label": label,
            "form": form,
            "questions": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "now": timezone.now(),
        }
        return TemplateResponse(request, "admin/forecasts/question/action_confirmation.html", context)

    def _apply_each(self, request, queryset, label: str, apply, data: dict) -> None:
        done = 0
        for question in queryset:
            try:
                apply(question, request.user, data)
                done += 1
            except (ServiceError, ValidationError) as exc:
                self.message_user(request, f"“{question}”: {_message(exc)}", messages.ERROR)
        if done:
            self.message_user(request, f"{label}: {done} question(s) updated.", messages.SUCCESS)


def _message(exc: Exception) -> str:
    if isinstance(exc, ServiceError):
        return exc.message
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return " ".join(exc.messages)
