from django.conf import settings
from rest_framework import serializers

from forecasts.models import Source

LIST_FIELDS = [
    "id", "url", "title", "publisher", "author", "published_at", "extraction_status",
    "extraction_error", "extracted_claims_count", "extracted_at", "created_at", "updated_at",
]
READ_ONLY = [
    "extraction_status", "extraction_error", "extracted_claims_count", "extracted_at",
    "created_at", "updated_at", "text_sha256",
]


class SourceSerializer(serializers.ModelSerializer):
    """Lists leave the article text out; fetch one source to get it."""

    class Meta:
        model = Source
        fields = LIST_FIELDS
        read_only_fields = [name for name in READ_ONLY if name in LIST_FIELDS]


class SourceDetailSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = LIST_FIELDS + ["text", "text_sha256"]
        read_only_fields = READ_ONLY

    def validate_text(self, value: str) -> str:
        limit = settings.SOURCE_TEXT_MAX_BYTES
        if len(value.encode("utf-8")) > limit:
            raise serializers.ValidationError(f"The article text is longer than {limit} bytes.")
        return value


class CompactSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "publisher", "published_at", "url"]
        read_only_fields = fields
