"""django-filter filter sets for the list endpoints (names as the API documents them)."""

from datetime import UTC, datetime

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django_filters.fields import IsoDateTimeField

from forecasts.models import (
    CalibrationReport,
    Claim,
    Expert,
    Forecast,
    Organization,
    Question,
    Source,
    StanceModel,
)


class StrictBooleanField(forms.NullBooleanField):
    """true/false/1/0 or absent; anything else is an error (django-filter would ignore it)."""

    widget = forms.TextInput

    def to_python(self, value) -> bool | None:
        lowered = str(value).strip().lower() if value is not None else ""
        if lowered == "":
            return None
        if lowered not in ("true", "1", "false", "0"):
            raise ValidationError("Enter true or false.", code="invalid")
        return lowered in ("true", "1")

    def validate(self, value) -> None:
        return None


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, converted to UTC: PostgreSQL refuses offsets beyond +-15:59."""

    def to_python(self, value) -> datetime | None:
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except OverflowError as exc:
            raise ValidationError("Date-time out of range.", code="overflow") from exc


class DateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class OrganizationFilter(filters.FilterSet):
    class Meta:
        model = Organization
        fields = ["kind"]


class ExpertFilter(filters.FilterSet):
    organization = filters.ModelChoiceFilter(queryset=Organization.objects.all())
    needs_review = StrictBooleanFilter()

    class Meta:
        model = Expert
        fields = ["organization", "needs_review"]


class SourceFilter(filters.FilterSet):
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")

    class Meta:
        model = Source
        fields = ["publisher", "extraction_status"]


class LinkedQuestionFilter(filters.ModelChoiceFilter):
    """Claims linked to a question or holding a forecast on it (no join, so no duplicates)."""

    def filter(self, queryset: QuerySet, value: Question | None) -> QuerySet:
        if value is None:
            return queryset
        linked = Claim.questions.through.objects.filter(question=value).values("claim_id")
        forecast_on = Forecast.objects.filter(question=value).values("claim_id")
        return queryset.filter(Q(pk__in=linked) | Q(pk__in=forecast_on))


class ClaimFilter(filters.FilterSet):
    expert = filters.ModelChoiceFilter(queryset=Expert.objects.all())
    organization = filters.ModelChoiceFilter(
        queryset=Organization.objects.all(),
        help_text="Claims made for the organization: the expert's organization when the claim was made, "
        "not necessarily the expert's organization now.",
    )
    source = filters.ModelChoiceFilter(queryset=Source.objects.all())
    kind = filters.ChoiceFilter(choices=Claim.Kind.choices)
    made_after = DateTimeFilter(field_name="made_at", lookup_expr="gte")
    made_before = DateTimeFilter(field_name="made_at", lookup_expr="lt")
    question = LinkedQuestionFilter(
        field_name="questions",
        queryset=Question.objects.all(),
        help_text="Claims linked to the question or holding a forecast on it.",
    )

    class Meta:
        model = Claim
        fields = [
            "expert",
            "organization",
            "source",
            "kind",
            "made_after",
            "made_before",
            "question",
        ]


class QuestionFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Question.Status.choices)
    tag = filters.CharFilter(field_name="tags__slug", help_text="A tag's slug.")
    closes_after = DateTimeFilter(field_name="closes_at", lookup_expr="gte")
    closes_before = DateTimeFilter(field_name="closes_at", lookup_expr="lt")
    overdue = StrictBooleanFilter(
        method="filter_overdue",
        help_text="Past resolve_by and still neither resolved nor annulled.",
    )

    class Meta:
        model = Question
        fields = ["status", "tag", "closes_after", "closes_before", "overdue"]

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        overdue = Question.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class ForecastFilter(filters.FilterSet):
    expert = filters.ModelChoiceFilter(field_name="claim__expert", queryset=Expert.objects.all())
    question = filters.ModelChoiceFilter(queryset=Question.objects.all())
    stance = filters.ChoiceFilter(choices=Forecast.Stance.choices)
    label_source = filters.ChoiceFilter(choices=Forecast.LabelSource.choices)
    frozen = StrictBooleanFilter()

    class Meta:
        model = Forecast
        fields = ["expert", "question", "stance", "label_source", "frozen"]


class CalibrationReportFilter(filters.FilterSet):
    class Meta:
        model = CalibrationReport
        fields = ["scope", "status", "expert", "organization"]


class StanceModelFilter(filters.FilterSet):
    is_active = StrictBooleanFilter()

    class Meta:
        model = StanceModel
        fields = ["status", "is_active"]
