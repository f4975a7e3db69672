from rest_framework import serializers

from forecasts.models import StanceModel


class StanceModelSerializer(serializers.ModelSerializer):
    class Meta:
        model = StanceModel
        fields = "__all__"
        read_only_fields = [field.name for field in StanceModel._meta.fields]
