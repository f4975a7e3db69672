from rest_framework import serializers

from forecasts.models import CalibrationReport


class CalibrationReportSerializer(serializers.ModelSerializer):
    """Every field; the PNG and CSV files as absolute URLs (null until generated)."""

    png = serializers.FileField(read_only=True, use_url=True, allow_null=True)
    bins_csv = serializers.FileField(read_only=True, use_url=True, allow_null=True)
    forecasts_csv = serializers.FileField(read_only=True, use_url=True, allow_null=True)

    class Meta:
        model = CalibrationReport
        fields = "__all__"
        read_only_fields = [field.name for field in CalibrationReport._meta.fields]
