from rest_framework import serializers


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class HistoryRecordSerializer(serializers.Serializer):
    """One saved version: who, when, how (created/changed/deleted), why, and what changed."""

    history_id = serializers.IntegerField()
    history_date = serializers.DateTimeField()
    history_type = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    history_user = serializers.CharField(
        allow_null=True, help_text="Username; null for the system."
    )
    history_change_reason = serializers.CharField(allow_null=True)
    changes = FieldChangeSerializer(many=True)
