from drf_spectacular.utils import extend_schema_view
from rest_framework import viewsets

from forecasts.api.filters import SourceFilter
from forecasts.api.schema import crud_schema
from forecasts.api.serializers.sources import SourceDetailSerializer, SourceSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import Source


@extend_schema_view(**crud_schema(
    tag="sources", serializer=SourceDetailSerializer, list_serializer=SourceSerializer,
))
class SourceViewSet(ApiViewSetMixin, viewsets.ModelViewSet):
    """Articles. Lists leave the full text out; one source carries it."""

    queryset = Source.objects.all()
    filterset_class = SourceFilter
    search_fields = ["title", "url", "publisher", "author"]
    ordering_fields = ["published_at", "title", "publisher", "created_at"]

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.defer("text") if self.action == "list" else queryset

    def get_serializer_class(self):
        return SourceSerializer if self.action == "list" else SourceDetailSerializer
