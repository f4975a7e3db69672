from rest_framework import serializers

from forecasts.models import Source


class ExtractionStatusSerializer(serializers.ModelSerializer):
    """Where a source's claim extraction stands: pending, running, done (N claims), failed (why)."""

    class Meta:
        model = Source
        fields = [
            "id", "extraction_status", "extraction_error", "extracted_claims_count", "extracted_at",
        ]
        read_only_fields = fields
