from drf_spectacular.utils import extend_schema_view
from rest_framework import viewsets

from forecasts.api.filters import StanceModelFilter
from forecasts.api.schema import read_schema
from forecasts.api.serializers.modeling import StanceModelSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import StanceModel


@extend_schema_view(**read_schema(tag="stance-models", serializer=StanceModelSerializer))
class StanceModelViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Trained stance classifiers, their metrics and which one is active."""

    queryset = StanceModel.objects.all()
    serializer_class = StanceModelSerializer
    filterset_class = StanceModelFilter
    search_fields = ["version", "config"]
    ordering_fields = ["created_at", "trained_at", "version"]
