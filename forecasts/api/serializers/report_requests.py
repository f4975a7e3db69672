from rest_framework import serializers

from forecasts.models import CalibrationReport


class ReportRequestSerializer(serializers.Serializer):
    """What to report on: give at most one of expert/organization/tag (the scope follows from it)."""

    scope = serializers.ChoiceField(choices=CalibrationReport.Scope.choices, required=False,
                                    help_text="Optional: inferred from the target given.")
    expert = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    organization = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    tag = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    since = serializers.DateField(required=False, allow_null=True, help_text="Claims made on or after.")
    until = serializers.DateField(required=False, allow_null=True, help_text="Claims made on or before.")


class LeaderboardQuerySerializer(serializers.Serializer):
    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)
    min_forecasts = serializers.IntegerField(required=False, min_value=1, max_value=1_000_000)

    def validate(self, attrs):
        if attrs.get("since") and attrs.get("until") and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError({"until": "The period ends before it starts."})
        return attrs


class ReportForecastSerializer(serializers.Serializer):
    """One forecast that went into a report (a row of its forecasts.csv)."""

    forecast_id = serializers.IntegerField()
    expert_id = serializers.IntegerField()
    expert = serializers.CharField(help_text="The expert's slug.")
    question_id = serializers.IntegerField()
    question = serializers.CharField()
    made_at = serializers.CharField(help_text="When the claim was made (ISO 8601, UTC).")
    p_yes = serializers.FloatField()
    outcome = serializers.IntegerField(help_text="1 = YES, 0 = NO.")


class ReportForecastPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = ReportForecastSerializer(many=True)


class ForecastPageQuerySerializer(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=5000, default=500)
