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
