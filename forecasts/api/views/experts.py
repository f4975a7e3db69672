from drf_spectacular.utils import extend_schema_view
from rest_framework import viewsets

from forecasts.api.filters import ExpertFilter
from forecasts.api.schema import crud_schema
from forecasts.api.serializers.people import ExpertSerializer
from forecasts.api.views.base import ApiViewSetMixin
from forecasts.models import Expert


@extend_schema_view(**crud_schema(tag="experts", serializer=ExpertSerializer))
class ExpertViewSet(ApiViewSetMixin, viewsets.ModelViewSet):
    """Deleting an expert who still has claims answers 409: delete or reassign the claims first."""

    queryset = Expert.objects.select_related("organization")
    serializer_class = ExpertSerializer
    filterset_class = ExpertFilter
    search_fields = ["name", "role", "organization__name"]
    ordering_fields = ["name", "created_at"]
